/**
 * Cancelling and refunding online orders from the dashboard, against the real cloud app and
 * the real `stripe` SDK talking to the fake Stripe server (Stripe's API is unreachable here):
 * a paid order is refunded once however often the owner asks, an order the store owns is
 * refused, Stripe's refusal changes nothing, and another organisation sees a 404.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type LineId, newId } from '@brigade/sync/model';
import { onlineOrders, orders } from '@brigade/sync/schema/pg';
import { startFakeStripe, type FakeStripe } from '@brigade/drivers/virtual';
import type { Cloud } from '@brigade/cloud';
import { BACKENDS } from '../../cloud/src/db/test-backends';
import { type ApiClient, type TestTenant, addTenant, createTestCloud, enrolEdge, signInAs, snapshotMutation } from '../../cloud/src/testing/harness';

const WEBHOOK_SECRET = 'whsec_test_refunds';
type Err = { error: { code: string; message: string } };
type Listed = { orders: { id: string; status: string; paymentStatus: string; owner: string; total: number }[] };
type Refunded = { orderId: string; status: string; paymentStatus: string; refundId: string | null; alreadyCancelled: boolean };

describe.each(BACKENDS)('online refunds on %s', (kind) => {
  let fake: FakeStripe;
  let customerStripe: Stripe;
  let cloud: Cloud;
  let tenant: TestTenant;
  let owner: ApiClient;
  let intruder: ApiClient;
  let otherStoreId: string;

  beforeAll(async () => {
    fake = await startFakeStripe();
    // The customer's side of the checkout (Stripe.js in the browser) confirms with a test card.
    customerStripe = new Stripe('sk_test_customer', { ...fake.clientConfig(), maxNetworkRetries: 0 });
    cloud = await createTestCloud(kind, { settings: { stripe: { secretKey: 'sk_test_brigade', webhookSecret: WEBHOOK_SECRET, ...fake.clientConfig() } } });
    tenant = await addTenant(cloud);
    const other = await addTenant(cloud);
    otherStoreId = other.storeId;
    owner = await signInAs(cloud, tenant.ownerEmail, tenant.ownerPassword);
    intruder = await signInAs(cloud, other.ownerEmail, other.ownerPassword);
  });
  afterAll(async () => {
    await cloud.close();
    await fake.close();
  });

  const db = () => cloud.ctx.database.db;
  const onlineRow = async (id: string) => (await db().select().from(onlineOrders).where(eq(onlineOrders.id, id)))[0];
  const orderRow = async (id: string) => (await db().select().from(orders).where(eq(orders.id, id)))[0];
  const refundsOf = (intentId: string) => [...fake.state.refunds.values()].filter((r) => r.payment_intent === intentId);
  const refund = (orderId: string, client = owner, storeId = tenant.storeId) => client.call<Refunded & Err>('POST', `/api/stores/${storeId}/online-orders/${orderId}/refund`);

  /** Places an order, pays it with a test card and delivers Stripe's signed webhook. */
  async function paidOrder(): Promise<{ orderId: string; intentId: string; total: number }> {
    const orderId = randomUUID();
    const lines = [{ lineId: newId<LineId>(), itemId: DEMO.burger, quantity: 1, modifierOptionIds: [DEMO.rare, DEMO.cheese] }];
    const placed = await cloud.app.inject({ method: 'POST', url: `/api/public/stores/${tenant.storeId}/orders`, payload: { orderId, lines, customerName: 'Ada', diningOption: 'take_out' } });
    expect(placed.statusCode).toBe(201);
    const intentId = placed.json<{ payment: { paymentIntentId: string } }>().payment.paymentIntentId;
    const intent = await customerStripe.paymentIntents.confirm(intentId, { payment_method: 'pm_card_visa' });
    expect(intent.status).toBe('succeeded');
    const payload = JSON.stringify({
      id: `evt_${randomUUID()}`, object: 'event', type: 'payment_intent.succeeded', created: Math.floor(Date.now() / 1000),
      data: { object: { id: intent.id, object: 'payment_intent', status: 'succeeded', amount: intent.amount, amount_received: intent.amount, currency: intent.currency, metadata: intent.metadata } },
    });
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    const hook = await cloud.app.inject({ method: 'POST', url: '/webhooks/stripe', headers: { 'content-type': 'application/json', 'stripe-signature': header }, payload });
    expect(hook.statusCode).toBe(200);
    expect(await onlineRow(orderId)).toMatchObject({ status: 'submitted', paymentStatus: 'paid' });
    return { orderId, intentId, total: intent.amount };
  }

  it('cancels a paid order, refunds it in full once, and the tracking page says cancelled and refunded', async () => {
    const { orderId, intentId, total } = await paidOrder();
    const response = await refund(orderId);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'cancelled', paymentStatus: 'refunded', alreadyCancelled: false });
    const refunds = refundsOf(intentId);
    expect(refunds.map((r) => r.amount)).toEqual([total]);
    expect(response.body.refundId).toBe(refunds[0]?.id);
    // The shape row the store follows is no longer `submitted`, so its intake never takes it in.
    expect(await onlineRow(orderId)).toMatchObject({ status: 'cancelled', paymentStatus: 'refunded' });
    expect(await orderRow(orderId)).toMatchObject({ owner: 'cloud', status: 'cancelled', paymentStatus: 'refunded', refunded: total });
    const tracking = await cloud.app.inject({ method: 'GET', url: `/api/public/orders/${orderId}` });
    expect(tracking.json()).toMatchObject({ status: 'cancelled', paymentStatus: 'refunded' });
    const listed = await owner.call<Listed>('GET', `/api/stores/${tenant.storeId}/online-orders`);
    expect(listed.body.orders.find((o) => o.id === orderId)).toMatchObject({ status: 'cancelled', paymentStatus: 'refunded', owner: 'cloud', total });
  });

  it('refunds once on a double click and on a lost Stripe response', async () => {
    const { orderId, intentId } = await paidOrder();
    // Stripe refunds but the answer never arrives: the SDK retries with the same key.
    fake.injectFault(/^\/v1\/refunds$/, 'drop-after');
    const [first, second] = await Promise.all([refund(orderId), refund(orderId)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([first.body.alreadyCancelled, second.body.alreadyCancelled].sort()).toEqual([false, true]);
    const third = await refund(orderId);
    expect(third.body).toMatchObject({ status: 'cancelled', alreadyCancelled: true, refundId: null });
    expect(refundsOf(intentId)).toHaveLength(1);
    const keys = new Set(fake.requests().filter((r) => r.path === '/v1/refunds').map((r) => r.idempotencyKey));
    expect([...keys].filter((k) => k?.includes(orderId))).toEqual([`online-refund-${orderId}`]);
  });

  it('refuses an order the store has taken over with 409 and refunds nothing', async () => {
    const { orderId, intentId } = await paidOrder();
    const edge = await enrolEdge(cloud, tenant);
    const document = (await onlineRow(orderId))!.document as Parameters<typeof snapshotMutation>[1];
    const push = await cloud.app.inject({
      method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${edge.credential}` },
      payload: { storeId: tenant.storeId, nodeId: edge.nodeId, epoch: 1, mutations: [snapshotMutation(1, { ...document, status: 'accepted' }, 2)] },
    });
    expect(push.json<{ results: { status: string }[] }>().results[0]?.status).toBe('applied');
    const response = await refund(orderId);
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('ORDER_OWNED_BY_STORE');
    expect(response.body.error.message).toMatch(/till/);
    expect(refundsOf(intentId)).toHaveLength(0);
    expect(await orderRow(orderId)).toMatchObject({ owner: 'edge', status: 'accepted', paymentStatus: 'paid' });
    const listed = await owner.call<Listed>('GET', `/api/stores/${tenant.storeId}/online-orders`);
    expect(listed.body.orders.find((o) => o.id === orderId)).toMatchObject({ owner: 'edge', status: 'accepted' });
  });

  it('answers Stripe refusing with a clear 4xx and leaves the order as it was', async () => {
    const { orderId, intentId } = await paidOrder();
    // Refunded in Stripe's own dashboard meanwhile: Stripe refuses a second refund.
    fake.state.refund({ payment_intent: intentId });
    const before = await onlineRow(orderId);
    const response = await refund(orderId);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.body.error.code).toBe('REFUND_FAILED');
    expect(response.body.error.message).toMatch(/already been refunded/);
    expect(await onlineRow(orderId)).toEqual(before);
    expect(await orderRow(orderId)).toMatchObject({ status: 'submitted', paymentStatus: 'paid', refunded: 0 });
  });

  it('cancels an unpaid order without calling Stripe', async () => {
    const orderId = randomUUID();
    const lines = [{ lineId: newId<LineId>(), itemId: DEMO.fries, quantity: 1, modifierOptionIds: [DEMO.large] }];
    await cloud.app.inject({ method: 'POST', url: `/api/public/stores/${tenant.storeId}/orders`, payload: { orderId, lines, customerName: 'Bo', diningOption: 'take_out' } });
    const calls = fake.requests().filter((r) => r.path === '/v1/refunds').length;
    const response = await refund(orderId);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'cancelled', paymentStatus: 'unpaid', refundId: null });
    expect(fake.requests().filter((r) => r.path === '/v1/refunds')).toHaveLength(calls);
    expect(await onlineRow(orderId)).toMatchObject({ status: 'cancelled', paymentStatus: 'unpaid' });
  });

  it('answers 404 to another organisation and to unknown orders, 400 to a malformed id, 401 without a session; nothing changes', async () => {
    const { orderId, intentId } = await paidOrder();
    const asForeignStore = await refund(orderId, intruder);
    const viaOwnStore = await refund(orderId, intruder, otherStoreId);
    const unknown = await refund(randomUUID());
    for (const response of [asForeignStore, viaOwnStore, unknown]) {
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
    const malformed = await refund('not-an-order');
    expect(malformed.status).toBe(400);
    const anonymous = await cloud.app.inject({ method: 'POST', url: `/api/stores/${tenant.storeId}/online-orders/${orderId}/refund` });
    expect(anonymous.statusCode).toBe(401);
    expect(refundsOf(intentId)).toHaveLength(0);
    expect(await onlineRow(orderId)).toMatchObject({ status: 'submitted', paymentStatus: 'paid' });
  });
});
