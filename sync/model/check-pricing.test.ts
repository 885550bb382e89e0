/** Hand-computed checks on the demo menu (food 5 %, sales tax 8.75 %, tax added). */
import { describe, expect, it } from 'vitest';
import { type CheckInput, priceCheck } from './check-pricing';
import { DEMO, demoMenu } from './demo-menu';
import type { TaxRateId } from './ids';
import { type Menu, indexMenu } from './menu';
import { cents } from './money';
import type { ServiceChargeRule } from './service-charge';
import { checkLine, errorCode } from './testing/check-fixtures';

const demo = indexMenu(demoMenu);
const burger = (id: number, extra = {}) => checkLine(id, DEMO.burger, [DEMO.medium], extra);
const beer = (id: number, extra = {}) => checkLine(id, DEMO.beer, [], extra);
const largeParty: ServiceChargeRule = { name: 'Service 18 %', minGuests: 8, rateBps: 1800, taxable: true, taxRateIds: [DEMO.taxStandard] };

describe('line discounts and comps', () => {
  it('takes 10 % off a whole line before tax: 3 small colas 7.50 → 0.75 off, tax 0.59 on 6.75', () => {
    const check = priceCheck(demo, { lines: [checkLine(1, DEMO.cola, [DEMO.small], { quantity: 3, discount: { name: 'Staff', value: { kind: 'percent', bps: 1000 } } })] });
    const line = check.lines[0]!;
    expect([line.lineAmount, line.lineDiscount, line.discountedAmount, line.tax, line.lineTotal]).toEqual([750, 75, 675, 59, 734]);
    expect(check.totals).toMatchObject({ subtotal: 750, lineDiscounts: 75, discount: 75, discountedSubtotal: 675, tax: 59, total: 734 });
  });

  it('caps a fixed discount at the line amount', () => {
    const check = priceCheck(demo, { lines: [beer(1, { discount: { name: 'Voucher', value: { kind: 'amount', amount: cents(5000) } } }), burger(2)] });
    expect(check.lines[0]).toMatchObject({ lineDiscount: 650, discountedAmount: 0, tax: 0, lineTotal: 0 });
    expect(check.totals.total).toBe(1150);
  });

  it('comps a line with its reason and reports comps apart from discounts', () => {
    const check = priceCheck(demo, { lines: [burger(1, { comp: { reason: ' Overcooked ' } }), beer(2)] });
    expect(check.lines[0]).toMatchObject({ comp: { reason: 'Overcooked' }, lineDiscount: 1095, tax: 0, lineTotal: 0 });
    expect(check.totals).toMatchObject({ comps: 1095, lineDiscounts: 0, discount: 1095, tax: 57, total: 707 });
  });
});

describe('order discounts and promo codes', () => {
  it('allocates 5.00 off 10.95 + 6.50 by largest remainder (3.14 / 1.86) and taxes the rest', () => {
    // exact shares 313.75 and 186.25 → floors 313 + 186, the spare cent to the larger remainder
    const check = priceCheck(demo, { lines: [burger(1), beer(2)], orderDiscounts: [{ name: 'Sorry', value: { kind: 'amount', amount: cents(500) } }] });
    expect(check.lines.map((l) => [l.orderDiscount, l.discountedAmount, l.tax])).toEqual([
      [314, 781, 39], // 39.05
      [186, 464, 41], // 40.6
    ]);
    expect(check.orderDiscounts).toEqual([{ name: 'Sorry', amount: 500 }]);
    expect(check.totals).toMatchObject({ subtotal: 1745, orderDiscounts: 500, discountedSubtotal: 1245, tax: 80, total: 1325 });
  });

  it('applies order discounts in turn, each on what is left', () => {
    const check = priceCheck(demo, {
      lines: [burger(1)],
      orderDiscounts: [
        { name: 'Half', value: { kind: 'percent', bps: 5000 } },
        { name: 'Ten more', value: { kind: 'percent', bps: 1000 } },
      ],
    });
    // 1095 → 547.5 → 548 off → 547 left → 54.7 → 55 off → 492
    expect(check.orderDiscounts.map((d) => d.amount)).toEqual([548, 55]);
    expect(check.totals.discountedSubtotal).toBe(492);
  });

  const promo = { code: 'Save10', name: '10 % off', value: { kind: 'percent', bps: 1000 } as const, minSpend: cents(2000), startsAt: '2026-11-01T00:00:00Z', expiresAt: '2026-12-01T00:00:00Z', maxUses: 100 };
  const withPromo = (lines: CheckInput['lines'], code: string, uses = 0, at = '2026-11-22T12:00:00Z'): CheckInput => ({ lines, promo: { promo, code, uses, at } });

  it('applies a valid code typed in any case, after line discounts', () => {
    const check = priceCheck(demo, withPromo([burger(1), burger(2)], ' save10 '));
    expect(check.orderDiscounts).toEqual([{ name: '10 % off', amount: 219, promoCode: 'SAVE10' }]);
    expect(check.totals.discountedSubtotal).toBe(1971);
  });

  it.each([
    ['a wrong code', withPromo([burger(1), burger(2)], 'SAVE20'), 'PROMO_CODE_INVALID'],
    ['an empty code', withPromo([burger(1), burger(2)], '  '), 'PROMO_CODE_INVALID'],
    ['a spend below the minimum', withPromo([burger(1), beer(2)], 'SAVE10'), 'PROMO_MIN_SPEND'],
    ['a minimum reached only before a comp', withPromo([burger(1), burger(2, { comp: { reason: 'late' } })], 'SAVE10'), 'PROMO_MIN_SPEND'],
    ['a code used up', withPromo([burger(1), burger(2)], 'SAVE10', 100), 'PROMO_CODE_USED_UP'],
    ['a code before it starts', withPromo([burger(1), burger(2)], 'SAVE10', 0, '2026-10-31T23:59:59Z'), 'PROMO_CODE_NOT_STARTED'],
    ['a code at its expiry', withPromo([burger(1), burger(2)], 'SAVE10', 0, '2026-12-01T00:00:00Z'), 'PROMO_CODE_EXPIRED'],
    ['a date that is not a date', withPromo([burger(1), burger(2)], 'SAVE10', 0, 'tomorrow'), 'VALIDATION_FAILED'],
  ] as const)('refuses %s', (_name, input, code) => {
    expect(errorCode(() => priceCheck(demo, input))).toBe(code);
  });

  it('refuses a promo the caller did not find', () => {
    expect(errorCode(() => priceCheck(demo, { lines: [burger(1)], promo: { promo: undefined, code: 'X', uses: 0, at: new Date() } }))).toBe('PROMO_CODE_INVALID');
  });
});

