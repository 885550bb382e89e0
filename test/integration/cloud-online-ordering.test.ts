/**
 * Online ordering end to end against the real cloud app: the public store page, orders priced
 * in the cloud, Stripe PaymentIntents through the real SDK (against the fake Stripe server,
 * since Stripe's API is unreachable here), signed webhooks, live order tracking over SSE, the
 * store taking the paid order over, and QR table codes. Every refusal writes nothing.
 */
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type LineId, demoMenu, indexMenu, newId, priceOrder } from '@brigade/sync/model';
import { onlineOrders, orders } from '@brigade/sync/schema/pg';
import { startFakeStripe, type FakeStripe } from '@brigade/drivers/virtual';
import type { Cloud } from '@brigade/cloud';
import { BACKENDS } from '../../cloud/src/db/test-backends';
import { type ApiClient, type TestTenant, addTenant, createTestCloud, enrolEdge, signInAs, snapshotMutation } from '../../cloud/src/testing/harness';

const WEBHOOK_SECRET = 'whsec_test_brigade';
type Err = { error: { code: string } };

describe.each(BACKENDS)('online ordering on %s', (kind) => {
  let stripe: FakeStripe;
  let cloud: Cloud;
  let tenant: TestTenant;
  let owner: ApiClient;
  let url: string;

  beforeAll(async () => {
    stripe = await startFakeStripe();
    cloud = await createTestCloud(kind, { settings: { stripe: { secretKey: 'sk_test_brigade', webhookSecret: WEBHOOK_SECRET, ...stripe.clientConfig() } } });
    tenant = await addTenant(cloud);
    owner = await signInAs(cloud, tenant.ownerEmail, tenant.ownerPassword);
    url = await cloud.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await cloud.close();
    await stripe.close();
  });

  const lines = () => [
    { lineId: newId<LineId>(), itemId: DEMO.burger, quantity: 1, modifierOptionIds: [DEMO.rare, DEMO.cheese] },
    { lineId: newId<LineId>(), itemId: DEMO.fries, quantity: 2, modifierOptionIds: [DEMO.large] },
  ];
  const place = (body: Record<string, unknown>, storeId = tenant.storeId) => cloud.app.inject({ method: 'POST', url: `/api/public/stores/${storeId}/orders`, payload: body });
  const orderCount = async () => (await cloud.ctx.database.db.select({ n: count() }).from(orders))[0]?.n ?? 0;
  const signed = (event: Record<string, unknown>, options: { secret?: string; timestamp?: number } = {}) => {
    const payload = JSON.stringify(event);
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? WEBHOOK_SECRET, ...(options.timestamp ? { timestamp: options.timestamp } : {}) });
    return cloud.app.inject({ method: 'POST', url: '/webhooks/stripe', headers: { 'content-type': 'application/json', 'stripe-signature': header }, payload });
  };
  const succeeded = (intent: { id: string; amount: number; currency: string; metadata: Record<string, string> }) => ({
    id: `evt_${randomUUID()}`, object: 'event', type: 'payment_intent.succeeded', created: Math.floor(Date.now() / 1000),
    data: { object: { ...intent, object: 'payment_intent', status: 'succeeded', amount_received: intent.amount } },
  });

  it('shows the store page with its menu and open state', async () => {
    const page = await cloud.app.inject({ method: 'GET', url: `/api/public/stores/${tenant.storeId}` });
    expect(page.statusCode).toBe(200);
    const body = page.json<{ store: { open: boolean; name: string }; menu: { items: { id: string; available: boolean }[] }; payment: string }>();
    expect(body.store.open).toBe(true);
    expect(body.menu.items.map((i) => i.id).sort()).toEqual(demoMenu.items.map((i) => i.id).sort());
    expect(body.payment).toBe('card');
  });

  it('prices the order in the cloud and creates one PaymentIntent however often it is retried', async () => {
    const requested = lines();
    const expected = priceOrder(indexMenu(demoMenu), requested).totals.total;
    const orderId = randomUUID();
    const body = { orderId, lines: requested, customerName: 'Ada', diningOption: 'take_out' };
    const first = await place(body);
    expect(first.statusCode).toBe(201);
    const created = first.json<{ order: { totals: { total: number } }; status: string; payment: { paymentIntentId: string } }>();
    expect(created.order.totals.total).toBe(expected);
    expect(created.status).toBe('pending_payment');
    const retry = await place(body);
    expect(retry.statusCode).toBe(200);
    expect(retry.json<{ payment: { paymentIntentId: string } }>().payment.paymentIntentId).toBe(created.payment.paymentIntentId);
    const creates = stripe.requests().filter((r) => r.method === 'POST' && r.path === '/v1/payment_intents' && r.idempotencyKey === `online-order-${orderId}`);
    expect(creates.length).toBe(2);
    expect(creates[1]?.replayed).toBe(true);
    const intent = stripe.state.intent(created.payment.paymentIntentId);
    expect(intent.amount).toBe(expected);
  });

  it('survives a lost Stripe response: the SDK retries with the same key and one intent exists', async () => {
    const orderId = randomUUID();
    stripe.injectFault(/^\/v1\/payment_intents$/, 'drop-after');
    const placed = await place({ orderId, lines: lines(), customerName: 'Barbara', diningOption: 'take_out' });
    expect(placed.statusCode).toBe(201);
    const intents = [...stripe.state.intents.values()].filter((pi) => pi.metadata.orderId === orderId);
    expect(intents).toHaveLength(1);
    expect(placed.json<{ payment: { paymentIntentId: string } }>().payment.paymentIntentId).toBe(intents[0]?.id);
  });

  it('marks the order paid on a signed webhook, tracks it live, and hands it to the store', async () => {
    const orderId = randomUUID();
    const placed = (await place({ orderId, lines: lines(), customerName: 'Grace', diningOption: 'take_out' })).json<{ payment: { paymentIntentId: string } }>();
    const intent = stripe.state.intent(placed.payment.paymentIntentId);

    const events: string[] = [];
    const abort = new AbortController();
    const sse = await fetch(`${url}/api/public/orders/${orderId}/events`, { signal: abort.signal });
    const reader = sse.body!.getReader();
    const decoder = new TextDecoder();
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        for (const m of decoder.decode(value).matchAll(/"status":"([a-z_]+)"/g)) events.push(m[1] ?? '');
      }
    })();
    await expect.poll(() => events, { timeout: 10_000 }).toContain('pending_payment');

    expect((await signed(succeeded({ id: intent.id, amount: intent.amount, currency: intent.currency, metadata: intent.metadata }))).statusCode).toBe(200);
    const online = (await cloud.ctx.database.db.select().from(onlineOrders).where(eq(onlineOrders.id, orderId)))[0];
    expect(online).toMatchObject({ status: 'submitted', paymentStatus: 'paid' });
    await expect.poll(() => events, { timeout: 10_000 }).toContain('submitted');

    const edge = await enrolEdge(cloud, tenant);
    const document = online!.document as Parameters<typeof snapshotMutation>[1];
    const push = await cloud.app.inject({
      method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${edge.credential}` },
      payload: { storeId: tenant.storeId, nodeId: edge.nodeId, epoch: 1, mutations: [snapshotMutation(1, { ...document, status: 'ready' }, 2)] },
    });
    expect(push.json<{ results: { status: string }[] }>().results[0]?.status).toBe('applied');
    await expect.poll(() => events, { timeout: 10_000 }).toContain('ready');
    abort.abort();
    const row = (await cloud.ctx.database.db.select().from(orders).where(eq(orders.id, orderId)))[0];
    expect(row).toMatchObject({ owner: 'edge', status: 'ready' });
  });

  it('refuses unsigned, forged, stale and tampered webhooks and changes nothing', async () => {
    const orderId = randomUUID();
    const placed = (await place({ orderId, lines: lines(), customerName: 'Linus', diningOption: 'take_out' })).json<{ payment: { paymentIntentId: string } }>();
    const intent = stripe.state.intent(placed.payment.paymentIntentId);
    const event = succeeded({ id: intent.id, amount: intent.amount, currency: intent.currency, metadata: intent.metadata });
    const unsigned = await cloud.app.inject({ method: 'POST', url: '/webhooks/stripe', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(event) });
    const forged = await signed(event, { secret: 'whsec_attacker' });
    const stale = await signed(event, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    const header = Stripe.webhooks.generateTestHeaderString({ payload: JSON.stringify(event), secret: WEBHOOK_SECRET });
    const tampered = await cloud.app.inject({ method: 'POST', url: '/webhooks/stripe', headers: { 'content-type': 'application/json', 'stripe-signature': header }, payload: JSON.stringify({ ...event, type: 'payment_intent.succeeded', id: 'evt_other' }) });
    for (const response of [unsigned, forged, stale, tampered]) {
      expect(response.statusCode).toBe(400);
      expect(response.json<Err>().error.code).toBe('WEBHOOK_SIGNATURE_INVALID');
    }
    // A genuine event with the wrong amount is not a payment of this order.
    await signed(succeeded({ id: intent.id, amount: intent.amount - 1, currency: intent.currency, metadata: intent.metadata }));
    const online = (await cloud.ctx.database.db.select().from(onlineOrders).where(eq(onlineOrders.id, orderId)))[0];
    expect(online).toMatchObject({ status: 'pending_payment', paymentStatus: 'unpaid' });
  });

  it('refuses bad orders with a stable code and writes nothing', async () => {
    const before = await orderCount();
    const base = { lines: lines(), customerName: 'Eve', diningOption: 'take_out' };
    const cases: [Awaited<ReturnType<typeof place>>, number, string][] = [
      [await place({ ...base, orderId: randomUUID() }, newId()), 404, 'NOT_FOUND'],
      [await place({ ...base, orderId: randomUUID(), lines: [{ lineId: newId(), itemId: DEMO.burger, quantity: 1, modifierOptionIds: [] }] }), 422, 'MODIFIER_REQUIRED'],
      [await place({ ...base, orderId: randomUUID(), lines: [{ lineId: newId(), itemId: 'item-nope', quantity: 1, modifierOptionIds: [] }] }), 422, 'ITEM_UNKNOWN'],
      [await place({ ...base, orderId: randomUUID(), expectedTotal: 1 }), 409, 'PRICE_MISMATCH'],
      [await place({ ...base, orderId: randomUUID(), tableToken: `${randomUUID()}.1.AAAAAAAAAAAAAAAAAAAAAA` }), 400, 'TABLE_TOKEN_INVALID'],
      [await place({ ...base, orderId: 'not-a-uuid' }), 400, 'VALIDATION_FAILED'],
      [await place({ ...base, orderId: randomUUID(), lines: [] }), 400, 'VALIDATION_FAILED'],
    ];
    for (const [response, status, code] of cases) {
      expect(response.statusCode, code).toBe(status);
      expect(response.json<Err>().error.code).toBe(code);
    }
    expect(await orderCount()).toBe(before);
  });

  it('refuses orders while the store is paused, and says so on the store page', async () => {
    expect((await owner.call('PUT', `/api/stores/${tenant.storeId}/online-ordering`, { paused: true })).status).toBe(200);
    const before = await orderCount();
    const refused = await place({ orderId: randomUUID(), lines: lines(), customerName: 'Ken', diningOption: 'take_out' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<Err>().error.code).toBe('STORE_PAUSED');
    expect((await cloud.app.inject({ method: 'GET', url: `/api/public/stores/${tenant.storeId}` })).json<{ store: { open: boolean } }>().store.open).toBe(false);
    expect(await orderCount()).toBe(before);
    await owner.call('PUT', `/api/stores/${tenant.storeId}/online-ordering`, { paused: false });
  });

  it('issues signed table codes, refuses tampered ones and kills old ones on rotation', async () => {
    const created = await owner.call<{ table: { id: string; token: string; url: string } }>('POST', `/api/stores/${tenant.storeId}/tables`, { label: 'T7' });
    expect(created.status).toBe(201);
    const { id, token } = created.body.table;
    const resolve = (t: string) => cloud.app.inject({ method: 'GET', url: `/api/public/stores/${tenant.storeId}/tables/${encodeURIComponent(t)}` });
    expect((await resolve(token)).json()).toEqual({ storeId: tenant.storeId, table: 'T7' });
    const tampered = token.replace(/\.(\d+)\./, (_m, v: string) => `.${Number(v) + 1}.`);
    expect((await resolve(tampered)).json<Err>().error.code).toBe('TABLE_TOKEN_INVALID');
    const other = await addTenant(cloud);
    expect((await cloud.app.inject({ method: 'GET', url: `/api/public/stores/${other.storeId}/tables/${encodeURIComponent(token)}` })).json<Err>().error.code).toBe('TABLE_TOKEN_INVALID');

    const atTable = await place({ orderId: randomUUID(), lines: lines(), customerName: 'Table 7', diningOption: 'eat_in', tableToken: token });
    expect(atTable.json<{ order: { tableLabel: string; channel: string } }>().order).toMatchObject({ tableLabel: 'T7', channel: 'table' });

    const rotated = await owner.call<{ table: { token: string } }>('POST', `/api/stores/${tenant.storeId}/tables/${id}/rotate`);
    expect(rotated.body.table.token).not.toBe(token);
    const old = await resolve(token);
    expect(old.statusCode).toBe(410);
    expect(old.json<Err>().error.code).toBe('TABLE_TOKEN_ROTATED');
    expect((await resolve(rotated.body.table.token)).statusCode).toBe(200);

    const svg = await cloud.app.inject({ method: 'GET', url: `/api/stores/${tenant.storeId}/tables/${id}/qr.svg`, headers: { authorization: `Bearer ${owner.token}` } });
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toContain('<svg');
    const png = await cloud.app.inject({ method: 'GET', url: `/api/stores/${tenant.storeId}/tables/${id}/qr.png`, headers: { authorization: `Bearer ${owner.token}` } });
    expect(png.rawPayload.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });
});
