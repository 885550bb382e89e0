/**
 * The per-store balance rows the `ledger_balances` shape serves: kept by triggers from every
 * applied ledger entry, also when two stores push entries for one card at the same moment
 * (separate connections on PostgreSQL), and served only to the store they belong to.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { newId, withCheckDigit } from '@brigade/sync/model';
import type { OutboxMutation, PushResponse } from '@brigade/sync/protocol';
import { ledgerAccounts, ledgerBalances } from '@brigade/sync/schema/pg';
import type { Cloud } from '../index';
import { BACKENDS } from '../db/test-backends';
import { addTenant, createTestCloud, enrolEdge, signInAs } from '../testing/harness';

const CARD = withCheckDigit('627100000000077');

function entry(seq: number, delta: number): OutboxMutation {
  const at = new Date().toISOString();
  return { seq, mutationId: newId(), name: 'gift.entry', createdAt: at, args: { id: newId(), ledger: 'gift', account: CARD, kind: delta > 0 ? 'load' : 'redeem', delta, orderId: null, occurredAt: at } };
}

describe.each(BACKENDS)('ledger balances per store on %s', (kind) => {
  let cloud: Cloud | undefined;
  afterEach(async () => {
    await cloud?.close();
    cloud = undefined;
  });

  it('adds up concurrent pushes from two stores once each, and tells each store its own share', async () => {
    const c = (cloud = await createTestCloud(kind));
    const tenant = await addTenant(c);
    const owner = await signInAs(c, tenant.ownerEmail, tenant.ownerPassword);
    const second = (await owner.call<{ store: { id: string } }>('POST', '/api/stores', { name: 'Second', timezone: 'UTC' })).body.store.id;
    const stores = [tenant.storeId, second];
    const edges = await Promise.all(stores.map((storeId) => enrolEdge(c, { ...tenant, storeId })));
    const perStore = [[10_000, -500, -700, 300, -100], [2_000, -900, -50, -50, 400]];
    const push = (i: number, mutations: OutboxMutation[]) =>
      c.app.inject({ method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${edges[i]?.credential ?? ''}` }, payload: { storeId: stores[i], nodeId: edges[i]?.nodeId, epoch: 1, mutations } });
    // Each store pushes its entries one per request, in order; the two stores at the same time,
    // so their pushes race for the account's row.
    const pushAll = async (i: number) => {
      const results: string[] = [];
      for (const [n, delta] of (perStore[i] ?? []).entries()) {
        const reply = await push(i, [entry(n + 1, delta)]);
        results.push(reply.json<PushResponse>().results[0]?.status ?? `HTTP ${reply.statusCode}`);
      }
      return results;
    };
    expect(await Promise.all([pushAll(0), pushAll(1)])).toEqual([Array(5).fill('applied'), Array(5).fill('applied')]);

    const total = perStore.flat().reduce((sum, d) => sum + d, 0);
    const rows = await c.ctx.database.db.select().from(ledgerBalances).where(eq(ledgerBalances.account, CARD));
    const byStore = new Map(rows.map((r) => [r.storeId, r]));
    for (const [i, storeId] of stores.entries()) {
      const own = perStore[i] ?? [];
      expect(byStore.get(storeId)).toMatchObject({ balance: total, entries: 10, storeDelta: own.reduce((s, d) => s + d, 0), storeEntries: own.length, organisationId: tenant.organisationId });
    }
    const account = await c.ctx.database.db.select().from(ledgerAccounts).where(eq(ledgerAccounts.account, CARD));
    expect(account[0]?.balance).toBe(total);
  });

  it('serves a store only its own rows, and another organisation gets none of the card', async () => {
    const c = (cloud = await createTestCloud(kind));
    const tenant = await addTenant(c);
    const other = await addTenant(c);
    const edge = await enrolEdge(c, tenant);
    const otherEdge = await enrolEdge(c, other);
    await c.app.inject({ method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${edge.credential}` }, payload: { storeId: tenant.storeId, nodeId: edge.nodeId, epoch: 1, mutations: [entry(1, 4_200)] } });
    const shapeOf = async (storeId: string, credential: string) => {
      const reply = await c.app.inject({
        method: 'GET', url: `/v1/shape?table=ledger_balances&where=${encodeURIComponent('store_id = $1')}&params[1]=${storeId}&offset=-1`,
        headers: { authorization: `Bearer ${credential}` },
      });
      expect(reply.statusCode).toBe(200);
      return reply.json<{ value?: Record<string, string> }[]>().flatMap((m) => (m.value ? [m.value] : []));
    };
    expect(await shapeOf(tenant.storeId, edge.credential)).toEqual([
      expect.objectContaining({ store_id: tenant.storeId, ledger: 'gift', account: CARD, balance: '4200', store_delta: '4200', store_entries: '1', entries: '1' }),
    ]);
    expect(await shapeOf(other.storeId, otherEdge.credential)).toEqual([]);
    const foreign = await c.app.inject({
      method: 'GET', url: `/v1/shape?table=ledger_balances&where=${encodeURIComponent('store_id = $1')}&params[1]=${tenant.storeId}&offset=-1`,
      headers: { authorization: `Bearer ${otherEdge.credential}` },
    });
    expect(foreign.statusCode).toBe(403);
  });
});
