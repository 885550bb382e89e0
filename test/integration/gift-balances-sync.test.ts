/**
 * Gift card balances come down to every store of the organisation: two stores (real edge
 * stores on SQLite files, each following the cloud's shapes with the real client over HTTP)
 * share one card. A card sold and loaded in store A is known, with its balance, in store B;
 * B's own redemption is counted once whether or not the cloud has included it yet; offline,
 * B still takes the card up to its cap; when both spend the same money offline, the cloud
 * flags the overdraft and both stores learn the reconciled balance. Loyalty points earned in
 * one store are spent in the other the same way.
 */
import { and, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type Order, newId } from '@brigade/sync/model';
import { ledgerBalances } from '@brigade/sync/schema/pg';
import { cloudLedgerBalances } from '@brigade/sync/schema/sqlite';
import type { Cloud } from '@brigade/cloud';
import { type EdgeSync, startEdgeSync } from '../../edge/src/sync';
import { type TestStore, actors, burgerLine, createOrder, openTestStore, payCash } from '../../edge/src/store/test-support';
import { accountView, ledgerBalance } from '../../edge/src/store/commands/gift-ledger';
import { CARD_A } from '../../edge/src/store/commands/inventory-test-support';
import { BACKENDS } from '../../cloud/src/db/test-backends';
import { reconciledAccount } from '../../cloud/src/push/ledger-applier';
import { type ApiClient, addTenant, createTestCloud, enrolEdge, signInAs } from '../../cloud/src/testing/harness';

interface Till {
  readonly t: TestStore;
  readonly storeId: string;
  online(): void;
  offline(): Promise<void>;
  balance(): number;
  cloudRow(): typeof cloudLedgerBalances.$inferSelect | undefined;
  redeem(amount: number): Promise<unknown>;
}