describe('service charge for large parties', () => {
  it('adds 18 % from 8 guests, taxed at the sales tax: 8 burgers 87.60 → 15.77 + 1.38 tax', () => {
    const lines = Array.from({ length: 8 }, (_, i) => burger(i + 1));
    const check = priceCheck(demo, { lines, guests: 8, serviceCharge: largeParty });
    // 8760 × 18 % = 1576.8 → 1577; tax 1577 × 8.75 % = 137.99 → 138; food tax 8 × 55 = 440 (per line)
    expect(check.serviceCharge).toMatchObject({ amount: 1577, tax: 138, taxable: true });
    expect(check.totals).toMatchObject({ subtotal: 8760, serviceCharge: 1577, serviceChargeTax: 138, tax: 578, total: 10_915 });
    expect(check.lines.reduce((s, l) => s + l.serviceChargeShare, 0)).toBe(1577);
  });

  it('adds nothing for 7 guests, and no tax when not taxable', () => {
    const lines = [burger(1)];
    expect(priceCheck(demo, { lines, guests: 7, serviceCharge: largeParty }).serviceCharge).toBeNull();
    const untaxed = priceCheck(demo, { lines, guests: 9, serviceCharge: { ...largeParty, taxable: false } });
    expect(untaxed.totals).toMatchObject({ serviceCharge: 197, serviceChargeTax: 0, tax: 55, total: 1347 });
  });

  it('applies only to the dining options it names', () => {
    const rule = { ...largeParty, diningOptions: ['eat_in'] as const };
    expect(priceCheck(demo, { lines: [burger(1)], guests: 8, serviceCharge: rule, diningOption: 'take_out' }).serviceCharge).toBeNull();
    expect(priceCheck(demo, { lines: [burger(1)], guests: 8, serviceCharge: rule, diningOption: 'eat_in' }).serviceCharge?.amount).toBe(197);
  });

  it('is charged on the discounted check', () => {
    const check = priceCheck(demo, { lines: [burger(1, { comp: { reason: 'birthday' } }), beer(2)], guests: 8, serviceCharge: largeParty });
    expect(check.serviceCharge?.amount).toBe(117); // 650 × 18 % = 117
    expect(check.lines[0]?.serviceChargeShare).toBe(0);
  });
});

