/** Shared items: lines divided between parts in proportions still add up to the cent. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CheckTotals, priceCheck } from './check-pricing';
import { DEMO, demoMenu } from './demo-menu';
import type { LineId } from './ids';
import { indexMenu } from './menu';
import { splitByShares } from './split-by-shares';
import { splitByItem } from './split-checks';
import { menuWithCheckArb } from './testing/check-arbitraries';
import { checkLine, errorCode } from './testing/check-fixtures';

const FIGURES = ['subtotal', 'lineDiscounts', 'comps', 'orderDiscounts', 'discount', 'discountedSubtotal', 'serviceCharge', 'serviceChargeTax', 'tax', 'total'] as const;
const consistent = (t: CheckTotals) => t.subtotal - t.discount + t.serviceCharge + (t.taxInclusive ? 0 : t.tax);

describe('split by shares', () => {
  const index = indexMenu(demoMenu);
  const check = priceCheck(index, { lines: [checkLine(1, DEMO.beer, [], { quantity: 3 }), checkLine(2, DEMO.burger, [DEMO.medium])] });
  const id = (n: number) => `line-00${n}` as LineId;

  it('halves three beers (19.50 + 1.71 tax) and gives the burger to the first guest', () => {
    const parts = splitByShares(index, check, new Map([[id(1), [1, 1]], [id(2), [1, 0]]]), 2);
    // beer 1950 → 975 / 975, tax 171 (170.625) → 86 / 85; burger 1095 + 55 to part 0
    expect(parts.map((p) => [p.totals.subtotal, p.totals.tax, p.totals.total])).toEqual([
      [2070, 141, 2211],
      [975, 85, 1060],
    ]);
    expect(parts[1]?.lineIds).toEqual([id(1)]);
  });

  it.each([
    ['a line left out', new Map([[id(1), [1, 1]]]), 2],
    ['a line not on the check', new Map([[id(1), [1, 1]], [id(2), [1, 0]], [id(7), [1, 1]]]), 2],
    ['all-zero shares', new Map([[id(1), [0, 0]], [id(2), [1, 0]]]), 2],
    ['negative shares', new Map([[id(1), [2, -1]], [id(2), [1, 0]]]), 2],
    ['fractional shares', new Map([[id(1), [0.5, 0.5]], [id(2), [1, 0]]]), 2],
    ['the wrong number of shares', new Map([[id(1), [1, 1, 1]], [id(2), [1, 0]]]), 2],
    ['a part with no share', new Map([[id(1), [1, 0]], [id(2), [1, 0]]]), 2],
    ['51 parts', new Map([[id(1), Array(51).fill(1)], [id(2), Array(51).fill(1)]]), 51],
  ] as [string, Map<LineId, number[]>, number][])('refuses %s', (_name, shares, parts) => {
    expect(errorCode(() => splitByShares(index, check, shares, parts))).toBe('SPLIT_INVALID');
  });

  it('adds up exactly for any shares, with no negative figure and each part consistent', () => {
    fc.assert(
      fc.property(
        menuWithCheckArb().chain(({ menu, input }) =>
          fc.integer({ min: 1, max: 5 }).chain((parts) =>
            fc
              .tuple(...input.lines.map(() => fc.array(fc.integer({ min: 0, max: 4 }), { minLength: parts, maxLength: parts }).filter((w) => w.some((x) => x > 0))))
              .filter((all) => Array.from({ length: parts }, (_, p) => all.some((w) => (w[p] ?? 0) > 0)).every(Boolean))
              .map((weights) => ({ menu, input, parts, weights })),
          ),
        ),
        ({ menu, input, parts, weights }) => {
          const index2 = indexMenu(menu);
          const priced = priceCheck(index2, input);
          const shares = new Map(input.lines.map((l, i) => [l.lineId, weights[i]!]));
          const split = splitByShares(index2, priced, shares, parts);
          for (const f of FIGURES) expect(split.reduce((s, p) => s + p.totals[f], 0), f).toBe(priced.totals[f]);
          for (const t of priced.totals.taxes) expect(split.reduce((s, p) => s + (p.totals.taxes.find((x) => x.taxRateId === t.taxRateId)?.amount ?? 0), 0)).toBe(t.amount);
          for (const p of split) {
            for (const f of FIGURES) expect(p.totals[f]).toBeGreaterThanOrEqual(0);
            expect(p.totals.total).toBe(consistent(p.totals));
          }
        },
      ),
    );
  });

  it('gives the same parts as a split by item when each line goes wholly to one part', () => {
    fc.assert(
      fc.property(
        menuWithCheckArb().chain(({ menu, input }) =>
          fc.integer({ min: 1, max: input.lines.length }).chain((parts) =>
            fc.tuple(...input.lines.map((_, i) => (i < parts ? fc.constant(i) : fc.integer({ min: 0, max: parts - 1 })))).map((assign) => ({ menu, input, parts, assign })),
          ),
        ),
        ({ menu, input, parts, assign }) => {
          const index2 = indexMenu(menu);
          const priced = priceCheck(index2, input);
          const byItem = splitByItem(index2, priced, new Map(input.lines.map((l, i) => [l.lineId, assign[i]!])), parts);
          const oneHot = new Map(input.lines.map((l, i) => [l.lineId, Array.from({ length: parts }, (_, p) => (p === assign[i] ? 1 : 0))]));
          expect(splitByShares(index2, priced, oneHot, parts)).toEqual(byItem);
        },
      ),
    );
  });
});
