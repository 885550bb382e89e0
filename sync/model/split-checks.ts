/**
 * Splitting a priced check for separate payers, and merging checks.
 *
 * - By item or by seat: each line goes to exactly one part with its discounts, its taxes
 *   and its share of the service charge (check-pricing.ts keeps every check figure a sum of
 *   line figures), so the parts add up to the check to the cent.
 * - Evenly into N: each figure of the check (subtotal, discount, service charge, every tax
 *   rate, total) is divided into N parts that differ by at most one cent, the extra cents
 *   to the first parts (allocation.ts). Each figure's parts add up to the check's figure.
 *   An even part's figures are shares for the receipt; only its `total` is what it pays.
 * - Merging: two or more open checks become one by pricing all their lines together.
 */
import { allocateEvenly } from './allocation';
import type { CheckInput, CheckTotals, PricedCheck } from './check-pricing';
import { totalCheckLines } from './check-pricing';
import { BrigadeError } from './errors';
import type { LineId } from './ids';
import type { MenuIndex } from './menu';
import { cents } from './money';

export const MAX_SPLIT_PARTS = 50;

export interface CheckPart {
  /** "Seat 3", "Check 2", "1 of 4". */
  readonly label: string;
  readonly seat: number | null;
  /** The lines this part pays for; an even part pays a share of every line. */
  readonly lineIds: readonly LineId[];
  readonly totals: CheckTotals;
}

/**
 * Splits by item: `assignment` maps every line id to a part number from 0 to parts − 1.
 * Every line must be assigned exactly once and every part must get at least one line.
 */
export function splitByItem(index: MenuIndex, check: PricedCheck, assignment: ReadonlyMap<LineId, number>, parts: number): CheckPart[] {
  checkParts(parts);
  const known = new Set(check.lines.map((l) => l.lineId));
  for (const [lineId, part] of assignment) {
    if (!known.has(lineId)) throw new BrigadeError('SPLIT_INVALID', 'A line of the split is not on the check.', { lineId });
    if (!Number.isInteger(part) || part < 0 || part >= parts) throw new BrigadeError('SPLIT_INVALID', `Part numbers go from 0 to ${parts - 1}.`, { lineId });
  }
  const unassigned = check.lines.find((l) => !assignment.has(l.lineId));
  if (unassigned) throw new BrigadeError('SPLIT_INVALID', 'Every line must go to one part.', { lineId: unassigned.lineId });
  return Array.from({ length: parts }, (_, p) => {
    const lines = check.lines.filter((l) => assignment.get(l.lineId) === p);
    if (lines.length === 0) throw new BrigadeError('SPLIT_INVALID', 'A part of the split has no lines.', { part: p });
    return { label: `Check ${p + 1}`, seat: null, lineIds: lines.map((l) => l.lineId), totals: totalCheckLines(index, lines, check.totals.diningOption) };
  });
}

/** Splits by seat, seats in ascending order; lines without a seat form a last "Table" part. */
export function splitBySeat(index: MenuIndex, check: PricedCheck): CheckPart[] {
  const seats = [...new Set(check.lines.map((l) => l.seat))].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
  if (seats.length === 0) throw new BrigadeError('SPLIT_INVALID', 'The check has no lines to split.');
  return seats.map((seat) => {
    const lines = check.lines.filter((l) => l.seat === seat);
    return {
      label: seat === null ? 'Table' : `Seat ${seat}`,
      seat,
      lineIds: lines.map((l) => l.lineId),
      totals: totalCheckLines(index, lines, check.totals.diningOption),
    };
  });
}

/** Splits evenly into `parts`; the parts' totals differ by at most one cent and add up exactly. */
export function splitEvenly(check: PricedCheck, parts: number): CheckPart[] {
  checkParts(parts);
  const t = check.totals;
  const split = (value: number): number[] => allocateEvenly(value, parts);
  const figures = {
    subtotal: split(t.subtotal),
    lineDiscounts: split(t.lineDiscounts),
    comps: split(t.comps),
    orderDiscounts: split(t.orderDiscounts),
    discount: split(t.discount),
    discountedSubtotal: split(t.discountedSubtotal),
    serviceCharge: split(t.serviceCharge),
    serviceChargeTax: split(t.serviceChargeTax),
    tax: split(t.tax),
    total: split(t.total),
  };
  const taxes = t.taxes.map((summary) => ({ summary, parts: split(summary.amount) }));
  const lineIds = check.lines.map((l) => l.lineId);
  return Array.from({ length: parts }, (_, p) => {
    const at = (values: number[]) => cents(values[p] ?? 0);
    const totals: CheckTotals = {
      currency: t.currency,
      taxInclusive: t.taxInclusive,
      diningOption: t.diningOption,
      subtotal: at(figures.subtotal),
      lineDiscounts: at(figures.lineDiscounts),
      comps: at(figures.comps),
      orderDiscounts: at(figures.orderDiscounts),
      discount: at(figures.discount),
      discountedSubtotal: at(figures.discountedSubtotal),
      serviceCharge: at(figures.serviceCharge),
      serviceChargeTax: at(figures.serviceChargeTax),
      tax: at(figures.tax),
      taxes: taxes.map(({ summary, parts: split }) => ({ ...summary, amount: at(split) })),
      total: at(figures.total),
    };
    return { label: `${p + 1} of ${parts}`, seat: null, lineIds, totals };
  });
}

/**
 * One check from several: all lines, all order discounts, the guests added up. The checks
 * must share a dining option and at most one may carry a promo code. Price the result with
 * `priceCheck`; line ids must be distinct across the checks.
 */
export function mergeCheckInputs(inputs: readonly CheckInput[]): CheckInput {
  const [first] = inputs;
  if (!first) throw new BrigadeError('SPLIT_INVALID', 'Nothing to merge.');
  if (inputs.some((i) => i.diningOption !== first.diningOption)) throw new BrigadeError('SPLIT_INVALID', 'Checks to merge must share a dining option.');
  const promos = inputs.filter((i) => i.promo !== undefined);
  if (promos.length > 1) throw new BrigadeError('SPLIT_INVALID', 'Only one promo code per check.');
  const guests = inputs.some((i) => i.guests !== undefined) ? inputs.reduce((sum, i) => sum + (i.guests ?? 0), 0) : undefined;
  const promo = promos[0]?.promo;
  const serviceCharge = inputs.find((i) => i.serviceCharge)?.serviceCharge;
  return {
    lines: inputs.flatMap((i) => i.lines),
    orderDiscounts: inputs.flatMap((i) => i.orderDiscounts ?? []),
    ...(first.diningOption !== undefined ? { diningOption: first.diningOption } : {}),
    ...(guests !== undefined ? { guests } : {}),
    ...(promo ? { promo } : {}),
    ...(serviceCharge ? { serviceCharge } : {}),
    ...(first.unavailable ? { unavailable: first.unavailable } : {}),
  };
}

function checkParts(parts: number): void {
  if (!Number.isInteger(parts) || parts < 1 || parts > MAX_SPLIT_PARTS) {
    throw new BrigadeError('SPLIT_INVALID', `A check splits into 1 to ${MAX_SPLIT_PARTS} parts.`);
  }
}
