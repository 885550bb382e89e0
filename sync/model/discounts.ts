/**
 * Discounts and comps.
 *
 * Rules (source: a discount given at the time of sale reduces the taxable amount — EU VAT
 * Directive 2006/112/EC art. 79(b); in the US the Streamlined Sales and Use Tax Agreement's
 * definition of "sales price" excludes discounts the seller is not reimbursed for):
 * 1. A discount is a percentage in basis points (1000 = 10 %, at most 10 000) or a fixed
 *    amount in minor units. It applies to the shelf amount (gross on an inclusive menu, net
 *    on an exclusive one) and is capped at it: a discount never makes a line or an order
 *    negative.
 * 2. Line level: round(lineAmount × bps / 10 000), half away from zero, on the whole line
 *    (not per unit), so 10 % off 3 × 0.95 is 0.29, not 3 × 0.10.
 * 3. Order level: each order discount is computed once on what is left of the order after
 *    line discounts and earlier order discounts, rounded the same way, then allocated to
 *    the lines pro rata by largest remainder (allocation.ts), so taxes follow the
 *    discounted amount of each line and the shares add up to the discount exactly.
 * 4. A comp is a 100 % line discount with a reason (kept for the manager's report).
 */
import { allocateProRata } from './allocation';
import { BrigadeError } from './errors';
import { type Cents, cents, divRound } from './money';

export const MAX_DISCOUNT_BPS = 10_000;
export const MAX_DISCOUNT_AMOUNT = 100_000_000;

export type DiscountValue =
  | { readonly kind: 'percent'; readonly bps: number }
  | { readonly kind: 'amount'; readonly amount: Cents };

/** A discount on one line (a manager's "10 % off the steak"). */
export interface LineDiscount {
  readonly name: string;
  readonly value: DiscountValue;
}

/** An item on the house; the reason goes to the comps report. */
export interface Comp {
  readonly reason: string;
}

/**
 * Loyalty points taken as a reward: a fixed amount off the check before tax, written by the
 * store when it takes the points off the account (never sent by a screen as a discount).
 */
export interface LoyaltyRedemption {
  readonly account: string;
  readonly points: number;
  /** The redemption's id: its ledger entries carry it, so reversals find it. */
  readonly redemptionId: string;
}

/** A discount on the whole check; `promoCode` is set when it came from a code, `loyalty` when points paid for it. */
export interface OrderDiscount {
  readonly name: string;
  readonly value: DiscountValue;
  readonly promoCode?: string;
  readonly loyalty?: LoyaltyRedemption;
}

export interface AppliedOrderDiscount {
  readonly name: string;
  readonly amount: Cents;
  readonly promoCode?: string;
  /** Set on the discount line of a points redemption (kind `loyalty`). */
  readonly kind?: 'loyalty';
  readonly points?: number;
}

export function checkDiscountValue(value: DiscountValue): void {
  if (value.kind === 'percent') {
    if (!Number.isInteger(value.bps) || value.bps < 0 || value.bps > MAX_DISCOUNT_BPS) {
      throw new BrigadeError('DISCOUNT_INVALID', 'A percentage discount must be from 0 to 100 %.', { bps: value.bps });
    }
  } else if (value.kind === 'amount') {
    if (!Number.isInteger(value.amount) || value.amount < 0 || value.amount > MAX_DISCOUNT_AMOUNT) {
      throw new BrigadeError('DISCOUNT_INVALID', 'A discount amount must be a whole, positive number of cents.', { amount: value.amount });
    }
  } else {
    throw new BrigadeError('DISCOUNT_INVALID');
  }
}

/** What `value` takes off `base`: never more than `base`, never negative. */
export function discountOn(base: Cents, value: DiscountValue): Cents {
  checkDiscountValue(value);
  if (base <= 0) return cents(0);
  const raw = value.kind === 'percent' ? divRound(base * value.bps, 10_000) : value.amount;
  return cents(Math.min(base, raw));
}

/**
 * Applies order discounts in turn to lines whose remaining amounts are `amounts` (after
 * line discounts), keyed by line id for a result independent of line order. Returns each
 * discount's amount and each line's total share.
 */
export function allocateOrderDiscounts(
  discounts: readonly OrderDiscount[],
  amounts: readonly Cents[],
  keys: readonly string[],
): { applied: AppliedOrderDiscount[]; shares: Cents[] } {
  const remaining = [...amounts] as number[];
  const shares = amounts.map(() => 0);
  const applied: AppliedOrderDiscount[] = [];
  for (const discount of discounts) {
    const base = cents(remaining.reduce((sum, a) => sum + a, 0));
    const amount = discountOn(base, discount.value);
    const parts = allocateProRata(amount, remaining, keys);
    parts.forEach((part, i) => {
      remaining[i] = (remaining[i] ?? 0) - part;
      shares[i] = (shares[i] ?? 0) + part;
    });
    applied.push({
      name: discount.name, amount,
      ...(discount.promoCode !== undefined ? { promoCode: discount.promoCode } : {}),
      ...(discount.loyalty ? { kind: 'loyalty' as const, points: discount.loyalty.points } : {}),
    });
  }
  return { applied, shares: shares.map(cents) };
}
