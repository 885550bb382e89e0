import { count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DEMO, newId } from '@brigade/sync/model';
import type { OutboxMutation, PushResponse } from '@brigade/sync/protocol';
import { appliedMutations, onlineOrders, orders, pushRejections, stockMovements, syncClients } from '@brigade/sync/schema/pg';
import { BACKENDS } from '../db/test-backends';
import { enrolEdge, makeOrder, snapshotMutation, stockMutation, tenantClouds } from '../testing/harness';

describe.each(BACKENDS)('POST /sync/push on %s', (kind) => {
  const clouds = tenantClouds(kind);

  async function setup() {
    const { cloud, tenant, db } = await clouds.withTenant();
    const edge = await enrolEdge(cloud, tenant);
    const push = async (mutations: readonly OutboxMutation[], extra: Record<string, unknown> = {}, credential = edge.credential) =>
      cloud.app.inject({
        method: 'POST',
        url: '/sync/push',
        headers: { authorization: `Bearer ${credential}` },
        payload: { storeId: tenant.storeId, nodeId: edge.nodeId, epoch: 1, mutations, ...extra },
      });
    return { cloud, tenant, edge, push, db };
  }

  it('applies a batch once and answers a replay with the stored results', async () => {
    const { push, db, tenant } = await setup();
    const order = makeOrder();
    const batch = [snapshotMutation(1, order), stockMutation(2, DEMO.fries, -2)];
    const first = await push(batch);
    expect(first.statusCode).toBe(200);
    expect(first.json<PushResponse>()).toMatchObject({ lastSeq: 2, results: [{ seq: 1, status: 'applied' }, { seq: 2, status: 'applied' }] });
    const replay = await push(batch);
    expect(replay.json<PushResponse>().results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    const stored = await db.select().from(orders).where(eq(orders.storeId, tenant.storeId));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.total).toBe(order.totals.total);
    expect((await db.select({ n: count() }).from(stockMovements))[0]?.n).toBe(1);
  });

  it('stops at a gap and writes nothing past it', async () => {
    const { push, db } = await setup();
    const response = await push([snapshotMutation(1, makeOrder()), snapshotMutation(3, makeOrder())]);
    expect(response.json<PushResponse>()).toMatchObject({ lastSeq: 1, expectedSeq: 2, results: [{ seq: 1, status: 'applied' }] });
    expect((await db.select({ n: count() }).from(orders))[0]?.n).toBe(1);
  });

  it('records a business rejection and keeps the queue moving', async () => {
    const { push, db } = await setup();
    const response = await push([stockMutation(1, 'item-that-does-not-exist', -1), stockMutation(2, DEMO.cola, -1)]);
    const body = response.json<PushResponse>();
    expect(body.results).toMatchObject([{ seq: 1, status: 'rejected', code: 'ITEM_UNKNOWN' }, { seq: 2, status: 'applied' }]);
    expect(body.lastSeq).toBe(2);
    const rejections = await db.select().from(pushRejections);
    expect(rejections.map((r) => r.code)).toEqual(['ITEM_UNKNOWN']);
    const moved = await db.select().from(stockMovements);
    expect(moved.map((m) => m.itemId)).toEqual([DEMO.cola]);
  });

  it('keeps the newest version of an order when an older snapshot arrives late', async () => {
    const { push, db } = await setup();
    const order = makeOrder({ status: 'preparing', paymentStatus: 'unpaid' });
    await push([snapshotMutation(1, { ...order, status: 'completed', paymentStatus: 'paid' }, 3), snapshotMutation(2, order, 2)]);
    const stored = await db.select().from(orders);
    expect(stored.map((o) => [o.status, o.version])).toEqual([['completed', 3]]);
  });

  it('refuses a snapshot of an online order the store was not handed', async () => {
    const { push, db, tenant } = await setup();
    const order = makeOrder({ channel: 'online' });
    await db.insert(orders).values({
      id: order.id, organisationId: tenant.organisationId, storeId: tenant.storeId, owner: 'cloud', version: 1, number: 'W-1', businessDay: order.businessDay,
      channel: 'online', status: 'submitted', paymentStatus: 'unpaid', currency: 'USD', subtotal: 1, tax: 0, total: 1, paid: 0, refunded: 0, document: order,
      createdAt: order.createdAt, updatedAt: order.updatedAt,
    });
    await db.insert(onlineOrders).values({ id: order.id, storeId: tenant.storeId, organisationId: tenant.organisationId, status: 'pending_payment', paymentStatus: 'unpaid', customerName: 'Ann', total: 1, currency: 'USD', document: order });
    const response = await push([snapshotMutation(1, order, 5)]);
    expect(response.json<PushResponse>().results).toMatchObject([{ status: 'rejected', code: 'ORDER_OWNED_BY_CLOUD' }]);
    const stored = await db.select().from(orders).where(eq(orders.id, order.id));
    expect(stored[0]?.owner).toBe('cloud');
    expect(stored[0]?.version).toBe(1);
  });

  it.each([
    ['no credential', { authorization: '' }, 401, 'CREDENTIAL_INVALID'],
    ['a forged credential', { authorization: 'Bearer bsc_forgedforgedforgedforged' }, 401, 'CREDENTIAL_INVALID'],
  ])('refuses %s and writes nothing', async (_name, headers, status, code) => {
    const { cloud: c, tenant, edge, db } = await setup();
    const response = await c.app.inject({
      method: 'POST', url: '/sync/push', headers,
      payload: { storeId: tenant.storeId, nodeId: edge.nodeId, epoch: 1, mutations: [snapshotMutation(1, makeOrder())] },
    });
    expect(response.statusCode).toBe(status);
    expect(response.json<{ error: { code: string } }>().error.code).toBe(code);
    expect((await db.select({ n: count() }).from(orders))[0]?.n).toBe(0);
  });

  it('refuses bad bodies with a stable code and writes nothing', async () => {
    const { cloud, push, db, edge } = await setup();
    const cases: [Promise<{ statusCode: number; json: <T>() => T }>, number, string][] = [
      [push([snapshotMutation(1, makeOrder())], { storeId: newId() }), 403, 'STORE_MISMATCH'],
      [push([snapshotMutation(2, makeOrder()), snapshotMutation(1, makeOrder())]), 400, 'PUSH_OUT_OF_ORDER'],
      [push([{ ...snapshotMutation(1, makeOrder()), name: 'order.delete' } as unknown as OutboxMutation]), 400, 'VALIDATION_FAILED'],
      [push([{ ...stockMutation(1, DEMO.cola, -1), args: { itemId: DEMO.cola } } as unknown as OutboxMutation]), 400, 'VALIDATION_FAILED'],
      [push(Array.from({ length: 501 }, (_, i) => stockMutation(i + 1, DEMO.cola, -1))), 400, 'VALIDATION_FAILED'],
    ];
    for (const [pending, status, code] of cases) {
      const response = await pending;
      expect(response.statusCode, code).toBe(status);
      expect(response.json<{ error: { code: string } }>().error.code).toBe(code);
    }
    const raw = await cloud.app.inject({ method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${edge.credential}`, 'content-type': 'application/json' }, payload: '{"storeId":' });
    expect(raw.statusCode).toBe(400);
    expect(raw.json<{ error: { code: string } }>().error.code).toBe('BAD_REQUEST');
    expect((await db.select({ n: count() }).from(orders))[0]?.n).toBe(0);
    expect((await db.select({ n: count() }).from(appliedMutations))[0]?.n).toBe(0);
    expect((await db.select({ n: count() }).from(syncClients).where(sql`${syncClients.lastSeq} > 0`))[0]?.n).toBe(0);
  });

  it('applies each mutation exactly once when the same batch races itself', async () => {
    const { push, db } = await setup();
    const batch = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? snapshotMutation(i + 1, makeOrder()) : stockMutation(i + 1, DEMO.cola, -1)));
    const responses = await Promise.all([push(batch), push(batch), push(batch)]);
    const applied = responses.flatMap((r) => r.json<PushResponse>().results.filter((x) => x.status === 'applied').map((x) => x.seq));
    expect(applied.sort((a, b) => a - b)).toEqual(batch.map((m) => m.seq));
    expect((await db.select({ n: count() }).from(orders))[0]?.n).toBe(10);
    expect((await db.select({ n: count() }).from(stockMovements))[0]?.n).toBe(10);
  });
});
