/**
 * Hand-computed examples of the rules in pricing.ts's docblock, on the demo menu
 * (US-style, tax added: food 5 %, sales tax 8.75 %) and on small inclusive menus.
 */
import { describe, expect, it } from 'vitest';
import { DEMO, demoMenu } from './demo-menu';
import type { ItemId, LineId, ModifierOptionId, TaxRateId } from './ids';
import { type Menu, indexMenu } from './menu';
import { cents } from './money';
import { type LineRequest, computeLineTaxes, priceLine, priceOrder } from './pricing';

const demo = indexMenu(demoMenu);
let n = 0;
const line = (itemId: ItemId, modifierOptionIds: string[] = [], quantity = 1, extra: Partial<LineRequest> = {}): LineRequest => ({
  lineId: `line-${++n}` as LineId,
  itemId,
  quantity,
  modifierOptionIds: modifierOptionIds.map((id) => id as ModifierOptionId),
  ...extra,
});

const rate = (id: string, rateBps: number) => ({ id: id as TaxRateId, name: id, rateBps });

describe('exclusive tax (tax added on top)', () => {
  it('taxes a 10.95 burger at 5 % as 0.55 (54.75 rounds half away from zero)', () => {
    const priced = priceLine(demo, line(DEMO.burger, [DEMO.medium]));
    expect(priced.unitPrice).toBe(1095);
    expect(priced.lineAmount).toBe(1095);
    expect(priced.tax).toBe(55);
    expect(priced.lineTotal).toBe(1150);
  });

  it('adds modifier deltas to the unit price and multiplies by quantity before taxing', () => {
    const priced = priceLine(demo, line(DEMO.burger, [DEMO.wellDone, DEMO.cheese, DEMO.bacon], 2));
    expect(priced.unitPrice).toBe(1345);
    expect(priced.lineAmount).toBe(2690);
    expect(priced.tax).toBe(135); // 134.5 → 135
    expect(priced.modifiers.map((m) => m.name)).toEqual(['Well done', 'Bacon', 'Cheese']); // menu order
  });

  it('taxes a large cola at 8.75 %: 3.50 → 0.31 (30.625)', () => {
    expect(priceLine(demo, line(DEMO.cola, [DEMO.large])).tax).toBe(31);
  });

  it('sums line-rounded taxes per rate for the order', () => {
    const order = priceOrder(demo, [line(DEMO.burger, [DEMO.medium]), line(DEMO.fries, [DEMO.regular]), line(DEMO.cola, [DEMO.regular]), line(DEMO.beer)]);
    // burger 1095 → 55; fries 445 → 22 (22.25); cola 300 → 26 (26.25); beer 650 → 57 (56.875)
    expect(order.totals.subtotal).toBe(2490);
    expect(order.totals.taxes).toEqual([
      { taxRateId: 'tax-food', name: 'Food tax', rateBps: 500, amount: 77 },
      { taxRateId: 'tax-standard', name: 'Sales tax', rateBps: 875, amount: 83 },
    ]);
    expect(order.totals.tax).toBe(160);
    expect(order.totals.total).toBe(2650);
    expect(order.totals.currency).toBe('USD');
  });

  it('gives an empty order zero totals', () => {
    expect(priceOrder(demo, []).totals).toMatchObject({ subtotal: 0, tax: 0, total: 0, taxes: [] });
  });
});

describe('inclusive tax (shelf price includes tax)', () => {
  it('takes 1.67 of tax out of 10.00 at 20 % (net 833.33 → 833)', () => {
    expect(computeLineTaxes(cents(1000), [rate('vat', 2000)], true)).toEqual([{ taxRateId: 'vat', amount: 167 }]);
  });

  it('splits 10.00 at 10 % + 5 % as 0.87 + 0.43 (net 869.57 → 870, tax 130 split 86.67 / 43.33)', () => {
    expect(computeLineTaxes(cents(1000), [rate('a', 1000), rate('b', 500)], true)).toEqual([
      { taxRateId: 'a', amount: 87 },
      { taxRateId: 'b', amount: 43 },
    ]);
  });

  it('never gives a 0 % rate a negative share (0.33 at 5 % + 5 % + 0 %: tax 3 → 2, 1, 0)', () => {
    // net = round(330 000 / 11 000) = 30, tax 3, exact shares 1.5 / 1.5 / 0
    expect(computeLineTaxes(cents(33), [rate('a', 500), rate('b', 500), rate('zero', 0)], true)).toEqual([
      { taxRateId: 'a', amount: 2 },
      { taxRateId: 'b', amount: 1 },
      { taxRateId: 'zero', amount: 0 },
    ]);
  });

  it('gives zero tax for rates that are all 0 % and for no rates', () => {
    expect(computeLineTaxes(cents(999), [rate('z', 0)], true)).toEqual([{ taxRateId: 'z', amount: 0 }]);
    expect(computeLineTaxes(cents(999), [], true)).toEqual([]);
    expect(computeLineTaxes(cents(999), [], false)).toEqual([]);
  });

  it('keeps the total at the shelf price on an inclusive menu', () => {
    const menu: Menu = { ...demoMenu, taxInclusive: true, taxRates: [rate('tax-food', 2000), rate('tax-standard', 2000)] };
    const order = priceOrder(indexMenu(menu), [line(DEMO.beer, [], 3)]);
    // 1950 gross, net round(19 500 000 / 12 000) = 1625, tax 325
    expect(order.lines[0]?.lineTotal).toBe(1950);
    expect(order.totals).toMatchObject({ subtotal: 1950, tax: 325, total: 1950, taxInclusive: true });
  });
});

describe('items sold by weight', () => {
  const weighed: Menu = {
    ...demoMenu,
    items: [...demoMenu.items, { ...demoMenu.items[6]!, id: 'item-salad' as ItemId, name: 'Salad bar', price: cents(1999), soldByWeight: true, taxRateIds: [DEMO.taxFood] }],
  };
  const index = indexMenu(weighed);

  it.each([
    [250, 500, 25], // 19.99/kg × 250 g = 499.75 → 500; tax 25
    [333, 666, 33], // 665.667 → 666; tax 33.3 → 33
    [1, 2, 0], // 1.999 → 2; tax 0.1 → 0
    [100_000, 199_900, 9995],
  ])('prices %i g at 19.99/kg as %i with %i tax', (grams, amount, tax) => {
    const priced = priceLine(index, line('item-salad' as ItemId, [], 1, { weightGrams: grams }));
    expect(priced.lineAmount).toBe(amount);
    expect(priced.tax).toBe(tax);
    expect(priced.weightGrams).toBe(grams);
  });
});

describe('tax by dining option', () => {
  const menu: Menu = {
    ...demoMenu,
    taxRates: [...demoMenu.taxRates, rate('tax-hot', 1000)],
    items: demoMenu.items.map((i) => (i.id === DEMO.brulee ? { ...i, taxRateIdsByDiningOption: { eat_in: ['tax-hot' as TaxRateId], take_out: [] } } : i)),
  };
  const index = indexMenu(menu);

  it.each([
    [undefined, 35], // default food tax 5 %: 34.75 → 35
    ['eat_in', 70], // 10 %: 69.5 → 70
    ['take_out', 0],
    ['delivery', 35], // not set: default
  ] as const)('taxes a 6.95 dessert for %s as %i', (option, tax) => {
    expect(priceLine(index, line(DEMO.brulee), new Set(), option).tax).toBe(tax);
    expect(priceOrder(index, [line(DEMO.brulee)], new Set(), option).totals.tax).toBe(tax);
  });
});
