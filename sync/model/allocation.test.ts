import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateEvenly, allocateProRata } from './allocation';

describe('allocateProRata', () => {
  it.each([
    [500, [1095, 650], [314, 186]],
    [100, [1, 1, 1], [34, 33, 33]],
    [3, [500, 500, 0], [2, 1, 0]],
    [-100, [1, 1, 1], [-34, -33, -33]],
    [7, [0, 0], [4, 3]],
    [0, [5, 5], [0, 0]],
  ])('allocates %i over %j as %j', (amount, weights, expected) => {
    expect(allocateProRata(amount, weights)).toEqual(expected);
  });

  it('adds up exactly, stays within a cent of each exact share and never exceeds a weight', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 1e9 }), (weights, raw) => {
        const total = weights.reduce((s, w) => s + w, 0);
        const amount = total === 0 ? raw : raw % (total + 1);
        const parts = allocateProRata(amount, weights);
        expect(parts.reduce((s, p) => s + p, 0)).toBe(amount);
        if (total === 0) return;
        parts.forEach((p, i) => {
          const exact = (BigInt(amount) * BigInt(weights[i]!)) ;
          const scaled = BigInt(p) * BigInt(total);
          const gap = scaled > exact ? scaled - exact : exact - scaled;
          expect(gap < BigInt(total)).toBe(true);
          expect(p).toBeLessThanOrEqual(weights[i]!);
          expect(p).toBeGreaterThanOrEqual(0);
        });
      }),
    );
  });

  it('with keys, does not depend on the order of the parts', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 10_000 }), fc.integer(), (weights, amount, seed) => {
        const keys = weights.map((_, i) => `k${i}`);
        const order = weights.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 13) - ((b * 7919 + seed) % 13));
        const direct = allocateProRata(amount, weights, keys);
        const shuffled = allocateProRata(amount, order.map((i) => weights[i]!), order.map((i) => keys[i]!));
        order.forEach((i, j) => expect(shuffled[j]).toBe(direct[i]));
      }),
    );
  });

  it('refuses negative or fractional weights and mismatched keys', () => {
    expect(() => allocateProRata(10, [-1, 2])).toThrow(RangeError);
    expect(() => allocateProRata(10, [1.5])).toThrow(RangeError);
    expect(() => allocateProRata(1.5, [1])).toThrow(RangeError);
    expect(() => allocateProRata(10, [1, 2], ['a'])).toThrow(RangeError);
    expect(() => allocateProRata(10, [])).toThrow(RangeError);
    expect(allocateProRata(0, [])).toEqual([]);
  });
});

describe('allocateEvenly', () => {
  it('gives parts that differ by at most one and add up', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 100 }), (amount, n) => {
        const parts = allocateEvenly(amount, n);
        expect(parts).toHaveLength(n);
        expect(parts.reduce((s, p) => s + p, 0)).toBe(amount);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it.each([0, -1, 1.5])('refuses %s parts', (n) => {
    expect(() => allocateEvenly(100, n)).toThrow(RangeError);
  });
});
