/** fast-check generators of whole checks: discounts, comps, seats, guests, service charge. */
import fc from 'fast-check';
import type { CheckInput, CheckLineRequest } from '../check-pricing';
import type { DiscountValue, OrderDiscount } from '../discounts';
import type { Menu } from '../menu';
import { cents } from '../money';
import type { LineRequest } from '../pricing';
import type { ServiceChargeRule } from '../service-charge';
import { type MenuShape, diningOptionArb, menuWithLinesArb } from './menu-arbitraries';

export const discountValueArb: fc.Arbitrary<DiscountValue> = fc.oneof(
  fc.integer({ min: 0, max: 10_000 }).map((bps) => ({ kind: 'percent' as const, bps })),
  fc.integer({ min: 0, max: 20_000 }).map((amount) => ({ kind: 'amount' as const, amount: cents(amount) })),
);

const lineExtrasArb = fc.record({
  adjust: fc.oneof(
    fc.constant(undefined),
    discountValueArb.map((value) => ({ discount: { name: 'Line discount', value } })),
    fc.constant({ comp: { reason: 'Comp' } }),
  ),
  seat: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
});

/** A loyalty points reward as the store writes it: a fixed amount, the points' value. */
export const loyaltyRewardArb: fc.Arbitrary<OrderDiscount> = fc.record({ points: fc.integer({ min: 1, max: 4000 }), pointValue: fc.integer({ min: 1, max: 10 }) })
  .map(({ points, pointValue }) => ({
    name: `Loyalty points (${points})`, value: { kind: 'amount' as const, amount: cents(points * pointValue) },
    loyalty: { account: '15550100000', points, redemptionId: `r-${points}-${pointValue}` },
  }));

const orderDiscountsArb: fc.Arbitrary<OrderDiscount[]> = fc.array(
  fc.oneof(discountValueArb.map((value) => ({ name: 'Order discount', value })), loyaltyRewardArb),
  { maxLength: 3 },
);

const serviceChargeArb = (menu: Menu): fc.Arbitrary<ServiceChargeRule | undefined> =>
  fc.option(
    fc.record({
      name: fc.constant('Service'),
      minGuests: fc.integer({ min: 1, max: 10 }),
      rateBps: fc.integer({ min: 0, max: 2500 }),
      taxable: fc.boolean(),
      taxRateIds: fc.subarray(menu.taxRates.map((r) => r.id), { maxLength: Math.min(2, menu.taxRates.length) }),
    }),
    { nil: undefined },
  );

export function withExtras(lines: readonly LineRequest[]): fc.Arbitrary<CheckLineRequest[]> {
  return fc.tuple(...lines.map(() => lineExtrasArb)).map((extras) =>
    lines.map((line, i) => {
      const e = extras[i];
      return { ...line, ...(e?.adjust ?? {}), ...(e?.seat !== undefined ? { seat: e.seat } : {}) };
    }),
  );
}

export function checkInputArb(menu: Menu, lines: readonly LineRequest[]): fc.Arbitrary<CheckInput> {
  return fc
    .record({
      lines: withExtras(lines),
      orderDiscounts: orderDiscountsArb,
      guests: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
      serviceCharge: serviceChargeArb(menu),
      diningOption: diningOptionArb,
    })
    .map((r) => ({
      lines: r.lines,
      orderDiscounts: r.orderDiscounts,
      ...(r.guests !== undefined ? { guests: r.guests } : {}),
      ...(r.serviceCharge ? { serviceCharge: r.serviceCharge } : {}),
      ...(r.diningOption ? { diningOption: r.diningOption } : {}),
    }));
}

export const menuWithCheckArb = (shape: MenuShape = {}, maxLines = 12): fc.Arbitrary<{ menu: Menu; input: CheckInput }> =>
  menuWithLinesArb(shape, maxLines).chain(({ menu, lines }) => checkInputArb(menu, lines).map((input) => ({ menu, input })));
