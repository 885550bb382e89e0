/** Properties of `priceCheck` over random menus and checks with discounts, comps and charges. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CheckInput, type CheckLine, priceCheck } from './check-pricing';
import { loyaltyDiscountLimit, redeemablePoints } from './loyalty-discount';
import { type Menu, indexMenu } from './menu';
import { cents } from './money';
import { priceOrder } from './pricing';
import { loyaltyRewardArb, menuWithCheckArb } from './testing/check-arbitraries';
import { diningOptionArb, menuWithLinesArb, permutationArb } from './testing/menu-arbitraries';

const lineKey = (l: CheckLine) => l.lineId;

describe('priceCheck properties', () => {
  it('without discounts or charges gives exactly what priceOrder gives', () => {
    fc.assert(
      fc.property(menuWithLinesArb(), diningOptionArb, ({ menu, lines }, diningOption) => {
        const index = indexMenu(menu);
        const order = priceOrder(index, lines, new Set(), diningOption);
        const check = priceCheck(index, { lines, ...(diningOption ? { diningOption } : {}) });
        expect(check.totals).toMatchObject(order.totals);
        check.lines.forEach((l, i) => expect(l).toMatchObject(order.lines[i]!));
        expect(check.totals.discount + check.totals.serviceCharge).toBe(0);
      }),
    );
  });

  it('never makes a line, a discount or the check negative, and never discounts more than the price', () => {
    fc.assert(
      fc.property(menuWithCheckArb(), ({ menu, input }) => {
        const check = priceCheck(indexMenu(menu), input);
        for (const l of check.lines) {
          for (const v of [l.lineDiscount, l.orderDiscount, l.discountedAmount, l.tax, l.lineTotal, l.serviceChargeShare]) expect(v).toBeGreaterThanOrEqual(0);
          expect(l.lineDiscount + l.orderDiscount).toBeLessThanOrEqual(l.lineAmount);
          expect(l.discountedAmount).toBe(l.lineAmount - l.lineDiscount - l.orderDiscount);
          for (const t of [...l.taxes, ...l.serviceChargeTaxes]) expect(t.amount).toBeGreaterThanOrEqual(0);
          if (l.comp) expect(l.discountedAmount).toBe(0);
        }
        const t = check.totals;
        for (const v of [t.subtotal, t.discount, t.discountedSubtotal, t.serviceCharge, t.tax, t.total]) expect(v).toBeGreaterThanOrEqual(0);
        expect(t.discount).toBeLessThanOrEqual(t.subtotal);
      }),
    );
  });

  it('adds everything up: the check is the sum of its lines, the discounts and the charge to the cent', () => {
    fc.assert(
      fc.property(menuWithCheckArb(), ({ menu, input }) => {
        const check = priceCheck(indexMenu(menu), input);
        const sum = (f: (l: CheckLine) => number) => check.lines.reduce((s, l) => s + f(l), 0);
        const t = check.totals;
        expect(t.orderDiscounts).toBe(check.orderDiscounts.reduce((s, d) => s + d.amount, 0));
        expect(t.serviceCharge).toBe(check.serviceCharge?.amount ?? 0);
        expect(t.serviceChargeTax).toBe(check.serviceCharge?.tax ?? 0);
        expect(t.tax).toBe(sum((l) => l.tax) + t.serviceChargeTax);
        expect(t.tax).toBe(t.taxes.reduce((s, x) => s + x.amount, 0));
        const lineTotals = sum((l) => l.lineTotal);
        expect(t.total).toBe(lineTotals + t.serviceCharge + (menu.taxInclusive ? 0 : t.serviceChargeTax));
        expect(t.total).toBe(t.subtotal - t.discount + t.serviceCharge + (menu.taxInclusive ? 0 : t.tax));
      }),
    );
  });

  it('allocates each order discount within one cent of the line’s pro-rata share', () => {
    fc.assert(
      fc.property(menuWithCheckArb(), ({ menu, input }) => {
        const single = { ...input, orderDiscounts: (input.orderDiscounts ?? []).slice(0, 1) };
        const check = priceCheck(indexMenu(menu), single);
        const amount = check.orderDiscounts[0]?.amount ?? 0;
        const base = check.lines.reduce((s, l) => s + l.lineAmount - l.lineDiscount, 0);
        for (const l of check.lines) {
          const weight = l.lineAmount - l.lineDiscount;
          if (base > 0) expect(Math.abs(l.orderDiscount * base - amount * weight)).toBeLessThan(base);
        }
      }),
    );
  });

  it('does not depend on the order of the lines', () => {
    fc.assert(
      fc.property(
        menuWithCheckArb().chain(({ menu, input }) => permutationArb(input.lines).map((shuffled) => ({ menu, input, shuffled }))),
        ({ menu, input, shuffled }) => {
          const index = indexMenu(menu);
          const a = priceCheck(index, input);
          const b = priceCheck(index, { ...input, lines: shuffled });
          expect(b.totals).toEqual(a.totals);
          expect(b.orderDiscounts).toEqual(a.orderDiscounts);
          expect(b.serviceCharge).toEqual(a.serviceCharge);
          const byId = new Map(a.lines.map((l) => [lineKey(l), l]));
          for (const l of b.lines) expect(l).toEqual(byId.get(lineKey(l)));
        },
      ),
    );
  });

  it('inclusive: each discounted line’s net + tax is its discounted gross, net the nearest cent', () => {
    fc.assert(
      fc.property(menuWithCheckArb({ taxInclusive: true }), ({ menu, input }) => {
        const check = priceCheck(indexMenu(menu), input);
        for (const l of check.lines) {
          const bps = l.taxes.reduce((s, t) => s + (menu.taxRates.find((r) => r.id === t.taxRateId)?.rateBps ?? 0), 0);
          const net = l.discountedAmount - l.tax;
          expect(l.lineTotal).toBe(l.discountedAmount);
          expect(Math.abs(net * (10_000 + bps) - l.discountedAmount * 10_000) * 2).toBeLessThanOrEqual(10_000 + bps);
        }
      }),
    );
  });

  it('inclusive and exclusive agree after discounts: the discounted nets priced with tax added give the same tax within k/2 + (1 + R)/2 per line', () => {
    fc.assert(
      fc.property(menuWithCheckArb({ taxInclusive: true }), ({ menu, input }) => {
        const inclusive = priceCheck(indexMenu(menu), input);
        for (const l of inclusive.lines) {
          const item = menu.items.find((i) => i.id === l.itemId)!;
          const net = cents(l.discountedAmount - l.tax);
          const exclusiveMenu: Menu = { ...menu, taxInclusive: false, modifierGroups: [], items: [{ ...item, price: net, modifierGroupIds: [], soldByWeight: false }] };
          const request = { lineId: l.lineId, itemId: item.id, quantity: 1, modifierOptionIds: [] };
          const exclusive = priceCheck(indexMenu(exclusiveMenu), { lines: [request], ...(input.diningOption ? { diningOption: input.diningOption } : {}) });
          const totalBps = l.taxes.reduce((s, t) => s + (menu.taxRates.find((r) => r.id === t.taxRateId)?.rateBps ?? 0), 0);
          expect(Math.abs(exclusive.totals.tax - l.tax) * 20_000).toBeLessThanOrEqual(l.taxes.length * 10_000 + 10_000 + totalBps);
          expect(exclusive.totals.subtotal).toBe(net);
        }
      }),
    );
  });

  it('changes only taxes with the dining option, never amounts or discounts', () => {
    fc.assert(
      fc.property(menuWithCheckArb(), diningOptionArb, ({ menu, input }, other) => {
        const index = indexMenu(menu);
        const { diningOption: _ignored, ...rest } = input;
        const a = priceCheck(index, { ...rest, serviceCharge: undefined });
        const b = priceCheck(index, { ...rest, serviceCharge: undefined, ...(other ? { diningOption: other } : {}) });
        expect(b.lines.map((l) => [l.lineAmount, l.lineDiscount, l.orderDiscount, l.discountedAmount])).toEqual(a.lines.map((l) => [l.lineAmount, l.lineDiscount, l.orderDiscount, l.discountedAmount]));
        expect(b.totals.discountedSubtotal).toBe(a.totals.discountedSubtotal);
      }),
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(menuWithCheckArb(), ({ menu, input }) => {
        expect(priceCheck(indexMenu(structuredClone(menu)), structuredClone(input))).toEqual(priceCheck(indexMenu(menu), input));
      }),
    );
  });
});

describe('loyalty points rewards', () => {
  const withoutRewards = (input: CheckInput): CheckInput => ({ ...input, orderDiscounts: (input.orderDiscounts ?? []).filter((d) => !d.loyalty) });

  it('come off after the other discounts wherever they stand in the list', () => {
    fc.assert(
      fc.property(menuWithCheckArb(), ({ menu, input }) => {
        const index = indexMenu(menu);
        const given = input.orderDiscounts ?? [];
        const rewardsFirst = [...given.filter((d) => d.loyalty), ...given.filter((d) => !d.loyalty)];
        expect(priceCheck(index, { ...input, orderDiscounts: rewardsFirst }).totals).toEqual(priceCheck(index, input).totals);
      }),
    );
  });

  it('lower the taxable amount: the total falls by at least the reward (capped at what is left), tax never rises', () => {
    fc.assert(
      fc.property(menuWithCheckArb({ taxInclusive: false }), loyaltyRewardArb, ({ menu, input }, reward) => {
        const index = indexMenu(menu);
        const base = withoutRewards(input);
        const before = priceCheck(index, base);
        const after = priceCheck(index, { ...base, orderDiscounts: [...(base.orderDiscounts ?? []), reward] });
        const taken = Math.min(reward.value.kind === 'amount' ? reward.value.amount : 0, before.totals.discountedSubtotal);
        const applied = after.orderDiscounts.find((d) => d.kind === 'loyalty');
        expect(applied?.amount).toBe(taken);
        expect(applied?.points).toBe(reward.loyalty?.points);
        expect(after.totals.tax).toBeLessThanOrEqual(before.totals.tax);
        expect(before.totals.total - after.totals.total).toBeGreaterThanOrEqual(taken);
        expect(after.totals.total).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('never go over the limit the screens and the store share', () => {
    fc.assert(
      fc.property(menuWithCheckArb(), fc.integer({ min: 0, max: 50_000 }), ({ menu, input }, paid) => {
        const totals = priceCheck(indexMenu(menu), withoutRewards(input)).totals;
        const limit = loyaltyDiscountLimit(totals, Math.min(paid, totals.total));
        expect(limit).toBeGreaterThanOrEqual(0);
        expect(limit).toBeLessThanOrEqual(totals.discountedSubtotal);
        expect(limit).toBeLessThanOrEqual(Math.max(0, totals.total - Math.min(paid, totals.total)));
        expect(redeemablePoints(1_000_000, 7, limit) * 7).toBeLessThanOrEqual(limit);
      }),
    );
  });
});
