/**
 * Tips, per tender: a fixed amount, or a percentage of what that tender pays, either
 * before tax (the usual US suggestion, so tax is not tipped on) or after tax.
 *
 * Rules:
 * 1. Post-tax base: the amount the tender applies to the check.
 * 2. Pre-tax base: that amount × (total − tax) / total, rounded half away from zero — the
 *    tender's pro-rata part of the pre-tax check (service charge included, as it is part
 *    of the price). A check paid by one tender tips on its whole pre-tax total.
 * 3. Tip = round(base × bps / 10 000), half away from zero. A voluntary tip is not part of
 *    the price: it bears no tax and is never cash-rounded.
 */
import { BrigadeError } from './errors';
import { type Cents, cents, divRound } from './money';

export const MAX_TIP_BPS = 10_000;
export const MAX_TIP_AMOUNT = 100_000_000;

export type TipRequest =
  | { readonly kind: 'amount'; readonly amount: Cents }
  | { readonly kind: 'percent'; readonly bps: number; readonly base: 'pre_tax' | 'post_tax' };

/** The check figures a percentage tip needs. */
export interface TipBase {
  readonly total: Cents;
  readonly tax: Cents;
}

/** The tip for a tender paying `paying` of `check`. */
export function tipAmount(tip: TipRequest, paying: Cents, check: TipBase): Cents {
  if (tip.kind === 'amount') {
    if (!Number.isInteger(tip.amount) || tip.amount < 0 || tip.amount > MAX_TIP_AMOUNT) throw new BrigadeError('TIP_INVALID', undefined, { amount: tip.amount });
    return tip.amount;
  }
  if (tip.kind !== 'percent' || !Number.isInteger(tip.bps) || tip.bps < 0 || tip.bps > MAX_TIP_BPS || (tip.base !== 'pre_tax' && tip.base !== 'post_tax')) {
    throw new BrigadeError('TIP_INVALID');
  }
  const base = tip.base === 'post_tax' || check.total <= 0 ? paying : divRound(paying * (check.total - check.tax), check.total);
  return cents(Math.max(0, divRound(base * tip.bps, 10_000)));
}

/** Suggested tips for a screen: one per percentage, on the whole check. */
export function suggestedTips(check: TipBase, bpsOptions: readonly number[], base: 'pre_tax' | 'post_tax'): { bps: number; amount: Cents }[] {
  return bpsOptions.map((bps) => ({ bps, amount: tipAmount({ kind: 'percent', bps, base }, check.total, check) }));
}
