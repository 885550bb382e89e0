/** Refunds never exceed what was captured, per payment and for the order. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BrigadeError } from './errors';
import { type Cents, cents } from './money';
import { type RefundablePayment, applyRefund, checkRefund, planRefund, refundable, refundableTotal } from './refunds';
import { errorCode } from './testing/check-fixtures';

const payment = (id: string, amount: number, tip = 0, refunded = 0): RefundablePayment => ({ id, amount: cents(amount), tip: cents(tip), refunded: cents(refunded) });
const card = payment('card-1', 1000, 150);
const cash = payment('cash-1', 650);

describe('refund limits', () => {
  it('allows refunding the amount and the tip of a payment, then nothing more', () => {
    const once = applyRefund(card, cents(400));
    expect(once).toMatchObject({ refunded: 400, status: 'partially_refunded' });
    expect(refundable(once)).toBe(750);
    const all = applyRefund(once, cents(750));
    expect(all).toMatchObject({ refunded: 1150, status: 'refunded' });
    expect(errorCode(() => applyRefund(all, cents(1)))).toBe('REFUND_TOO_LARGE');
  });

  it.each([
    ['more than the payment captured', 'card-1', 1151, 'REFUND_TOO_LARGE'],
    ['an unknown payment', 'card-9', 100, 'PAYMENT_NOT_FOUND'],
    ['zero', 'card-1', 0, 'PAYMENT_AMOUNT_INVALID'],
    ['a negative amount', 'card-1', -100, 'PAYMENT_AMOUNT_INVALID'],
    ['a fractional amount', 'card-1', 99.5, 'PAYMENT_AMOUNT_INVALID'],
  ] as const)('refuses a refund of %s', (_name, id, amount, code) => {
    expect(errorCode(() => checkRefund([card, cash], id, amount as Cents))).toBe(code);
  });

  it('plans an order refund newest payment first', () => {
    expect(planRefund([card, cash], cents(900))).toEqual([
      { paymentId: 'cash-1', amount: 650 },
      { paymentId: 'card-1', amount: 250 },
    ]);
    expect(errorCode(() => planRefund([card, cash], cents(1801)))).toBe('REFUND_TOO_LARGE');
    expect(refundableTotal([card, cash])).toBe(1800);
  });

  it('never lets any sequence of refunds exceed what each payment and the order captured', () => {
    const paymentsArb = fc.array(fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 10_000 })), { minLength: 1, maxLength: 5 });
    const attemptsArb = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 150_000 }), fc.boolean()), { maxLength: 25 });
    fc.assert(
      fc.property(paymentsArb, attemptsArb, (raw, attempts) => {
        let payments = raw.map(([amount, tip], i) => payment(`p${i}`, amount, tip));
        const captured = new Map(payments.map((p) => [p.id, p.amount + p.tip]));
        const totalCaptured = [...captured.values()].reduce((a, b) => a + b, 0);
        let refundedSoFar = 0;
        for (const [which, amount, wholeOrder] of attempts) {
          const target = payments[which % payments.length]!;
          try {
            if (wholeOrder) {
              const plan = planRefund(payments, cents(amount));
              expect(plan.reduce((s, p) => s + p.amount, 0)).toBe(amount);
              for (const part of plan) payments = payments.map((p) => (p.id === part.paymentId ? applyRefund(p, part.amount) : p));
            } else {
              payments = payments.map((p) => (p.id === target.id ? applyRefund(p, cents(amount)) : p));
            }
            refundedSoFar += amount;
          } catch (error) {
            expect(error).toBeInstanceOf(BrigadeError);
            expect((error as BrigadeError).code).toBe('REFUND_TOO_LARGE');
            const room = wholeOrder ? totalCaptured - refundedSoFar : captured.get(target.id)! - target.refunded;
            expect(amount).toBeGreaterThan(room);
          }
          for (const p of payments) expect(p.refunded).toBeLessThanOrEqual(captured.get(p.id)!);
          expect(payments.reduce((s, p) => s + p.refunded, 0)).toBe(refundedSoFar);
          expect(refundedSoFar).toBeLessThanOrEqual(totalCaptured);
        }
      }),
    );
  });
});
