/** The wire schemas accept what the pricing engine accepts and refuse what it cannot take. */
import fc from 'fast-check';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { CheckLineRequestSchema, CheckOptionsSchema, DiscountValueSchema, PromoCodeSchema, ServiceChargeRuleSchema, TipRequestSchema } from './check-schemas';
import { checkDiscountValue } from './discounts';
import { BrigadeError } from './errors';
import { cents } from './money';
import { tipAmount } from './tips';

const line = { lineId: '0190a000-0000-7000-8000-000000000001', itemId: 'item-burger', quantity: 1, modifierOptionIds: ['opt-medium'] };

describe('check wire schemas', () => {
  it('accepts lines with a discount, a comp or a seat', () => {
    expect(Value.Check(CheckLineRequestSchema, line)).toBe(true);
    expect(Value.Check(CheckLineRequestSchema, { ...line, seat: 3, discount: { name: 'Staff', value: { kind: 'percent', bps: 1500 } } })).toBe(true);
    expect(Value.Check(CheckLineRequestSchema, { ...line, comp: { reason: 'Overcooked' } })).toBe(true);
  });

  it.each([
    ['a price', { ...line, price: 0 }],
    ['seat 0', { ...line, seat: 0 }],
    ['a comp without a reason', { ...line, comp: { reason: '' } }],
    ['a discount over 100 %', { ...line, discount: { name: 'x', value: { kind: 'percent', bps: 10_001 } } }],
    ['a negative discount', { ...line, discount: { name: 'x', value: { kind: 'amount', amount: -1 } } }],
    ['a discount of another kind', { ...line, discount: { name: 'x', value: { kind: 'free' } } }],
    ['quantity 0', { ...line, quantity: 0 }],
  ])('refuses a line with %s', (_name, value) => {
    expect(Value.Check(CheckLineRequestSchema, value)).toBe(false);
  });

  it('checks check options, tips, service charge rules and promo definitions', () => {
    expect(Value.Check(CheckOptionsSchema, { guests: 8, promoCode: 'SAVE10', orderDiscounts: [{ name: 'x', value: { kind: 'amount', amount: 100 } }] })).toBe(true);
    expect(Value.Check(CheckOptionsSchema, { guests: 0 })).toBe(false);
    expect(Value.Check(CheckOptionsSchema, { total: 1 })).toBe(false);
    expect(Value.Check(TipRequestSchema, { kind: 'percent', bps: 1800, base: 'pre_tax' })).toBe(true);
    expect(Value.Check(TipRequestSchema, { kind: 'percent', bps: 1800, base: 'gross' })).toBe(false);
    expect(Value.Check(ServiceChargeRuleSchema, { name: 'Service', minGuests: 8, rateBps: 1800, taxable: true, taxRateIds: ['tax-standard'], diningOptions: ['eat_in'] })).toBe(true);
    expect(Value.Check(ServiceChargeRuleSchema, { name: 'Service', minGuests: 0, rateBps: 1800, taxable: true, taxRateIds: [] })).toBe(false);
    expect(Value.Check(PromoCodeSchema, { code: 'SAVE10', name: '10 %', value: { kind: 'percent', bps: 1000 }, maxUses: 5, expiresAt: '2027-01-01T00:00:00Z' })).toBe(true);
    expect(Value.Check(PromoCodeSchema, { code: 'SAVE10', name: '10 %', value: { kind: 'percent', bps: 1000 }, maxUses: 0 })).toBe(false);
  });

  it('agrees with the engine on every discount and tip it is given', () => {
    const accepts = (fn: () => unknown): boolean => {
      try {
        fn();
        return true;
      } catch (error) {
        expect(error).toBeInstanceOf(BrigadeError);
        return false;
      }
    };
    const number = fc.oneof(fc.integer({ min: -20_000, max: 200_000_000 }), fc.double({ min: -10, max: 20_000, noNaN: true }));
    fc.assert(
      fc.property(fc.constantFrom('percent', 'amount'), number, (kind, n) => {
        const value = kind === 'percent' ? { kind, bps: n } : { kind, amount: n };
        expect(Value.Check(DiscountValueSchema, value)).toBe(accepts(() => checkDiscountValue(value as never)));
        const tip = kind === 'percent' ? { kind, bps: n, base: 'post_tax' } : { kind, amount: n };
        expect(Value.Check(TipRequestSchema, tip)).toBe(accepts(() => tipAmount(tip as never, cents(1000), { total: cents(1000), tax: cents(0) })));
      }),
    );
  });
});
