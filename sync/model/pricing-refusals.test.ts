/** Every way a line request can be wrong, and the stable error code each one gets. */
import { describe, expect, it } from 'vitest';
import { DEMO, demoMenu } from './demo-menu';
import { BrigadeError, type ErrorCode } from './errors';
import type { ItemId, LineId, ModifierOptionId, TaxRateId } from './ids';
import { type Menu, indexMenu } from './menu';
import { cents } from './money';
import { type LineRequest, MAX_LINES_PER_ORDER, priceLine, priceOrder } from './pricing';

const salad = 'item-salad' as ItemId;
const retired = 'item-retired' as ItemId;
const menu: Menu = {
  ...demoMenu,
  items: [
    ...demoMenu.items,
    { ...demoMenu.items[6]!, id: salad, name: 'Salad bar', price: cents(1999), soldByWeight: true },
    { ...demoMenu.items[6]!, id: retired, name: 'Old special', active: false },
    { ...demoMenu.items[6]!, id: 'item-bad-tax' as ItemId, name: 'Mystery', taxRateIds: ['tax-gone' as TaxRateId] },
  ],
};
const index = indexMenu(menu);

const req = (itemId: string, modifierOptionIds: string[] = [], quantity = 1, extra: Partial<LineRequest> = {}): LineRequest => ({
  lineId: 'line-1' as LineId,
  itemId: itemId as ItemId,
  quantity,
  modifierOptionIds: modifierOptionIds.map((id) => id as ModifierOptionId),
  ...extra,
});

function codeOf(fn: () => unknown): ErrorCode | 'none' {
  try {
    fn();
  } catch (error) {
    if (error instanceof BrigadeError) {
      expect(error.status).toBeGreaterThanOrEqual(400);
      expect(error.status).toBeLessThan(500);
      return error.code;
    }
    throw error;
  }
  return 'none';
}

describe('line refusals', () => {
  const cases: readonly [string, LineRequest, ErrorCode][] = [
    ['an unknown item', req('item-nope'), 'ITEM_UNKNOWN'],
    ['an inactive item (retired by the cloud)', req(retired), 'ITEM_UNKNOWN'],
    ['an item whose tax rate is missing', req('item-bad-tax'), 'ITEM_UNKNOWN'],
    ['an unknown option', req(DEMO.burger, [DEMO.medium, 'opt-nope']), 'MODIFIER_UNKNOWN'],
    ["an option of another item's group", req(DEMO.burger, [DEMO.medium, DEMO.large]), 'MODIFIER_UNKNOWN'],
    ['an option on an item with no groups', req(DEMO.beer, [DEMO.cheese]), 'MODIFIER_UNKNOWN'],
    ['a missing required choice', req(DEMO.burger, [DEMO.bacon]), 'MODIFIER_REQUIRED'],
    ['two choices in a pick-one group', req(DEMO.burger, [DEMO.rare, DEMO.medium]), 'MODIFIER_TOO_MANY'],
    ['two sizes', req(DEMO.cola, [DEMO.small, DEMO.large]), 'MODIFIER_TOO_MANY'],
    ['the same choice twice', req(DEMO.burger, [DEMO.medium, DEMO.bacon, DEMO.bacon]), 'MODIFIER_TOO_MANY'],
    ['quantity 0', req(DEMO.beer, [], 0), 'QUANTITY_INVALID'],
    ['quantity 1000', req(DEMO.beer, [], 1000), 'QUANTITY_INVALID'],
    ['quantity 1.5', req(DEMO.beer, [], 1.5), 'QUANTITY_INVALID'],
    ['a negative quantity', req(DEMO.beer, [], -2), 'QUANTITY_INVALID'],
    ['a quantity that is not a number', req(DEMO.beer, [], Number.NaN), 'QUANTITY_INVALID'],
    ['a weighed item without a weight', req(salad), 'QUANTITY_INVALID'],
    ['a weight of 0 g', req(salad, [], 1, { weightGrams: 0 }), 'QUANTITY_INVALID'],
    ['a weight over 100 kg', req(salad, [], 1, { weightGrams: 100_001 }), 'QUANTITY_INVALID'],
    ['a fractional weight', req(salad, [], 1, { weightGrams: 12.5 }), 'QUANTITY_INVALID'],
    ['a weighed item with quantity 2', req(salad, [], 2, { weightGrams: 200 }), 'QUANTITY_INVALID'],
    ['a weight on an item sold by the piece', req(DEMO.beer, [], 1, { weightGrams: 200 }), 'QUANTITY_INVALID'],
  ];

  it.each(cases)('refuses %s', (_name, request, code) => {
    expect(codeOf(() => priceLine(index, request))).toBe(code);
    expect(codeOf(() => priceOrder(index, [req(DEMO.beer), request]))).toBe(code);
  });

  it('refuses an 86’d item as unavailable (409) and accepts it once back', () => {
    const unavailable = new Set([DEMO.beer]);
    expect(codeOf(() => priceLine(index, req(DEMO.beer), unavailable))).toBe('ITEM_UNAVAILABLE');
    expect(codeOf(() => priceLine(index, req(DEMO.beer), new Set()))).toBe('none');
  });

  it(`refuses an order of more than ${MAX_LINES_PER_ORDER} lines`, () => {
    const lines = Array.from({ length: MAX_LINES_PER_ORDER + 1 }, () => req(DEMO.beer));
    expect(codeOf(() => priceOrder(index, lines))).toBe('QUANTITY_INVALID');
    expect(codeOf(() => priceOrder(index, lines.slice(1)))).toBe('none');
  });

  it('accepts the edges of the valid range', () => {
    expect(codeOf(() => priceLine(index, req(DEMO.beer, [], 999)))).toBe('none');
    expect(codeOf(() => priceLine(index, req(salad, [], 1, { weightGrams: 100_000 })))).toBe('none');
    expect(codeOf(() => priceLine(index, req(DEMO.burger, [DEMO.rare, DEMO.bacon, DEMO.cheese, DEMO.jalapenos])))).toBe('none');
  });
});
