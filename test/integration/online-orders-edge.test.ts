/**
 * Online orders from the phone to the kitchen and back, with nothing faked but Stripe's API:
 * a real cloud on PGlite, the real `stripe` SDK against the fake Stripe server, a signed
 * webhook, a real edge store (SQLite file) and its sync client over HTTP. The order placed
 * through the public API becomes exactly one store order — also when the edge loses power
 * while taking it in and when the shape is replayed from scratch — and the kitchen's bump
 * and the hand-over reach the customer's status page.
 */
import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type LineId, type Order, newId } from '@brigade/sync/model';
import { type FakeStripe, startFakeStripe } from '@brigade/drivers/virtual';
import type { Cloud } from '@brigade/cloud';
import { type EdgeSync, startEdgeSync } from '../../edge/src/sync';
import { type TestStore, actors, count, openTestStore } from '../../edge/src/store/test-support';
import { type ApiClient, type TestTenant, addTenant, createTestCloud, enrolEdge, signInAs } from '../../cloud/src/testing/harness';

const WEBHOOK_SECRET = 'whsec_online_edge';

async function waitFor(ready: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > until) throw new Error('the edge did not catch up with the cloud in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('online orders reach the store and the phone follows the kitchen', () => {
  let stripe: FakeStripe;
  let cloud: Cloud;
  let tenant: TestTenant;
  let owner: ApiClient;
  let url: string;
  let credential: string;
  let edge: TestStore;
  let sync: EdgeSync | null = null;
  let powerCut = false;

  beforeAll(async () => {
    stripe = await startFakeStripe();
    cloud = await createTestCloud('pglite', { settings: { stripe: { secretKey: 'sk_test_online_edge', webhookSecret: WEBHOOK_SECRET, ...stripe.clientConfig() } } });
    tenant = await addTenant(cloud);
    owner = await signInAs(cloud, tenant.ownerEmail, tenant.ownerPassword);
    url = await cloud.app.listen({ port: 0, host: '127.0.0.1' });
    // The power cut strikes inside the acceptance's transaction, after everything was written.
    edge = openTestStore({
      now: () => new Date(),
      beforeCommit: (name) => {
        if (name === 'order.acceptOnline' && powerCut) throw new Error('power cut');
      },
    });
    credential = (await enrolEdge(cloud, tenant, edge.store.outbox.nodeId)).credential;
    startSync();
    await waitFor(() => sync?.status().shapes.online_orders?.upToDate === true && sync.status().shapes.menu_items?.upToDate === true, 20_000);
  });
  afterAll(async () => {
    await sync?.stop();
    edge.cleanup();
    await cloud.close();
    await stripe.close();
  });

  function startSync(): void {
    sync = startEdgeSync({ store: edge.store, cloudUrl: url, storeId: tenant.storeId, credential, heartbeatMs: 200 });
  }

  /** The phone: places the order through the public API, then Stripe reports the card payment. */
  async function placePaidOrder(customerName: string, tableToken?: string): Promise<string> {
    const orderId = randomUUID();
    const lines = [
      { lineId: newId<LineId>(), itemId: DEMO.burger, quantity: 1, modifierOptionIds: [DEMO.medium] },
      { lineId: newId<LineId>(), itemId: DEMO.fries, quantity: 2, modifierOptionIds: [DEMO.regular] },
    ];
    const placed = await fetch(`${url}/api/public/stores/${tenant.storeId}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orderId, lines, customerName, diningOption: 'take_out', ...(tableToken ? { tableToken } : {}) }),
    });
    expect(placed.status).toBe(201);
    const { payment } = (await placed.json()) as { payment: { paymentIntentId: string } };
    const intent = stripe.state.intent(payment.paymentIntentId);
    const payload = JSON.stringify({
      id: `evt_${randomUUID()}`, object: 'event', type: 'payment_intent.succeeded', created: Math.floor(Date.now() / 1000),
      data: { object: { id: intent.id, object: 'payment_intent', amount: intent.amount, amount_received: intent.amount, currency: intent.currency, metadata: intent.metadata, status: 'succeeded' } },
    });
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    const hook = await fetch(`${url}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload });
    expect(hook.status).toBe(200);
    return orderId;
  }

  const phoneStatus = async (orderId: string) =>
    ((await (await fetch(`${url}/api/public/orders/${orderId}`)).json()) as { status: string; paymentStatus: string }).status;
  const edgeOrder = (orderId: string): Order | null => {
    try {
      return edge.store.queries.order(orderId);
    } catch {
      return null;
    }
  };

  it('a paid pickup order lands on the KDS once, and bump and hand-over reach the phone', async () => {
    const orderId = await placePaidOrder('Grace');
    await expect.poll(() => edgeOrder(orderId)?.status, { timeout: 15_000 }).toBe('preparing');
    const order = edgeOrder(orderId)!;
    expect(order).toMatchObject({ channel: 'online', customerName: 'Grace', paymentStatus: 'paid' });
    expect(order.payments.map((p) => p.tender)).toEqual(['online']);
    expect(stripe.succeededCharges()).toBe(0); // recorded, never charged again by the store

    const tickets = edge.store.queries.tickets().filter((t) => t.orderId === orderId);
    expect(tickets.map((t) => t.stationId).sort()).toEqual([DEMO.fry, DEMO.grill].sort());
    expect(tickets.every((t) => t.channel === 'online' && t.customerName === 'Grace')).toBe(true);
    expect(edge.store.printJobs.list({ orderId }).filter((j) => j.kind === 'kitchen')).toHaveLength(2);
    await expect.poll(() => phoneStatus(orderId), { timeout: 15_000 }).toBe('preparing');

    // The first station's bump keeps it preparing; the last one makes it ready on the phone.
    await edge.store.execute('ticket.bump', newId(), { ticketId: tickets[0]!.id }, actors.expoKds);
    expect(edgeOrder(orderId)?.status).toBe('preparing');
    await edge.store.execute('ticket.bump', newId(), { ticketId: tickets[1]!.id }, actors.expoKds);
    sync?.wake();
    await expect.poll(() => phoneStatus(orderId), { timeout: 15_000 }).toBe('ready');

    await edge.store.execute('order.complete', newId(), { orderId }, actors.cashier);
    sync?.wake();
    await expect.poll(() => phoneStatus(orderId), { timeout: 15_000 }).toBe('completed');
    expect(count(edge.store, 'orders', 'id = ?', orderId)).toBe(1);
  });

  it('takes an order in once after a power cut mid-acceptance and a full replay of the shape', async () => {
    powerCut = true;
    const orderId = await placePaidOrder('Ada');
    // The row arrives and is stored; taking it in fails with the power.
    await expect.poll(() => edge.store.shapes.rows('online_orders').some((r) => r.id === orderId && r.status === 'submitted'), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => sync?.onlineIntake.status().refused[orderId] ?? null, { timeout: 10_000 }).toContain('power cut');
    expect(edgeOrder(orderId)).toBeNull();
    await sync?.stop();

    // Back on: the store takes in what it had stored, without waiting for the cloud.
    powerCut = false;
    edge.reopen();
    startSync();
    await expect.poll(() => edgeOrder(orderId)?.status, { timeout: 15_000 }).toBe('preparing');
    await expect.poll(() => phoneStatus(orderId), { timeout: 15_000 }).toBe('preparing');

    // Forget every shape position: the next start replays the whole shape from the beginning.
    await sync?.stop();
    edge.store.db.prepare('DELETE FROM shape_positions').run();
    edge.reopen();
    startSync();
    await expect.poll(() => sync?.status().shapes.online_orders?.upToDate, { timeout: 15_000 }).toBe(true);
    await expect.poll(() => edge.store.shapes.rows('online_orders').find((r) => r.id === orderId)?.status, { timeout: 15_000 }).toBe('accepted');
    await sync?.onlineIntake.process();
    expect(count(edge.store, 'orders', 'id = ?', orderId)).toBe(1);
    expect(count(edge.store, 'payments', 'order_id = ?', orderId)).toBe(1);
    expect(count(edge.store, 'kitchen_tickets', 'order_id = ?', orderId)).toBe(2);
  });

  it('a QR table order reaches the kitchen tagged with its table', async () => {
    const table = await owner.call<{ table: { label: string; token: string } }>('POST', `/api/stores/${tenant.storeId}/tables`, { label: '12' });
    expect(table.status).toBe(201);
    const orderId = await placePaidOrder('Table 12 guest', table.body.table.token);
    await expect.poll(() => edgeOrder(orderId)?.status, { timeout: 15_000 }).toBe('preparing');
    expect(edgeOrder(orderId)).toMatchObject({ channel: 'table', tableLabel: '12', diningOption: 'eat_in' });
    const tickets = edge.store.queries.tickets().filter((t) => t.orderId === orderId);
    expect(tickets.length).toBeGreaterThan(0);
    expect(tickets.every((t) => t.channel === 'table' && t.tableLabel === '12')).toBe(true);
  });

  it('while the store is paused in the cloud, nothing is taken and nothing reaches the store', async () => {
    expect((await owner.call('PUT', `/api/stores/${tenant.storeId}/online-ordering`, { paused: true })).status).toBe(200);
    const before = count(edge.store, 'orders');
    const refused = await fetch(`${url}/api/public/stores/${tenant.storeId}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orderId: randomUUID(), lines: [{ lineId: newId(), itemId: DEMO.cola, quantity: 1, modifierOptionIds: [DEMO.regular] }], customerName: 'Late', diningOption: 'take_out' }),
    });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('STORE_PAUSED');
    expect((await owner.call('PUT', `/api/stores/${tenant.storeId}/online-ordering`, { paused: false })).status).toBe(200);
    expect(count(edge.store, 'orders')).toBe(before);
  });
});
