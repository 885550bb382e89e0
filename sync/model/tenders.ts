/**
 * Split tenders: several payments (cash, card, …) against one check, each with its own tip.
 *
 * Rules:
 * 1. A non-cash tender pays at most the balance: overpaying a card is refused.
 * 2. A cash tender whose amount is the balance, or the balance rounded to the cash
 *    increment, settles the check: the rounding difference is reported (cash-rounding.ts)
 *    and the check is paid. A smaller cash amount pays part, unrounded.
 * 3. Cash handed over (`tendered`) must cover what is collected plus the tip; the rest is
 *    change.
 * 4. Tips are per tender (tips.ts) and are not part of what the check is paid with.
 * 5. The applied amounts add up to the check total exactly; `remaining` is what is still due.
 */
import { roundCashDue } from './cash-rounding';
import { BrigadeError } from './errors';
import { type Cents, cents } from './money';
import type { PaymentStatus, TenderType } from './order';
import { type TipBase, type TipRequest, tipAmount } from './tips';

export interface TenderRequest {
  readonly tender: TenderType;
  /** What this tender pays off the check (before cash rounding), excluding the tip. */
  readonly amount: Cents;
  /** Cash handed over (cash only). */
  readonly tendered?: Cents;
  readonly tip?: TipRequest;
}

export interface SettledTender {
  readonly tender: TenderType;
  /** Applied to the check. */
  readonly amount: Cents;
  /** What the tender really takes for the check: amount + rounding. */
  readonly collected: Cents;
  /** Cash rounding difference (collected − amount); 0 for other tenders. */
  readonly rounding: Cents;
  readonly tip: Cents;
  readonly tendered: Cents | null;
  readonly change: Cents | null;
}

export interface Settlement {
  readonly tenders: readonly SettledTender[];
  readonly total: Cents;
  readonly paid: Cents;
  readonly rounding: Cents;
  readonly tips: Cents;
  readonly remaining: Cents;
  readonly status: Extract<PaymentStatus, 'unpaid' | 'partially_paid' | 'paid'>;
}

export interface TenderOptions {
  /** Cash rounding increment in minor units (5 for 0.05); 1 or absent for none. */
  readonly cashIncrement?: number;
}

/** Applies `requests` in order to a check; throws a BrigadeError on the first bad one. */
export function settleTenders(check: TipBase, requests: readonly TenderRequest[], options: TenderOptions = {}): Settlement {
  if (!Number.isSafeInteger(check.total) || check.total < 0) throw new BrigadeError('PAYMENT_AMOUNT_INVALID', 'The check total is not valid.');
  const increment = options.cashIncrement ?? 1;
  let remaining = check.total as number;
  const tenders: SettledTender[] = [];
  for (const request of requests) {
    const settled = applyTender(check, remaining, request, increment);
    remaining -= settled.amount;
    tenders.push(settled);
  }
  const paid = cents(check.total - remaining);
  return {
    tenders,
    total: check.total,
    paid,
    rounding: cents(tenders.reduce((s, t) => s + t.rounding, 0)),
    tips: cents(tenders.reduce((s, t) => s + t.tip, 0)),
    remaining: cents(remaining),
    status: remaining === 0 ? 'paid' : paid === 0 ? 'unpaid' : 'partially_paid',
  };
}

/** What to ask for when cash pays the rest of a balance. */
export function cashToSettle(remaining: Cents, cashIncrement = 1): Cents {
  return roundCashDue(remaining, cashIncrement).rounded;
}

function applyTender(check: TipBase, remaining: number, request: TenderRequest, increment: number): SettledTender {
  const { amount } = request;
  if (remaining === 0) throw new BrigadeError('ORDER_ALREADY_PAID');
  if (!Number.isSafeInteger(amount) || amount < 1) throw new BrigadeError('PAYMENT_AMOUNT_INVALID', 'A payment must be at least one cent.');
  const tip = request.tip ? tipAmount(request.tip, amount, check) : cents(0);
  if (request.tender !== 'cash') {
    if (amount > remaining) throw new BrigadeError('PAYMENT_AMOUNT_INVALID', 'The payment is more than the balance.', { remaining });
    if (request.tendered !== undefined) throw new BrigadeError('PAYMENT_AMOUNT_INVALID', 'Only cash is handed over.');
    return { tender: request.tender, amount, collected: amount, rounding: cents(0), tip, tendered: null, change: null };
  }
  const cash = roundCashDue(cents(remaining), increment);
  const settles = amount === remaining || amount === cash.rounded;
  if (!settles && amount > remaining) throw new BrigadeError('PAYMENT_AMOUNT_INVALID', 'The payment is more than the balance; hand-over goes in tendered.', { remaining });
  const applied = settles ? cents(remaining) : amount;
  const collected = settles ? cash.rounded : amount;
  const tendered = request.tendered ?? cents(collected + tip);
  if (!Number.isSafeInteger(tendered) || tendered < collected + tip) {
    throw new BrigadeError('PAYMENT_AMOUNT_INVALID', 'The cash handed over does not cover the payment.', { due: collected + tip });
  }
  return { tender: 'cash', amount: applied, collected, rounding: cents(collected - applied), tip, tendered, change: cents(tendered - collected - tip) };
}