describe('inclusive menus and dining options', () => {
  const vat: Menu = {
    ...demoMenu,
    taxInclusive: true,
    taxRates: [{ id: 'tax-food' as TaxRateId, name: 'VAT', rateBps: 2000 }, { id: 'tax-standard' as TaxRateId, name: 'VAT', rateBps: 2000 }, { id: 'tax-zero' as TaxRateId, name: 'Zero', rateBps: 0 }],
    items: demoMenu.items.map((i) => ({ ...i, price: cents(1000), taxRateIdsByDiningOption: { take_out: ['tax-zero' as TaxRateId] } })),
  };
  const index = indexMenu(vat);

  it('extracts tax from the discounted gross: 10 % off 10.00 at 20 % → 9.00 with 1.50 tax', () => {
    const check = priceCheck(index, { lines: [beer(1, { discount: { name: 'Happy hour', value: { kind: 'percent', bps: 1000 } } })] });
    expect(check.totals).toMatchObject({ subtotal: 1000, discount: 100, tax: 150, total: 900 });
  });

  it('uses the take-out rate when taken out', () => {
    expect(priceCheck(index, { lines: [beer(1)], diningOption: 'take_out' }).totals).toMatchObject({ tax: 0, total: 1000, diningOption: 'take_out' });
    expect(priceCheck(index, { lines: [beer(1)], diningOption: 'eat_in' }).totals.tax).toBe(167);
  });

  it('keeps a taxable service charge inclusive too', () => {
    const check = priceCheck(index, { lines: [beer(1)], guests: 10, serviceCharge: { ...largeParty, rateBps: 1250 } });
    // 12.5 % of 1000 = 125 gross, of which 21 VAT (125 − round(104.17))
    expect(check.totals).toMatchObject({ serviceCharge: 125, serviceChargeTax: 21, tax: 188, total: 1125 });
  });
});

describe('check refusals', () => {
  it.each([
    ['a comp without a reason', { lines: [burger(1, { comp: { reason: '  ' } })] }, 'COMP_REASON_REQUIRED'],
    ['a comped line with a discount', { lines: [burger(1, { comp: { reason: 'x' }, discount: { name: 'd', value: { kind: 'percent', bps: 10 } } })] }, 'DISCOUNT_INVALID'],
    ['a discount over 100 %', { lines: [burger(1, { discount: { name: 'd', value: { kind: 'percent', bps: 10_001 } } })] }, 'DISCOUNT_INVALID'],
    ['a fractional percentage', { lines: [burger(1, { discount: { name: 'd', value: { kind: 'percent', bps: 12.5 } } })] }, 'DISCOUNT_INVALID'],
    ['a negative discount', { lines: [burger(1, { discount: { name: 'd', value: { kind: 'amount', amount: cents(-100) } } })] }, 'DISCOUNT_INVALID'],
    ['a negative order discount', { lines: [burger(1)], orderDiscounts: [{ name: 'd', value: { kind: 'amount', amount: cents(-1) } }] }, 'DISCOUNT_INVALID'],
    ['a discount of an unknown kind', { lines: [burger(1)], orderDiscounts: [{ name: 'd', value: { kind: 'free' } as never }] }, 'DISCOUNT_INVALID'],
    ['0 guests', { lines: [burger(1)], guests: 0 }, 'GUESTS_INVALID'],
    ['2.5 guests', { lines: [burger(1)], guests: 2.5 }, 'GUESTS_INVALID'],
    ['seat 0', { lines: [burger(1, { seat: 0 })] }, 'VALIDATION_FAILED'],
    ['seat 100', { lines: [burger(1, { seat: 100 })] }, 'VALIDATION_FAILED'],
    ['two lines with one id', { lines: [burger(1), beer(1)] }, 'VALIDATION_FAILED'],
    ['a service charge over 100 %', { lines: [burger(1)], guests: 9, serviceCharge: { ...largeParty, rateBps: 10_001 } }, 'VALIDATION_FAILED'],
    ['a service charge with an unknown tax rate', { lines: [burger(1)], guests: 9, serviceCharge: { ...largeParty, taxRateIds: ['tax-gone' as TaxRateId] } }, 'VALIDATION_FAILED'],
    ['an unknown item', { lines: [checkLine(1, 'nope' as typeof DEMO.burger)] }, 'ITEM_UNKNOWN'],
    ['an 86’d item', { lines: [beer(1)], unavailable: new Set([DEMO.beer]) }, 'ITEM_UNAVAILABLE'],
  ] as [string, CheckInput, string][])('refuses %s', (_name, input, code) => {
    expect(errorCode(() => priceCheck(demo, input))).toBe(code);
  });
});

describe('the channel of the sale', () => {
  it('prices a beer at its counter price when the check is sold at the counter, tax on that price', () => {
    const menu: Menu = { ...demoMenu, items: demoMenu.items.map((i) => (i.id === DEMO.beer ? { ...i, channelPrices: { counter: cents(700) } } : i)) };
    const index = indexMenu(menu);
    const counter = priceCheck(index, { lines: [beer(1)], sale: { channel: 'counter' } });
    // 7.00 at 8.75 % = 0.6125 → 0.61
    expect(counter.totals).toMatchObject({ subtotal: 700, tax: 61, total: 761 });
    expect(priceCheck(index, { lines: [beer(1)] }).totals.subtotal).toBe(650);
  });
});
