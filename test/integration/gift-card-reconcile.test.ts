/**
 * Two tills (real edge stores on SQLite files) take the same gift card while offline, each
 * within its caps; once both push their outboxes to a real cloud, the card's balance is the
 * sum of every entry, the overdraft is flagged on the entry that caused it, and nothing is
 * lost. Ingredient stock movements reach the cloud too.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, type Order, newId } from '@brigade/sync/model';
import type { OutboxMutation, PushResponse } from '@brigade/sync/protocol';
import { ledgerEntries, stockMovements } from '@brigade/sync/schema/pg';
import type { Cloud } from '@brigade/cloud';
import { type TestStore, actors, burgerLine, createOrder, openTestStore, payCash } from '../../edge/src/store/test-support';
import { CARD_A } from '../../edge/src/store/commands/inventory-test-support';
import type { EdgeStore } from '../../edge/src/store/types';
import { BACKENDS } from '../../cloud/src/db/test-backends';
import { reconciledAccount } from '../../cloud/src/push/ledger-applier';
import { type TestTenant, addTenant, createTestCloud, enrolEdge, signInAs } from '../../cloud/src/testing/harness';

describe.each(BACKENDS)('gift cards reconciled across two tills on %s', (kind) => {
  let cloud: Cloud | undefined;
  const edges: TestStore[] = [];
  afterEach(async () => {
    for (const edge of edges.splice(0)) edge.cleanup();
    await cloud?.close();
    cloud = undefined;
  });

  /** What the edge's sync client does: push the waiting mutations, forget what the cloud acknowledged. */
  async function pushAll(store: EdgeStore, tenant: TestTenant, credential: string): Promise<readonly OutboxMutation[]> {
    const mutations = store.outbox.peek(500);
    const response = await cloud!.app.inject({
      method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${credential}` },
      payload: { storeId: tenant.storeId, nodeId: store.outbox.nodeId, epoch: store.outbox.epoch, mutations },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<PushResponse>();
    expect(body.results.filter((r) => r.status === 'rejected')).toEqual([]);
    store.outbox.ack(body.lastSeq);
    expect(store.outbox.peek(500)).toEqual([]);
    return mutations;
  }

  async function redeem(store: EdgeStore, amount: number): Promise<void> {
    const order = await createOrder(store, { lines: [burgerLine({ quantity: 10 })] });
    await store.execute('gift.redeem', newId(), { orderId: order.id, paymentId: newId(), cardNumber: CARD_A, amount }, actors.cashier);
  }

  it('sums both tills\' offline redemptions and flags the overdraft', async () => {
    cloud = await createTestCloud(kind);
    const tenant = await addTenant(cloud);
    const tillA = openTestStore({ now: () => new Date() });
    const tillB = openTestStore({ now: () => new Date() });
    edges.push(tillA, tillB);
    const a = await enrolEdge(cloud, tenant, tillA.store.outbox.nodeId);
    const b = await enrolEdge(cloud, tenant, tillB.store.outbox.nodeId);

    // Till A sells a 50.00 card and syncs; then both lose the cloud.
    const sold = (await tillA.store.execute('gift.sell', newId(), { orderId: newId(), lineId: newId(), cardNumber: CARD_A, amount: 5000 }, actors.cashier)).result as { order: Order };
    await payCash(tillA.store, sold.order);
    await pushAll(tillA.store, tenant, a.credential);

    await redeem(tillA.store, 4000);
    // Till B never saw the card: it takes it on trust, within its per-card cap (100.00 by default).
    await redeem(tillB.store, 3000);

    await pushAll(tillA.store, tenant, a.credential);
    const fromB = await pushAll(tillB.store, tenant, b.credential);

    const account = await reconciledAccount(cloud.ctx.database.db, tenant.organisationId, 'gift', CARD_A);
    expect(account.balance).toBe(5000 - 4000 - 3000);
    expect(account.overdrawnBy).toBe(2000);
    expect(account.entries.map((e) => [e.kind, e.delta, e.overdraft])).toEqual([
      ['activate', 5000, false],
      ['redeem', -4000, false],
      ['redeem', -3000, true],
    ]);
    // A push replayed (its acknowledgement lost) adds nothing.
    const again = await cloud.app.inject({
      method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${b.credential}` },
      payload: { storeId: tenant.storeId, nodeId: tillB.store.outbox.nodeId, epoch: tillB.store.outbox.epoch, mutations: fromB },
    });
    expect(again.json<PushResponse>().results.every((r) => r.status === 'duplicate')).toBe(true);
    const rows = await cloud.ctx.database.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.organisationId, tenant.organisationId), eq(ledgerEntries.account, CARD_A)));
    expect(rows).toHaveLength(3);

    // The owner sees it; another organisation's owner sees nothing of it.
    const owner = await signInAs(cloud, tenant.ownerEmail, tenant.ownerPassword);
    const seen = await owner.call<{ balance: number; overdrawnBy: number; entries: unknown[] }>('GET', `/api/ledgers/gift/${CARD_A}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ balance: -2000, overdrawnBy: 2000 });
    expect(seen.body.entries).toHaveLength(3);
    const other = await addTenant(cloud);
    const stranger = await signInAs(cloud, other.ownerEmail, other.ownerPassword);
    expect((await stranger.call('GET', `/api/ledgers/gift/${CARD_A}`)).status).toBe(404);
    expect((await owner.call('GET', '/api/ledgers/points/123')).status).toBe(400);
    expect((await cloud.app.inject({ method: 'GET', url: `/api/ledgers/gift/${CARD_A}` })).statusCode).toBe(401);
  });

  it('pushes ingredient movements, which are no menu items, and refuses a malformed ledger entry', async () => {
    cloud = await createTestCloud(kind);
    const tenant = await addTenant(cloud);
    const till = openTestStore({ now: () => new Date() });
    edges.push(till);
    const enrolled = await enrolEdge(cloud, tenant, till.store.outbox.nodeId);
    const buns = newId();
    await till.store.execute('inventory.defineIngredient', newId(), { ingredientId: buns, name: 'Buns', unit: 'each', lowThreshold: 0 }, actors.manager);
    await till.store.execute('inventory.setRecipe', newId(), { targetKind: 'item', targetId: DEMO.burger, components: [{ ingredientId: buns, quantity: 1 }] }, actors.manager);
    await till.store.execute('inventory.receive', newId(), { lines: [{ ingredientId: buns, quantity: 10 }] }, actors.cashier);
    await payCash(till.store, await createOrder(till.store, { lines: [burgerLine({ quantity: 3 })] }));
    await pushAll(till.store, tenant, enrolled.credential);
    const moved = await cloud.ctx.database.db.select().from(stockMovements).where(eq(stockMovements.itemId, buns));
    expect(moved.reduce((sum, m) => sum + m.delta, 0)).toBe(7);

    const bad = await cloud.app.inject({
      method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${enrolled.credential}` },
      payload: {
        storeId: tenant.storeId, nodeId: till.store.outbox.nodeId, epoch: till.store.outbox.epoch,
        mutations: [{ seq: 99, mutationId: newId(), createdAt: new Date().toISOString(), name: 'gift.entry', args: { id: newId(), ledger: 'gift', account: 'x', kind: 'redeem', delta: -1, orderId: null, occurredAt: new Date().toISOString() } }],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
  });
});
