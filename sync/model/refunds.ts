/**
 * Refund limits. A refund never exceeds what its payment captured (the amount applied plus
 * the tip, less earlier refunds), so the refunds of an order never exceed what the order
 * captured. Card networks and Stripe enforce the same per-charge limit; checking here
 * first gives the cashier a clear refusal offline.
 */
import { BrigadeError } from './errors';
import { type Cents, cents } from './money';

/** The figures of a captured payment that limit its refunds (a `Payment` fits). */
export interface RefundablePayment {
  readonly id: string;
  readonly amount: Cents;
  readonly tip: Cents;
  readonly refunded: Cents;
}

export interface RefundPart {
  readonly paymentId: string;
  readonly amount: Cents;
}

/** What is still refundable on one payment. */
export function refundable(payment: RefundablePayment): Cents {
  return cents(Math.max(0, payment.amount + payment.tip - payment.refunded));
}

export function refundableTotal(payments: readonly RefundablePayment[]): Cents {
  return cents(payments.reduce((s, p) => s + refundable(p), 0));
}

/** Checks a refund of `amount` on one payment; returns it, or throws. */
export function checkRefund(payments: readonly RefundablePayment[], paymentId: string, amount: Cents): RefundPart {
  const payment = payments.find((p) => p.id === paymentId);
  if (!payment) throw new BrigadeError('PAYMENT_NOT_FOUND', undefined, { paymentId });
  checkAmount(amount);
  const left = refundable(payment);
  if (amount > left) throw new BrigadeError('REFUND_TOO_LARGE', undefined, { paymentId, refundable: left });
  return { paymentId, amount };
}

/**
 * Spreads a refund of `amount` over the payments, newest first (the last tender is usually
 * the card still in the customer's hand), never more than each payment's refundable part.
 */
export function planRefund(payments: readonly RefundablePayment[], amount: Cents): RefundPart[] {
  checkAmount(amount);
  const total = refundableTotal(payments);
  if (amount > total) throw new BrigadeError('REFUND_TOO_LARGE', undefined, { refundable: total });
  const parts: RefundPart[] = [];
  let left = amount as number;
  for (const payment of [...payments].reverse()) {
    if (left === 0) break;
    const part = Math.min(left, refundable(payment));
    if (part > 0) parts.push({ paymentId: payment.id, amount: cents(part) });
    left -= part;
  }
  return parts;
}

/** The payment after a checked refund, with its status. */
export function applyRefund<P extends RefundablePayment>(payment: P, amount: Cents): P & { status: 'partially_refunded' | 'refunded' } {
  checkRefund([payment], payment.id, amount);
  const refunded = cents(payment.refunded + amount);
  const status = refunded === payment.amount + payment.tip ? 'refunded' : 'partially_refunded';
  return { ...payment, refunded, status };
}

function checkAmount(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount < 1) throw new BrigadeError('PAYMENT_AMOUNT_INVALID', 'A refund must be at least one cent.');
}
