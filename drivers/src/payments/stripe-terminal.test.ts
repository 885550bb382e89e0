import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeStripe, startFakeStripe } from '../virtual/fake-stripe';
import { PaymentRequestError } from './payment-terminal';
import { StripeTerminal } from './stripe-terminal';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function setup(readerId = 'tmr_front'): Promise<{ fake: FakeStripe; terminal: StripeTerminal }> {
  const fake = await startFakeStripe();
  cleanup.push(() => fake.close());
  fake.addReader(readerId);
  const terminal = new StripeTerminal({ secretKey: 'sk_test_brigade', readerId, client: fake.clientConfig(), pollMs: 20, timeoutMs: 5000 });
  return { fake, terminal };
}

const req = (idempotencyKey: string, amount = 4180) => ({ amount, currency: 'EUR', idempotencyKey, description: 'Order A-042' });
const posts = (fake: FakeStripe, path: RegExp) => fake.requests().filter((r) => r.method === 'POST' && path.test(r.path));

describe('StripeTerminal against the fake Stripe API (real SDK)', () => {
  it('approves: the reader takes the card and the charge is reported with brand and last 4', async () => {
    const { fake, terminal } = await setup();
    const result = await terminal.charge(req('order-a042-pay-1'));
    expect(result).toMatchObject({ status: 'approved', cardBrand: 'visa', last4: '4242' });
    expect(result.status === 'approved' && result.reference).toMatch(/^pi_/);
    expect(fake.succeededCharges()).toBe(1);
    const pi = [...fake.state.intents.values()][0];
    expect(pi).toMatchObject({ amount: 4180, currency: 'eur', payment_method_types: ['card_present'] });
    expect(fake.requests().filter((r) => r.method === 'POST').every((r) => r.idempotencyKey)).toBe(true);
  });

  it('declines with the reason, and charges nothing', async () => {
    const { fake, terminal } = await setup();
    fake.setOutcome('tmr_front', 'decline');
    expect(await terminal.charge(req('order-a042-pay-2'))).toEqual({ status: 'declined', reason: 'card declined' });
    expect(fake.succeededCharges()).toBe(0);
  });

  it('cancel stops the reader waiting for a card', async () => {
    const { fake, terminal } = await setup();
    fake.setOutcome('tmr_front', 'wait');
    const pending = terminal.charge(req('order-a042-pay-3'));
    await expect.poll(() => fake.state.reader('tmr_front').action?.status).toBe('in_progress');
    await terminal.cancel();
    expect(await pending).toEqual({ status: 'declined', reason: 'cancelled' });
    expect(fake.state.reader('tmr_front').action).toMatchObject({ status: 'failed', failure_code: 'canceled' });
    expect(fake.succeededCharges()).toBe(0);
  });

  it('reports a reader that timed out waiting for a card', async () => {
    const { fake, terminal } = await setup();
    fake.setOutcome('tmr_front', 'timeout', 50);
    expect(await terminal.charge(req('order-a042-pay-4'))).toEqual({ status: 'declined', reason: 'timed out waiting for a card' });
  });

  it('gives up after its own deadline and cancels the reader action', async () => {
    const fake = await startFakeStripe();
    cleanup.push(() => fake.close());
    fake.addReader('tmr_slow');
    fake.setOutcome('tmr_slow', 'wait');
    const terminal = new StripeTerminal({ secretKey: 'sk_test_brigade', readerId: 'tmr_slow', client: fake.clientConfig(), pollMs: 20, timeoutMs: 200 });
    expect(await terminal.charge(req('order-a042-pay-5'))).toEqual({ status: 'declined', reason: 'timed out waiting for a card' });
    expect(posts(fake, /cancel_action$/)).toHaveLength(1);
  });

  it('a busy reader refuses a second payment', async () => {
    const { fake, terminal } = await setup();
    fake.setOutcome('tmr_front', 'wait');
    const first = terminal.charge(req('order-a042-pay-6'));
    await expect.poll(() => fake.state.reader('tmr_front').action?.status).toBe('in_progress');
    const other = new StripeTerminal({ secretKey: 'sk_test_brigade', readerId: 'tmr_front', client: fake.clientConfig(), pollMs: 20 });
    expect(await other.charge(req('order-b007-pay-1', 900))).toEqual({ status: 'declined', reason: 'card reader busy' });
    await terminal.cancel();
    await first;
  });

  it('an offline reader refuses and reads as offline', async () => {
    const { fake, terminal } = await setup();
    expect(await terminal.health()).toBe('online');
    fake.setReaderStatus('tmr_front', 'offline');
    expect(await terminal.health()).toBe('offline');
    expect(await terminal.charge(req('order-a042-pay-7'))).toEqual({ status: 'declined', reason: 'card reader offline' });
  });

  it('a 5xx after the intent was made is retried with the same key: one intent, charged once', async () => {
    const { fake, terminal } = await setup();
    fake.injectFault(/^\/v1\/payment_intents$/, 'error-after', 503);
    expect((await terminal.charge(req('order-a042-pay-8'))).status).toBe('approved');
    const creates = posts(fake, /^\/v1\/payment_intents$/);
    expect(creates).toHaveLength(2);
    expect(creates[1]?.idempotencyKey).toBe(creates[0]?.idempotencyKey);
    expect(creates[1]?.replayed).toBe(true);
    expect(fake.state.intents.size).toBe(1);
    expect(fake.succeededCharges()).toBe(1);
  });

  it('a connection dropped after the reader got the payment is retried with the same key, charged once', async () => {
    const { fake, terminal } = await setup();
    fake.injectFault(/process_payment_intent$/, 'drop-after');
    expect((await terminal.charge(req('order-a042-pay-9'))).status).toBe('approved');
    const processes = posts(fake, /process_payment_intent$/);
    expect(processes).toHaveLength(2);
    expect(processes[1]).toMatchObject({ idempotencyKey: processes[0]?.idempotencyKey, replayed: true });
    expect(fake.succeededCharges()).toBe(1);
  });

  it('the POS retrying a finished charge with the same key gets the same payment, not a second one', async () => {
    const { fake, terminal } = await setup();
    const first = await terminal.charge(req('order-a042-pay-10'));
    const again = await terminal.charge(req('order-a042-pay-10'));
    expect(again).toEqual(first);
    expect(posts(fake, /process_payment_intent$/)).toHaveLength(1);
    expect(fake.succeededCharges()).toBe(1);
  });

  it('refunds in part, refuses more than was paid, and a retried refund lands once', async () => {
    const { fake, terminal } = await setup();
    const paid = await terminal.charge(req('order-a042-pay-11', 2000));
    if (paid.status !== 'approved') throw new Error('expected approval');
    const refund = (amount: number, idempotencyKey: string) => terminal.refund({ reference: paid.reference, amount, currency: 'EUR', idempotencyKey });
    const r1 = await refund(500, 'refund-1-aaaa');
    expect(r1.status).toBe('refunded');
    const r1again = await refund(500, 'refund-1-aaaa');
    expect(r1again).toEqual(r1);
    const tooMuch = await refund(1600, 'refund-2-aaaa');
    expect(tooMuch.status).toBe('failed');
    expect(tooMuch.status === 'failed' ? tooMuch.reason : '').toMatch(/greater than unrefunded amount/);
    expect([...fake.state.charges.values()][0]?.amount_refunded).toBe(500);
  });

  it('refuses bad requests before calling Stripe', async () => {
    const { fake, terminal } = await setup();
    await expect(terminal.charge(req('order-a042-pay-12', -100))).rejects.toThrow(PaymentRequestError);
    await expect(terminal.charge({ amount: 100, currency: 'EUR', idempotencyKey: 'k' })).rejects.toThrow(PaymentRequestError);
    expect(fake.requests()).toHaveLength(0);
  });

  it('sends webhooks signed like Stripe: verified as sent, rejected when tampered with', async () => {
    const { fake, terminal } = await setup();
    const received = new Promise<{ body: string; signature: string }>((resolve) => {
      const server = http.createServer((rq, rs) => {
        let body = '';
        rq.on('data', (c: Buffer) => { body += c.toString(); });
        rq.on('end', () => {
          rs.end('ok');
          resolve({ body, signature: String(rq.headers['stripe-signature']) });
        });
      }).listen(0, '127.0.0.1', () => fake.setWebhook(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, 'whsec_brigade'));
      cleanup.push(() => new Promise((r) => server.close(() => r())));
    });
    await terminal.charge(req('order-a042-pay-13'));
    const { body, signature } = await received;
    expect(terminal.verifyWebhook(body, signature, 'whsec_brigade').type).toBe('terminal.reader.action_succeeded');
    expect(() => terminal.verifyWebhook(body.replace('succeeded', 'failed'), signature, 'whsec_brigade')).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() => terminal.verifyWebhook(body, signature, 'whsec_other')).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });

  it('with webhooks, a charge learns its outcome from the webhook, not from the next poll', async () => {
    const fake = await startFakeStripe();
    cleanup.push(() => fake.close());
    fake.addReader('tmr_hooked');
    // A poll interval longer than the test's own timeout: only the webhook can finish the charge.
    const terminal = new StripeTerminal({ secretKey: 'sk_test_brigade', readerId: 'tmr_hooked', client: fake.clientConfig(), pollMs: 600_000 });
    const server = http.createServer((rq, rs) => {
      let body = '';
      rq.on('data', (c: Buffer) => { body += c.toString(); });
      rq.on('end', () => {
        terminal.handleWebhook(body, String(rq.headers['stripe-signature']), 'whsec_brigade');
        rs.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => new Promise((r) => server.close(() => r())));
    fake.setWebhook(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, 'whsec_brigade');
    fake.setOutcome('tmr_hooked', 'decline', 20);
    expect(await terminal.charge(req('order-a042-pay-14'))).toEqual({ status: 'declined', reason: 'card declined' });
  });
});
