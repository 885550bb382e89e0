/**
 * Splitting a check where some items are shared: each line is divided between the parts in
 * given proportions (a bottle of wine 1 : 1 between two guests, a platter 1 : 2 : 1).
 *
 * For every line, its non-negative figures — discounted amount, line discount, order
 * discount, each tax rate, service charge share and each of its tax rates — are divided by
 * largest remainder (allocation.ts) in the line's proportions; the line amount, the tax and
 * the line total of a part are then derived from them. So every figure of the parts adds up
 * to the check's to the cent, nothing is negative, and each part's total is its subtotal −
 * discount + service charge (+ tax where tax is added). A part's tax on a shared line is
 * its share of the line's tax, within a cent of tax on its share of the amount.
 * Giving a line all of its weight in one part is a split by item.
 */
import { allocateProRata } from './allocation';
import type { CheckLine, PricedCheck } from './check-pricing';
import { totalCheckLines } from './check-pricing';
import { BrigadeError } from './errors';
import type { LineId } from './ids';
import type { MenuIndex } from './menu';
import { cents } from './money';
import type { LineTax } from './pricing';
import { type CheckPart, MAX_SPLIT_PARTS } from './split-checks';

/**
 * `shares` maps every line id to its weights, one per part (non-negative integers, not all
 * zero): `[1, 1]` halves a line between parts 0 and 1, `[0, 1]` gives it to part 1.
 */
export function splitByShares(index: MenuIndex, check: PricedCheck, shares: ReadonlyMap<LineId, readonly number[]>, parts: number): CheckPart[] {
  if (!Number.isInteger(parts) || parts < 1 || parts > MAX_SPLIT_PARTS) throw new BrigadeError('SPLIT_INVALID', `A check splits into 1 to ${MAX_SPLIT_PARTS} parts.`);
  const known = new Set(check.lines.map((l) => l.lineId));
  for (const [lineId, weights] of shares) {
    if (!known.has(lineId)) throw new BrigadeError('SPLIT_INVALID', 'A line of the split is not on the check.', { lineId });
    const valid = weights.length === parts && weights.every((w) => Number.isSafeInteger(w) && w >= 0 && w <= 1000) && weights.some((w) => w > 0);
    if (!valid) throw new BrigadeError('SPLIT_INVALID', `Each line needs ${parts} whole, non-negative shares, not all zero.`, { lineId });
  }
  const perPart: CheckLine[][] = Array.from({ length: parts }, () => []);
  for (const line of check.lines) {
    const weights = shares.get(line.lineId);
    if (!weights) throw new BrigadeError('SPLIT_INVALID', 'Every line must be shared out.', { lineId: line.lineId });
    divideLine(line, weights, check.totals.taxInclusive).forEach((piece, p) => {
      if (piece) perPart[p]?.push(piece);
    });
  }
  return perPart.map((lines, p) => {
    if (lines.length === 0) throw new BrigadeError('SPLIT_INVALID', 'A part of the split has no share of any line.', { part: p });
    return { label: `Check ${p + 1}`, seat: null, lineIds: lines.map((l) => l.lineId), totals: totalCheckLines(index, lines, check.totals.diningOption) };
  });
}

/** The line's piece for each part, or null where the part's weight is 0. */
function divideLine(line: CheckLine, weights: readonly number[], inclusive: boolean): (CheckLine | null)[] {
  const split = (value: number): number[] => allocateProRata(value, weights);
  const discounted = split(line.discountedAmount);
  const lineDiscount = split(line.lineDiscount);
  const orderDiscount = split(line.orderDiscount);
  const serviceCharge = split(line.serviceChargeShare);
  const splitTaxes = (taxes: readonly LineTax[]) => taxes.map((t) => ({ taxRateId: t.taxRateId, parts: split(t.amount) }));
  const taxes = splitTaxes(line.taxes);
  const chargeTaxes = splitTaxes(line.serviceChargeTaxes);
  return weights.map((weight, p) => {
    if (weight === 0) return null;
    const at = (values: readonly number[]) => cents(values[p] ?? 0);
    const pieceTaxes = taxes.map((t) => ({ taxRateId: t.taxRateId, amount: at(t.parts) }));
    const tax = cents(pieceTaxes.reduce((s, t) => s + t.amount, 0));
    const amount = at(discounted);
    return Object.assign({}, line, {
      lineAmount: cents(amount + at(lineDiscount) + at(orderDiscount)),
      lineDiscount: at(lineDiscount),
      orderDiscount: at(orderDiscount),
      discountedAmount: amount,
      taxes: pieceTaxes,
      tax,
      lineTotal: inclusive ? amount : cents(amount + tax),
      serviceChargeShare: at(serviceCharge),
      serviceChargeTaxes: chargeTaxes.map((t) => ({ taxRateId: t.taxRateId, amount: at(t.parts) })),
    });
  });
}
