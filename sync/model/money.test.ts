import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCents, cents, divRound, formatMoney, mulCents, roundToIncrement, sumCents } from './money';

describe('divRound', () => {
  it.each([
    [5, 2, 3],
    [-5, 2, -3],
    [4, 2, 2],
    [1, 3, 0],
    [2, 3, 1],
    [1, 2, 1],
    [-1, 2, -1],
    [-1, 3, 0],
    [109_500 * 500, 10_000, 5475],
    [5475, 100, 55],
    [-5475, 100, -55],
    [0, 7, 0],
  ])('divRound(%i, %i) = %i', (n, d, expected) => {
    expect(divRound(n, d)).toBe(expected);
  });

  it('is the nearest integer to n/d, with halves away from zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
        const r = divRound(n, d);
        expect(Number.isInteger(r)).toBe(true);
        const gap = Math.abs(n - r * d) * 2; // twice the distance to the exact quotient, in units of 1/d
        expect(gap).toBeLessThanOrEqual(d);
        if (gap === d) expect(Math.abs(r * d)).toBeGreaterThan(Math.abs(n));
      }),
    );
  });

  it('is odd-symmetric: divRound(−n, d) = −divRound(n, d)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
        expect(divRound(-n, d)).toBe(-divRound(n, d) + 0);
      }),
    );
  });

  it('is exact on multiples and monotonic in the numerator', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 1, max: 1e4 }), fc.integer({ min: -1e6, max: 1e6 }), (q, d, n) => {
        expect(divRound(q * d, d)).toBe(q);
        expect(divRound(n + 1, d)).toBeGreaterThanOrEqual(divRound(n, d));
      }),
    );
  });

  it('never returns −0, which would print as "-$0.00"', () => {
    expect(Object.is(divRound(-1, 3), 0)).toBe(true);
    expect(Object.is(mulCents(cents(0), -3), 0)).toBe(true);
    expect(formatMoney(cents(divRound(-1, 3)), 'USD', 'en-US')).toBe('$0.00');
    expect(formatMoney(cents(-1050), 'USD', 'en-US')).toBe('-$10.50');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses the denominator %s', (d) => {
    expect(() => divRound(10, d)).toThrow(RangeError);
  });
});

describe('roundToIncrement', () => {
  it.each([
    [1097, 5, 1095],
    [1098, 5, 1100],
    [1093, 5, 1095],
    [1092, 5, 1090],
    [1095, 5, 1095],
    [1095, 10, 1100],
    [1094, 10, 1090],
    [-1097, 5, -1095],
    [-1098, 5, -1100],
    [1097, 1, 1097],
    [1097, 0, 1097],
    [149, 100, 100],
    [150, 100, 200],
  ])('roundToIncrement(%i, %i) = %i', (value, increment, expected) => {
    expect(roundToIncrement(cents(value), increment)).toBe(expected);
  });

  it('lands on the nearest multiple of the increment', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e8, max: 1e8 }), fc.integer({ min: 2, max: 1000 }), (value, increment) => {
        const r = roundToIncrement(cents(value), increment);
        expect(r % increment === 0).toBe(true);
        expect(Math.abs(r - value) * 2).toBeLessThanOrEqual(increment);
      }),
    );
  });
});

describe('cents', () => {
  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('refuses %s', (v) => {
    expect(() => cents(v)).toThrow(RangeError);
  });

  it('adds, sums and multiplies in integers', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }), { maxLength: 20 }), fc.integer({ min: -1000, max: 1000 }), (values, factor) => {
        const expected = values.reduce((a, b) => a + b, 0);
        expect(addCents(...values.map(cents))).toBe(expected);
        expect(sumCents(values.map(cents))).toBe(expected);
        expect(mulCents(cents(values[0] ?? 0), factor)).toBe((values[0] ?? 0) * factor + 0);
      }),
    );
    expect(() => mulCents(cents(100), 0.5)).toThrow(RangeError);
  });
});
