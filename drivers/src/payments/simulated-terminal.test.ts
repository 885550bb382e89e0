import { describe, expect, it } from 'vitest';
import { PaymentRequestError } from './payment-terminal';
import { SimulatedTerminal } from './simulated-terminal';

describe('SimulatedTerminal', () => {
  it('approves and reports the card', async () => {
    const t = new SimulatedTerminal();
    const r = await t.charge({ amount: 4180, currency: 'EUR', idempotencyKey: 'pay-0001-aaaa' });
    expect(r).toMatchObject({ status: 'approved', cardBrand: 'visa', last4: '4242' });
    expect(t.captured).toHaveLength(1);
  });

  it('declines amounts ending in 13 cents', async () => {
    const t = new SimulatedTerminal();
    expect(await t.charge({ amount: 1013, currency: 'USD', idempotencyKey: 'pay-0002-aaaa' })).toEqual({ status: 'declined', reason: 'card declined' });
    expect(t.captured).toHaveLength(0);
  });

  it('a retry with the same key returns the first answer and charges once', async () => {
    const t = new SimulatedTerminal();
    const req = { amount: 2500, currency: 'USD', idempotencyKey: 'pay-0003-aaaa' };
    const [a, b] = await Promise.all([t.charge(req), t.charge(req).catch(() => null)]);
    const c = await t.charge(req);
    expect(c).toEqual(a);
    expect(b === null || b.status === 'declined' || b === a || JSON.stringify(b) === JSON.stringify(a)).toBe(true);
    expect(t.captured).toHaveLength(1);
  });

  it('refuses a reused key with a different amount, and bad requests', async () => {
    const t = new SimulatedTerminal();
    await t.charge({ amount: 2500, currency: 'USD', idempotencyKey: 'pay-0004-aaaa' });
    await expect(t.charge({ amount: 2600, currency: 'USD', idempotencyKey: 'pay-0004-aaaa' })).rejects.toThrow(PaymentRequestError);
    await expect(t.charge({ amount: -5, currency: 'USD', idempotencyKey: 'pay-0005-aaaa' })).rejects.toThrow(PaymentRequestError);
    await expect(t.charge({ amount: 10.5, currency: 'USD', idempotencyKey: 'pay-0006-aaaa' })).rejects.toThrow(PaymentRequestError);
    await expect(t.charge({ amount: 100, currency: 'euro', idempotencyKey: 'pay-0007-aaaa' })).rejects.toThrow(PaymentRequestError);
    await expect(t.charge({ amount: 100, currency: 'USD', idempotencyKey: 'x' })).rejects.toThrow(PaymentRequestError);
    expect(t.captured).toHaveLength(1);
  });

  it('cancel stops a charge waiting for a card; the same key can then be charged', async () => {
    const t = new SimulatedTerminal({ delayMs: 10_000 });
    const pending = t.charge({ amount: 900, currency: 'USD', idempotencyKey: 'pay-0008-aaaa' });
    await new Promise((r) => setTimeout(r, 20));
    await t.cancel();
    expect(await pending).toEqual({ status: 'declined', reason: 'cancelled' });
    expect(t.captured).toHaveLength(0);
  });

  it('reports offline and declines while offline', async () => {
    const t = new SimulatedTerminal();
    t.setOnline(false);
    expect(await t.health()).toBe('offline');
    expect(await t.charge({ amount: 900, currency: 'USD', idempotencyKey: 'pay-0009-aaaa' })).toEqual({ status: 'declined', reason: 'card reader offline' });
  });
});
