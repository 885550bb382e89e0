import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRedemption, isValidCardNumber, maskCardNumber, normaliseLoyaltyAccount, pointsEarned, withCheckDigit } from './gift-cards';

describe('gift card numbers', () => {
  it('accepts a published Luhn example and refuses it with one digit changed', () => {
    // 4539 1488 0343 6467 is a standard Luhn-valid test number.
    expect(isValidCardNumber('4539148803436467')).toBe(true);
    expect(isValidCardNumber('4539148803436468')).toBe(false);
  });

  it('catches every single-digit typo', () => {
    fc.assert(fc.property(fc.stringMatching(/^[0-9]{11,18}$/), fc.nat(), fc.integer({ min: 1, max: 9 }), (body, at, shift) => {
      const card = withCheckDigit(body);
      expect(isValidCardNumber(card)).toBe(true);
      const i = at % card.length;
      const typo = `${card.slice(0, i)}${(Number(card[i]) + shift) % 10}${card.slice(i + 1)}`;
      expect(isValidCardNumber(typo)).toBe(false);
    }));
  });

  it('refuses letters and wrong lengths, and shows only the last four digits', () => {
    expect(isValidCardNumber('12345678901a')).toBe(false);
    expect(isValidCardNumber('0000000')).toBe(false);
    expect(maskCardNumber('6271000000000019')).toBe('•••• 0019');
  });
});

describe('loyalty accounts', () => {
  it('keeps the digits of a phone number however it is typed', () => {
    expect(normaliseLoyaltyAccount('+1 (555) 010-0000')).toBe('15550100000');
    expect(normaliseLoyaltyAccount('555.010.0000')).toBe('5550100000');
    expect(normaliseLoyaltyAccount('12-3-45')).toBeNull();
    expect(normaliseLoyaltyAccount('call me maybe')).toBeNull();
  });

  it('earns whole points per whole currency unit', () => {
    expect(pointsEarned(1999, { pointsPerUnit: 1 })).toBe(19);
    expect(pointsEarned(1999, { pointsPerUnit: 3 })).toBe(57);
    expect(pointsEarned(-500, { pointsPerUnit: 1 })).toBe(0);
  });
});

describe('redemption within the offline caps', () => {
  const state = { balance: 5000, unconfirmedAccount: 0, unconfirmedStore: 0, accountCap: 3000, storeCap: 10_000 };

  it('allows what the balance and both caps cover, and says the most that would be', () => {
    expect(checkRedemption(3000, state)).toBeNull();
    expect(checkRedemption(3001, state)).toEqual({ reason: 'account-cap', available: 3000 });
    expect(checkRedemption(2000, { ...state, unconfirmedStore: 9000 })).toEqual({ reason: 'store-cap', available: 1000 });
    expect(checkRedemption(600, { ...state, balance: 500 })).toEqual({ reason: 'insufficient', available: 500 });
  });

  it('never allows more than the balance or what is left of either cap', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: -5000, max: 20_000 }), fc.nat(10_000), fc.nat(20_000), fc.nat(10_000), fc.nat(20_000),
      (amount, balance, unconfirmedAccount, unconfirmedStore, accountCap, storeCap) => {
        const refusal = checkRedemption(amount, { balance, unconfirmedAccount, unconfirmedStore, accountCap, storeCap });
        const limit = Math.max(0, Math.min(balance, accountCap - unconfirmedAccount, storeCap - unconfirmedStore));
        expect(refusal === null).toBe(amount <= limit);
        if (refusal) expect(refusal.available).toBe(limit);
      },
    ));
  });
});
