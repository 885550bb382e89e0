/**
 * Loyalty points redeemed as a reward: a fixed amount (points × the store's point value) off
 * the check before tax, priced by `priceCheck` as the last order discount (discounts.ts,
 * check-pricing.ts). The screen and the store use the same limit, so what the screen offers is
 * what the store accepts.
 */
import type { OrderDiscount } from './discounts';
import { type Cents, cents } from './money';

/**
 * The most a new reward may take off a check: no more than what is left of it before tax,
 * and, when part is paid, no more than the pre-tax share of what is still due, so the total
 * never drops below the money already taken.
 */
export function loyaltyDiscountLimit(totals: { readonly total: number; readonly discountedSubtotal: number }, paid: number): Cents {
  if (totals.total <= 0 || totals.discountedSubtotal <= 0) return cents(0);
  const due = Math.max(0, totals.total - paid);
  return cents(Math.min(totals.discountedSubtotal, Math.floor((due * totals.discountedSubtotal) / totals.total)));
}

/** Whole points that fit under `limit` at `pointValue` each, out of `points` held. */
export function redeemablePoints(points: number, pointValue: number, limit: number): number {
  if (pointValue <= 0 || points <= 0 || limit <= 0) return 0;
  return Math.min(points, Math.floor(limit / pointValue));
}

/** The check's discount line for a redemption (kind `loyalty` once applied). */
export function loyaltyDiscount(redemption: { account: string; points: number; redemptionId: string }, pointValue: number): OrderDiscount {
  return {
    name: `Loyalty points (${redemption.points})`,
    value: { kind: 'amount', amount: cents(redemption.points * pointValue) },
    loyalty: { account: redemption.account, points: redemption.points, redemptionId: redemption.redemptionId },
  };
}
