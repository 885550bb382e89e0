/**
 * Card payments at a Stripe Terminal reader through the whole edge node: the node is
 * configured from BRIGADE_PAYMENT_TERMINAL=stripe and BRIGADE_STRIPE_*, the real `stripe`
 * SDK talks to the fake Stripe API (the one service we cannot reach), and the POS sees
 * approvals, declines and an unavailable reader as the hub's answers.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeStripe, startFakeStripe } from '@brigade/drivers/virtual';
import { DEMO, type HubEvent, type Order, newId } from '@brigade/sync/model';
import { type DeviceTestNode, LiveSocket, startDeviceTestNode } from '../../edge/src/devices/devices-test-kit';

const READER = 'tmr_till_1';
let stripe: FakeStripe;
let t: DeviceTestNode;

beforeAll(async () => {
  stripe = await startFakeStripe();
  stripe.addReader(READER);
  const client = stripe.clientConfig();
  t = await startDeviceTestNode({
    BRIGADE_PAYMENT_TERMINAL: 'stripe',
    BRIGADE_STRIPE_API_KEY: 'sk_test_brigade',
    BRIGADE_STRIPE_READER_ID: READER,
    BRIGADE_STRIPE_HOST: client.host,
    BRIGADE_STRIPE_PORT: String(client.port),
    BRIGADE_STRIPE_PROTOCOL: client.protocol,
    BRIGADE_DEVICES: JSON.stringify([{ id: 'reader', kind: 'payment-terminal', address: `stripe:${READER}` }]),
  });
});

afterAll(async () => {
  await t?.close();
  await stripe?.close();
});

beforeEach(() => {
  stripe.setReaderStatus(READER, 'online');
  stripe.setOutcome(READER, 'approve', 20);
});

async function openOrder(): Promise<Order> {
  const created = await t.post('/api/commands/order.create', {
    commandId: newId(),
    args: { orderId: newId(), channel: 'counter', diningOption: 'take_out', lines: [{ lineId: newId(), itemId: DEMO.fries, quantity: 1, modifierOptionIds: [DEMO.regular] }] },
  });
  expect(created.status).toBe(200);
  return (created.json.result as { order: Order }).order;
}

function payByCard(order: Order, commandId = newId(), paymentId = newId()): Promise<{ status: number; json: Record<string, unknown> }> {
  return t.post('/api/commands/payment.capture', { commandId, args: { orderId: order.id, paymentId, tender: 'card', amount: order.totals.total } });
}

async function paymentStatus(orderId: string): Promise<string> {
  const reply = await t.get(`/api/orders/${orderId}`);
  return (reply.json.order as Order).paymentStatus;
}

describe('a card payment at the Stripe reader', () => {
  it('is approved, and the order is paid with the PaymentIntent the reader settled', async () => {
    const order = await openOrder();
    const charged = stripe.succeededCharges();
    const paid = await payByCard(order);
    expect(paid.status).toBe(200);
    const reference = (paid.json.result as { payment: { reference: string | null } }).payment.reference ?? '';
    // The payment points at the PaymentIntent Stripe settled, for this order's total.
    expect(stripe.state.intents.get(reference)).toMatchObject({ status: 'succeeded', amount: order.totals.total });
    expect(await paymentStatus(order.id)).toBe('paid');
    expect(stripe.succeededCharges()).toBe(charged + 1);
  });

  it('is declined with the reason, and the order stays open and unpaid', async () => {
    stripe.setOutcome(READER, 'decline', 20);
    const order = await openOrder();
    const declined = await payByCard(order);
    expect(declined.status).toBe(402);
    expect(declined.json.error).toMatchObject({ code: 'PAYMENT_DECLINED', details: { reason: 'card declined' } });
    expect(await paymentStatus(order.id)).toBe('unpaid');
    const reread = await t.get(`/api/orders/${order.id}`);
    expect((reread.json.order as Order).status).toBe('open');
  });

  it('answers PAYMENT_UNAVAILABLE when the reader is offline, and leaves the order unpaid', async () => {
    stripe.setReaderStatus(READER, 'offline');
    const order = await openOrder();
    const refused = await payByCard(order);
    expect(refused.status).toBe(409);
    expect((refused.json.error as { code: string }).code).toBe('PAYMENT_UNAVAILABLE');
    expect(await paymentStatus(order.id)).toBe('unpaid');
  });

  it('charges once when Stripe fails a request with a 5xx after doing the work and the retry carries the same key', async () => {
    const order = await openOrder();
    const charged = stripe.succeededCharges();
    stripe.injectFault(/\/v1\/payment_intents$/, 'error-after', 500);
    const commandId = newId();
    const paymentId = newId();
    const paid = await payByCard(order, commandId, paymentId);
    expect(paid.status).toBe(200);
    // The cashier's screen lost the answer and sends the same command again.
    const again = await payByCard(order, commandId, paymentId);
    expect(again.status).toBe(200);
    expect(again.json.replayed).toBe(true);
    expect(stripe.succeededCharges()).toBe(charged + 1);
    const intents = stripe.requests().filter((r) => r.method === 'POST' && r.path === '/v1/payment_intents');
    expect(intents.some((r) => r.replayed)).toBe(true);
  });

  it('a retry after a reader failure charges once when it finally goes through', async () => {
    const order = await openOrder();
    const charged = stripe.succeededCharges();
    stripe.setReaderStatus(READER, 'offline');
    const commandId = newId();
    const paymentId = newId();
    expect((await payByCard(order, commandId, paymentId)).status).toBe(409);
    stripe.setReaderStatus(READER, 'online');
    const paid = await payByCard(order, commandId, paymentId);
    expect(paid.status).toBe(200);
    expect(stripe.succeededCharges()).toBe(charged + 1);
  });

  it('can be cancelled from the POS while the reader waits for a card', async () => {
    stripe.setOutcome(READER, 'wait');
    const order = await openOrder();
    const paying = payByCard(order);
    // Cancel only once the reader has the payment in hand.
    for (let i = 0; i < 100 && !stripe.state.readers.get(READER)?.action; i += 1) await new Promise((r) => setTimeout(r, 20));
    const cancelled = await t.post('/api/payments/cancel', {});
    expect(cancelled.status).toBe(200);
    const result = await paying;
    expect(result.status).toBe(402);
    expect(result.json.error).toMatchObject({ code: 'PAYMENT_DECLINED', details: { reason: 'cancelled' } });
    expect(await paymentStatus(order.id)).toBe('unpaid');
  });
});

describe('card availability', () => {
  it('flips to cash only while the reader is offline, and the hardware page shows it', async () => {
    expect((await t.get('/api/payments/availability')).json).toEqual({ card: true, reason: null });
    stripe.setReaderStatus(READER, 'offline');
    const down = await t.get('/api/payments/availability');
    expect(down.json.card).toBe(false);
    expect(String(down.json.reason)).toMatch(/take cash/);
    const hardware = await t.get('/api/hardware');
    expect((hardware.json.devices as Array<{ id: string; status: string }>).find((d) => d.id === 'reader')?.status).toBe('offline');
    stripe.setReaderStatus(READER, 'online');
    expect((await t.get('/api/payments/availability')).json).toEqual({ card: true, reason: null });
  });
});

describe('the card reader on the hardware page', () => {
  it('announces a reader that drops off as a device.status event, and its return', async () => {
    type DeviceStatus = Extract<HubEvent, { type: 'device.status' }>;
    const live = await LiveSocket.open(t.base, t.deviceToken);
    try {
      // The hardware page asks the reader now: it is ready before the cable is pulled.
      const before = await t.get('/api/hardware');
      expect((before.json.devices as Array<{ id: string; status: string }>).find((d) => d.id === 'reader')?.status).toBe('ready');
      const seen = live.events.length;
      stripe.setReaderStatus(READER, 'offline');
      const down = await live.waitFor((e): e is DeviceStatus => e.type === 'device.status' && e.deviceId === 'reader' && e.status === 'offline' && live.events.indexOf(e) >= seen);
      expect(down.kind).toBe('payment-terminal');
      const back = live.events.length;
      stripe.setReaderStatus(READER, 'online');
      await live.waitFor((e): e is DeviceStatus => e.type === 'device.status' && e.deviceId === 'reader' && e.status === 'ready' && live.events.indexOf(e) >= back);
    } finally {
      live.close();
    }
  });
});

describe('card availability when the store is cut off from the internet', () => {
  it('says take cash while the cloud is unreachable, even with the reader online', async () => {
    const client = stripe.clientConfig();
    const cutOff = await startDeviceTestNode({
      BRIGADE_PAYMENT_TERMINAL: 'stripe',
      BRIGADE_STRIPE_API_KEY: 'sk_test_brigade',
      BRIGADE_STRIPE_READER_ID: READER,
      BRIGADE_STRIPE_HOST: client.host,
      BRIGADE_STRIPE_PORT: String(client.port),
      BRIGADE_STRIPE_PROTOCOL: client.protocol,
      // Nothing listens here: the node has not reached its cloud.
      BRIGADE_CLOUD_URL: 'http://127.0.0.1:9',
    });
    try {
      const offline = await cutOff.get('/api/payments/availability');
      expect(offline.json.card).toBe(false);
      expect(String(offline.json.reason)).toMatch(/No internet/);
      cutOff.node.store.setOnline(true);
      expect((await cutOff.get('/api/payments/availability')).json).toEqual({ card: true, reason: null });
    } finally {
      await cutOff.close();
    }
  });
});

describe('a card refund through the Stripe API', () => {
  type Paid = { order: Order; payment: { id: string; amount: number; reference: string | null; refunded: number; status: string } };

  async function paidByCard(): Promise<Paid> {
    const order = await openOrder();
    const paid = await payByCard(order);
    expect(paid.json.error).toBeUndefined();
    return paid.json.result as Paid;
  }

  function refund(paid: Paid, amount: number, commandId = newId()): Promise<{ status: number; json: Record<string, unknown> }> {
    return t.post('/api/commands/payment.refund', {
      commandId, args: { orderId: paid.order.id, paymentId: paid.payment.id, amount, reason: 'cold fries', managerPin: '9999' },
    });
  }

  const refundPosts = (): number => stripe.requests().filter((r) => r.method === 'POST' && r.path === '/v1/refunds').length;
  const stripeRefunded = (intent: string | null): number => [...stripe.state.charges.values()].find((c) => c.payment_intent === intent)?.amount_refunded ?? -1;

  it('is refunded at Stripe, then recorded on the payment and the order', async () => {
    const paid = await paidByCard();
    const part = paid.payment.amount - 100;
    const done = await refund(paid, part);
    expect(done.status).toBe(200);
    const result = done.json.result as Paid;
    expect(result.payment).toMatchObject({ refunded: part, status: 'partially_refunded' });
    expect(stripeRefunded(paid.payment.reference)).toBe(part);
    expect(await paymentStatus(paid.order.id)).toBe('partially_refunded');
  });

  it('records nothing and answers REFUND_FAILED when Stripe refuses the refund', async () => {
    const paid = await paidByCard();
    // Someone already refunded the whole charge from Stripe's dashboard.
    const charge = [...stripe.state.charges.values()].find((c) => c.payment_intent === paid.payment.reference);
    if (!charge) throw new Error('the fake Stripe has no charge for this payment');
    charge.amount_refunded = charge.amount;
    charge.refunded = true;
    const refused = await refund(paid, 100);
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({ code: 'REFUND_FAILED' });
    expect(String((refused.json.error as { details: { reason: string } }).details.reason)).toMatch(/already been refunded/);
    const order = (await t.get(`/api/orders/${paid.order.id}`)).json.order as Order;
    expect(order.paymentStatus).toBe('paid');
    expect(order.refunded).toBe(0);
  });

  it('refunds once when Stripe answers a 5xx after doing the work and the SDK retries with the same key', async () => {
    const paid = await paidByCard();
    const before = refundPosts();
    stripe.injectFault(/^\/v1\/refunds$/, 'error-after', 500);
    const commandId = newId();
    const done = await refund(paid, 200, commandId);
    expect(done.status).toBe(200);
    const posts = stripe.requests().filter((r) => r.method === 'POST' && r.path === '/v1/refunds').slice(before);
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(posts.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(posts.some((r) => r.replayed)).toBe(true);
    expect(stripeRefunded(paid.payment.reference)).toBe(200);
    // The POS repeats the command (its answer was lost): replayed, not refunded again.
    const again = await refund(paid, 200, commandId);
    expect(again.json.replayed).toBe(true);
    expect(stripeRefunded(paid.payment.reference)).toBe(200);
    expect(((await t.get(`/api/orders/${paid.order.id}`)).json.order as Order).refunded).toBe(200);
  });

  it('refuses a refund over the captured amount before Stripe is called', async () => {
    const paid = await paidByCard();
    const before = refundPosts();
    const refused = await refund(paid, paid.payment.amount + 1);
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatchObject({ code: 'REFUND_TOO_LARGE' });
    expect(refundPosts()).toBe(before);
    expect(stripeRefunded(paid.payment.reference)).toBe(0);
  });

  it('answers PAYMENT_UNAVAILABLE and records nothing while Stripe cannot be reached', async () => {
    const paid = await paidByCard();
    const before = refundPosts();
    // The SDK tries four times (three retries): every one of them is dropped.
    for (let i = 0; i < 4; i += 1) stripe.injectFault(/^\/v1\/refunds$/, 'drop-before');
    const refused = await refund(paid, 100);
    expect(refundPosts()).toBe(before + 4);
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({ code: 'PAYMENT_UNAVAILABLE' });
    expect(stripeRefunded(paid.payment.reference)).toBe(0);
    expect(((await t.get(`/api/orders/${paid.order.id}`)).json.order as Order).refunded).toBe(0);
  });
});
