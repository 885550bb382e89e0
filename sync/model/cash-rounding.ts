/**
 * Cash rounding ("Swedish rounding"), for currencies or stores without their smallest coin.
 *
 * Rules (source: Government of Canada, eliminating the penny, 2012–13 — cash totals are
 * rounded to the nearest 5 cents, card and cheque payments are not, and GST/HST is charged
 * on the amount before rounding; the same practice in Finland, the Netherlands, Sweden):
 * 1. Only a cash tender that settles the balance is rounded: the balance due in cash is
 *    round(balance / increment) × increment, half away from zero (1.02 → 1.00, 1.03 → 1.05
 *    at increment 5; at increment 10, 1.05 → 1.10).
 * 2. Prices and taxes are not changed: the rounding difference (rounded − balance, may be
 *    negative) is reported with the tender for the cash-up, not hidden in the total.
 */
import { BrigadeError } from './errors';
import { type Cents, cents, roundToIncrement } from './money';

export interface CashRounding {
  /** The balance before rounding. */
  readonly due: Cents;
  /** What the customer pays in cash. */
  readonly rounded: Cents;
  /** rounded − due. */
  readonly difference: Cents;
}

export function checkCashIncrement(increment: number): void {
  if (!Number.isInteger(increment) || increment < 1 || increment > 100) {
    throw new BrigadeError('VALIDATION_FAILED', 'The cash rounding increment must be a whole number of cents from 1 to 100.');
  }
}

/** The cash to ask for when cash settles a balance of `due`. */
export function roundCashDue(due: Cents, increment: number): CashRounding {
  checkCashIncrement(increment);
  const rounded = roundToIncrement(due, increment);
  return { due, rounded, difference: cents(rounded - due) };
}
