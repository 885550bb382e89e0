import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cents } from './money';
import { type PromoCode, findPromoCode, normalisePromoCode, validatePromoCode } from './promo-codes';
import { errorCode } from './testing/check-fixtures';

const fiveOff: PromoCode = { code: 'WELCOME5', name: '5.00 off', value: { kind: 'amount', amount: cents(500) }, minSpend: cents(1500), maxUses: 3, expiresAt: '2027-01-01T00:00:00Z' };
const attempt = { code: 'welcome5', subtotal: cents(1500), uses: 2, at: new Date('2026-12-31T23:59:59Z') };

describe('promo codes', () => {
  it('accepts a code at the edges: minimum spend met exactly, last use, last second', () => {
    expect(validatePromoCode(fiveOff, attempt)).toEqual({ name: '5.00 off', value: { kind: 'amount', amount: 500 }, promoCode: 'WELCOME5' });
  });

  it.each([
    ['one cent under the minimum', { subtotal: cents(1499) }, 'PROMO_MIN_SPEND'],
    ['the use after the last', { uses: 3 }, 'PROMO_CODE_USED_UP'],
    ['the expiry instant', { at: '2027-01-01T00:00:00Z' }, 'PROMO_CODE_EXPIRED'],
    ['another code', { code: 'WELCOME50' }, 'PROMO_CODE_INVALID'],
    ['a negative use count', { uses: -1 }, 'VALIDATION_FAILED'],
    ['an invalid date', { at: new Date('nope') }, 'VALIDATION_FAILED'],
  ] as const)('refuses %s', (_name, change, code) => {
    expect(errorCode(() => validatePromoCode(fiveOff, { ...attempt, ...change }))).toBe(code);
  });

  it('refuses a definition with an invalid discount', () => {
    expect(errorCode(() => validatePromoCode({ ...fiveOff, value: { kind: 'percent', bps: 20_000 } }, attempt))).toBe('DISCOUNT_INVALID');
  });

  it('finds codes trimmed and case-insensitively, and only those', () => {
    const promos = [fiveOff, { ...fiveOff, code: 'Summer10', name: 'Summer' }];
    expect(findPromoCode(promos, '  summer10 ')?.name).toBe('Summer');
    expect(findPromoCode(promos, 'SUMMER1')).toBeUndefined();
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), (code) => {
        expect(normalisePromoCode(` ${code.toLowerCase()} `)).toBe(normalisePromoCode(code.toUpperCase()));
      }),
    );
  });
});
