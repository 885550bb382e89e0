/** Split checks add up to the original to the cent, in every mode; merging keeps lines. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CheckTotals, type PricedCheck, priceCheck } from './check-pricing';
import { DEMO, demoMenu } from './demo-menu';
import type { LineId } from './ids';
import { indexMenu } from './menu';
import { type CheckPart, mergeCheckInputs, splitByItem, splitBySeat, splitEvenly } from './split-checks';
import { menuWithCheckArb } from './testing/check-arbitraries';
import { checkLine, errorCode } from './testing/check-fixtures';
import { menuWithLinesArb } from './testing/menu-arbitraries';

const FIGURES = ['subtotal', 'lineDiscounts', 'comps', 'orderDiscounts', 'discount', 'discountedSubtotal', 'serviceCharge', 'serviceChargeTax', 'tax', 'total'] as const;

function expectAddsUp(check: PricedCheck, parts: readonly CheckPart[]): void {
  for (const f of FIGURES) expect(parts.reduce((s, p) => s + p.totals[f], 0), f).toBe(check.totals[f]);
  const perRate = new Map<string, number>();
  for (const p of parts) for (const t of p.totals.taxes) perRate.set(t.taxRateId, (perRate.get(t.taxRateId) ?? 0) + t.amount);
  for (const t of check.totals.taxes) expect(perRate.get(t.taxRateId) ?? 0).toBe(t.amount);
  for (const [id, amount] of perRate) if (amount !== 0) expect(check.totals.taxes.some((t) => t.taxRateId === id)).toBe(true);
}

const consistent = (t: CheckTotals) => t.subtotal - t.discount + t.serviceCharge + (t.taxInclusive ? 0 : t.tax);

describe('split check properties', () => {
  it('by item: any assignment of lines to parts adds up exactly, each part consistent', () => {
    fc.assert(
      fc.property(
        menuWithCheckArb().chain(({ menu, input }) =>
          fc.integer({ min: 1, max: input.lines.length }).chain((parts) =>
            fc.tuple(...input.lines.map((_, i) => (i < parts ? fc.constant(i) : fc.integer({ min: 0, max: parts - 1 })))).map((assign) => ({ menu, input, parts, assign })),
          ),
        ),
        ({ menu, input, parts, assign }) => {
          const index = indexMenu(menu);
          const check = priceCheck(index, input);
          const assignment = new Map(input.lines.map((l, i) => [l.lineId, assign[i] ?? 0]));
          const split = splitByItem(index, check, assignment, parts);
          expect(split).toHaveLength(parts);
          expectAddsUp(check, split);
          for (const p of split) expect(p.totals.total).toBe(consistent(p.totals));
          expect(split.flatMap((p) => p.lineIds).sort()).toEqual(check.lines.map((l) => l.lineId).sort());
        },
      ),
    );
  });

  it('by seat: the seats (and the table) add up exactly', () => {
    fc.assert(
      fc.property(menuWithCheckArb(), ({ menu, input }) => {
        const index = indexMenu(menu);
        const check = priceCheck(index, input);
        const split = splitBySeat(index, check);
        expectAddsUp(check, split);
        for (const p of split) for (const id of p.lineIds) expect(check.lines.find((l) => l.lineId === id)?.seat).toBe(p.seat);
      }),
    );
  });

  it('evenly: every figure adds up and the parts differ by at most one cent', () => {
    fc.assert(
      fc.property(menuWithCheckArb(), fc.integer({ min: 1, max: 50 }), ({ menu, input }, n) => {
        const check = priceCheck(indexMenu(menu), input);
        const split = splitEvenly(check, n);
        expect(split).toHaveLength(n);
        expectAddsUp(check, split);
        const totals = split.map((p) => p.totals.total);
        expect(Math.max(...totals) - Math.min(...totals)).toBeLessThanOrEqual(1);
        for (const p of split) expect(Math.abs(p.totals.total * n - check.totals.total)).toBeLessThan(n);
      }),
    );
  });

  it('merging checks without order-level adjustments keeps every line as it was', () => {
    fc.assert(
      fc.property(
        menuWithLinesArb().chain(({ menu, lines }) => fc.integer({ min: 0, max: lines.length }).map((cut) => ({ menu, a: lines.slice(0, cut), b: lines.slice(cut) }))),
        ({ menu, a, b }) => {
          const index = indexMenu(menu);
          const merged = priceCheck(index, mergeCheckInputs([{ lines: a }, { lines: b }]));
          const separate = [priceCheck(index, { lines: a }), priceCheck(index, { lines: b })];
          expect(merged.lines).toEqual(separate.flatMap((c) => c.lines));
          expect(merged.totals.total).toBe(separate[0]!.totals.total + separate[1]!.totals.total);
        },
      ),
    );
  });
});

describe('split check examples and refusals', () => {
  const index = indexMenu(demoMenu);
  const check = priceCheck(index, {
    lines: [checkLine(1, DEMO.burger, [DEMO.medium], { seat: 1 }), checkLine(2, DEMO.beer, [], { seat: 2 }), checkLine(3, DEMO.fries, [DEMO.large])],
  });

  it('splits 10.00 three ways as 3.34, 3.33, 3.33', () => {
    const ten = priceCheck(indexMenu({ ...demoMenu, items: demoMenu.items.map((i) => ({ ...i, price: 1000 as typeof i.price, taxRateIds: [] })) }), { lines: [checkLine(1, DEMO.beer)] });
    expect(splitEvenly(ten, 3).map((p) => p.totals.total)).toEqual([334, 333, 333]);
  });

  it('splits by seat with seatless lines last', () => {
    // burger 1095 + 55; beer 650 + 57; large fries 495 + 25 (24.75)
    expect(splitBySeat(index, check).map((p) => [p.label, p.totals.total])).toEqual([
      ['Seat 1', 1150],
      ['Seat 2', 707],
      ['Table', 520],
    ]);
  });

  const id = (n: number) => `line-00${n}` as LineId;
  it.each([
    ['a line left out', new Map([[id(1), 0], [id(2), 1]]), 2],
    ['a line not on the check', new Map([[id(1), 0], [id(2), 1], [id(3), 1], [id(9), 0]]), 2],
    ['a part number out of range', new Map([[id(1), 0], [id(2), 1], [id(3), 2]]), 2],
    ['an empty part', new Map([[id(1), 0], [id(2), 0], [id(3), 0]]), 2],
    ['zero parts', new Map([[id(1), 0], [id(2), 0], [id(3), 0]]), 0],
  ] as const)('refuses a split by item with %s', (_name, assignment, parts) => {
    expect(errorCode(() => splitByItem(index, check, assignment, parts))).toBe('SPLIT_INVALID');
  });

  it.each([0, 51, 2.5])('refuses an even split into %s parts', (n) => {
    expect(errorCode(() => splitEvenly(check, n))).toBe('SPLIT_INVALID');
  });

  it('refuses to merge checks of different dining options, two promo codes, or nothing', () => {
    const promo = { promo: undefined, code: 'A', uses: 0, at: '2026-01-01T00:00:00Z' };
    expect(errorCode(() => mergeCheckInputs([]))).toBe('SPLIT_INVALID');
    expect(errorCode(() => mergeCheckInputs([{ lines: [], diningOption: 'eat_in' }, { lines: [], diningOption: 'take_out' }]))).toBe('SPLIT_INVALID');
    expect(errorCode(() => mergeCheckInputs([{ lines: [], promo }, { lines: [], promo }]))).toBe('SPLIT_INVALID');
    expect(mergeCheckInputs([{ lines: [], guests: 3 }, { lines: [], guests: 5 }]).guests).toBe(8);
  });

  it('refuses to price a merge where two checks reuse a line id', () => {
    const lines = [checkLine(1, DEMO.beer)];
    expect(errorCode(() => priceCheck(index, mergeCheckInputs([{ lines }, { lines }])))).toBe('VALIDATION_FAILED');
  });
});