describe.each(BACKENDS)('gift card balances shared by two stores on %s', (kind) => {
  let cloud: Cloud | undefined;
  const running: { sync: EdgeSync | null; t: TestStore }[] = [];
  afterEach(async () => {
    for (const r of running.splice(0)) {
      await r.sync?.stop();
      r.t.cleanup();
    }
    await cloud?.close();
    cloud = undefined;
  });

  async function setup(): Promise<{ c: Cloud; owner: ApiClient; organisationId: string; a: Till; b: Till }> {
    const c = (cloud = await createTestCloud(kind));
    const tenant = await addTenant(c);
    const owner = await signInAs(c, tenant.ownerEmail, tenant.ownerPassword);
    const created = await owner.call<{ store: { id: string } }>('POST', '/api/stores', { name: 'Second store', timezone: 'UTC', menuId: tenant.menuId });
    expect(created.status).toBe(201);
    const url = await c.app.listen({ port: 0, host: '127.0.0.1' });
    const till = async (storeId: string): Promise<Till> => {
      const t = openTestStore({ now: () => new Date() });
      const { credential } = await enrolEdge(c, { ...tenant, storeId }, t.store.outbox.nodeId);
      const entry: { sync: EdgeSync | null; t: TestStore } = { sync: null, t };
      running.push(entry);
      const orm = drizzle(t.store.db);
      return {
        t,
        storeId,
        online: () => {
          entry.sync = startEdgeSync({ store: t.store, cloudUrl: url, storeId, credential, heartbeatMs: 200 });
        },
        offline: async () => {
          await entry.sync?.stop();
          entry.sync = null;
        },
        balance: () => ledgerBalance(orm as unknown as Parameters<typeof ledgerBalance>[0], 'gift', CARD_A),
        cloudRow: () => orm.select().from(cloudLedgerBalances).all().find((r) => r.account === CARD_A),
        redeem: async (amount) => {
          const order = await createOrder(t.store, { lines: [burgerLine({ quantity: 50 })] });
          return t.store.execute('gift.redeem', newId(), { orderId: order.id, paymentId: newId(), cardNumber: CARD_A, amount }, actors.cashier);
        },
      };
    };
    return { c, owner, organisationId: tenant.organisationId, a: await till(tenant.storeId), b: await till(created.body.store.id) };
  }

  it('a card sold and loaded in A is redeemed in B with the right balance, offline within the cap, and an overdraft is flagged', async () => {
    const { c, organisationId, a, b } = await setup();
    a.online();
    b.online();
    const sold = (await a.t.store.execute('gift.sell', newId(), { orderId: newId(), lineId: newId(), cardNumber: CARD_A, amount: 10_000 }, actors.cashier)).result as { order: Order };
    await payCash(a.t.store, sold.order);
    const loaded = (await a.t.store.execute('gift.load', newId(), { orderId: newId(), lineId: newId(), cardNumber: CARD_A, amount: 10_000 }, actors.cashier)).result as { order: Order };
    await payCash(a.t.store, loaded.order);

    // B has never seen the card; the cloud's balance brings it.
    await expect.poll(() => b.cloudRow()?.balance, { timeout: 15_000 }).toBe(20_000);
    expect(b.cloudRow()).toMatchObject({ storeDelta: 0, storeEntries: 0, entries: 2 });
    expect(b.balance()).toBe(20_000);
    // Known now, so more than it holds is refused (before, an unknown card was taken on trust up to the cap).
    await expect(b.redeem(25_000)).rejects.toMatchObject({ code: 'GIFT_CARD_INSUFFICIENT' });
    await b.redeem(6_000);
    expect(b.balance()).toBe(14_000);
    // Once the cloud includes B's entry, B's balance must not take it off a second time.
    await expect.poll(() => b.cloudRow()?.storeEntries, { timeout: 15_000 }).toBe(1);
    expect(b.cloudRow()).toMatchObject({ balance: 14_000, storeDelta: -6_000 });
    expect(b.balance()).toBe(14_000);
    await expect.poll(() => a.balance(), { timeout: 15_000 }).toBe(14_000);
    expect(a.cloudRow()).toMatchObject({ storeDelta: 20_000, storeEntries: 2 });

    // Both stores lose the cloud. B still takes the card up to its per-card cap (100.00 by default).
    await a.offline();
    await b.offline();
    await b.redeem(9_000);
    const refused = b.redeem(2_000);
    await expect(refused).rejects.toMatchObject({ code: 'OFFLINE_CAP_REACHED' });
    expect(accountView(drizzle(b.t.store.db) as unknown as Parameters<typeof accountView>[0], 'gift', CARD_A)).toMatchObject({ balance: 5_000, available: 1_000 });
    // A does not know of B's offline spending and takes 80.00 of what it believes is 140.00.
    await a.redeem(8_000);
    expect(a.balance()).toBe(6_000);

    a.online();
    b.online();
    await expect.poll(async () => (await reconciledAccount(c.ctx.database.db, organisationId, 'gift', CARD_A)).entries.length, { timeout: 15_000 }).toBe(5);
    const account = await reconciledAccount(c.ctx.database.db, organisationId, 'gift', CARD_A);
    expect(account.balance).toBe(20_000 - 6_000 - 9_000 - 8_000);
    expect(account.overdrawnBy).toBe(3_000);
    expect(account.entries.filter((e) => e.overdraft)).toHaveLength(1);
    // Both stores come to the reconciled balance, each counting its own entries once.
    await expect.poll(() => [a.balance(), b.balance()], { timeout: 15_000 }).toEqual([-3_000, -3_000]);
    await expect(a.redeem(100)).rejects.toMatchObject({ code: 'GIFT_CARD_INSUFFICIENT' });
  });

  it('points earned in A can be spent in B, and no more than were earned', async () => {
    const { a, b } = await setup();
    a.online();
    b.online();
    const account = '15550100000';
    const order = await createOrder(a.t.store, { lines: [burgerLine({ quantity: 3 })] });
    await a.t.store.execute('loyalty.attach', newId(), { orderId: order.id, account: '+1 (555) 010-0000' }, actors.cashier);
    await payCash(a.t.store, order);
    const orm = (t: TestStore) => drizzle(t.store.db) as unknown as Parameters<typeof ledgerBalance>[0];
    const earned = ledgerBalance(orm(a.t), 'loyalty', account);
    expect(earned).toBeGreaterThan(0);
    await expect.poll(() => ledgerBalance(orm(b.t), 'loyalty', account), { timeout: 15_000 }).toBe(earned);
    const check = await createOrder(b.t.store, { lines: [burgerLine({ quantity: 3 })] });
    await expect(b.t.store.execute('loyalty.redeem', newId(), { orderId: check.id, paymentId: newId(), account, points: earned + 1 }, actors.cashier))
      .rejects.toMatchObject({ code: 'LOYALTY_POINTS_INSUFFICIENT' });
    await b.t.store.execute('loyalty.redeem', newId(), { orderId: check.id, paymentId: newId(), account, points: 1 }, actors.cashier);
    expect(ledgerBalance(orm(b.t), 'loyalty', account)).toBe(earned - 1);
    await expect.poll(() => ledgerBalance(orm(a.t), 'loyalty', account), { timeout: 15_000 }).toBe(earned - 1);
  });

  it('a store opened after the card was sold starts with its balance', async () => {
    const { c, a, owner } = await setup();
    a.online();
    const sold = (await a.t.store.execute('gift.sell', newId(), { orderId: newId(), lineId: newId(), cardNumber: CARD_A, amount: 5_000 }, actors.cashier)).result as { order: Order };
    await payCash(a.t.store, sold.order);
    await expect.poll(() => a.cloudRow()?.balance, { timeout: 15_000 }).toBe(5_000);
    const opened = await owner.call<{ store: { id: string } }>('POST', '/api/stores', { name: 'Third store', timezone: 'UTC' });
    expect(opened.status).toBe(201);
    const rows = await c.ctx.database.db.select().from(ledgerBalances).where(and(eq(ledgerBalances.storeId, opened.body.store.id), eq(ledgerBalances.account, CARD_A)));
    expect(rows.map((r) => ({ balance: r.balance, entries: r.entries, storeDelta: r.storeDelta, storeEntries: r.storeEntries }))).toEqual([{ balance: 5_000, entries: 1, storeDelta: 0, storeEntries: 0 }]);
  });
});
