/**
 * Splitting an amount of money into parts that add up to it exactly, to the cent.
 *
 * Pro-rata splits use the largest-remainder (Hamilton) method: every part gets the floor of
 * its exact share, and the cents left over go one each to the parts with the largest
 * remainders. Each part is therefore within one cent of its exact share, never negative for
 * a non-negative amount, and never larger than its weight when the amount does not exceed
 * the sum of the weights (so a discount allocated across lines never exceeds a line).
 * Ties go to the smaller key (or the earlier index without keys), so the result does not
 * depend on the order in which the parts are listed when keys are given.
 * Source: the Hamilton apportionment method, as used for allocating order-level discounts
 * in e.g. Odoo's and Shopify's discount allocation ("allocations add up to the discount").
 */

/** Splits `amount` in proportion to `weights` (non-negative integers), exactly. */
export function allocateProRata(amount: number, weights: readonly number[], keys?: readonly string[]): number[] {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amount must be an integer, got ${amount}`);
  if (keys && keys.length !== weights.length) throw new RangeError('keys and weights differ in length');
  if (weights.length === 0) {
    if (amount !== 0) throw new RangeError('cannot allocate a non-zero amount to no parts');
    return [];
  }
  for (const w of weights) if (!Number.isSafeInteger(w) || w < 0) throw new RangeError(`weights must be non-negative integers, got ${w}`);
  const totalWeight = weights.reduce((sum, w) => sum + w, 0);
  if (totalWeight === 0) return allocateEvenly(amount, weights.length);
  const sign = amount < 0 ? -1 : 1;
  const magnitude = Math.abs(amount);
  const { floors, remainders } = Number.isSafeInteger(magnitude * totalWeight) ? shares(magnitude, weights, totalWeight) : bigShares(magnitude, weights, totalWeight);
  let left = magnitude - floors.reduce((sum, f) => sum + f, 0);
  const order = weights.map((_, i) => i).sort((a, b) => {
    const ra = remainders[a] ?? 0;
    const rb = remainders[b] ?? 0;
    if (ra !== rb) return ra > rb ? -1 : 1;
    return compareKeys(keys, a, b);
  });
  for (const i of order) {
    if (left === 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left -= 1;
  }
  return floors.map((f) => sign * f + 0);
}

/**
 * Splits `amount` into `parts` parts that differ by at most one cent: the first
 * `amount mod parts` parts carry the extra cent (a check split three ways: 3.34, 3.33, 3.33).
 */
export function allocateEvenly(amount: number, parts: number): number[] {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amount must be an integer, got ${amount}`);
  if (!Number.isSafeInteger(parts) || parts < 1) throw new RangeError(`parts must be a positive integer, got ${parts}`);
  const sign = amount < 0 ? -1 : 1;
  const magnitude = Math.abs(amount);
  const base = Math.floor(magnitude / parts);
  const extra = magnitude - base * parts;
  return Array.from({ length: parts }, (_, i) => sign * (base + (i < extra ? 1 : 0)) + 0);
}

interface Shares {
  readonly floors: number[];
  /** Remainders compared only with each other; numbers or BigInts, never mixed. */
  readonly remainders: number[] | bigint[];
}

function shares(magnitude: number, weights: readonly number[], totalWeight: number): Shares {
  const floors: number[] = [];
  const remainders: number[] = [];
  for (const w of weights) {
    const product = magnitude * w;
    const floor = Math.floor(product / totalWeight);
    floors.push(floor);
    remainders.push(product - floor * totalWeight);
  }
  return { floors, remainders };
}

// BigInt only when amount × weight can pass 2^53 (very large checks): it is much slower.
function bigShares(magnitude: number, weights: readonly number[], totalWeight: number): Shares {
  const floors: number[] = [];
  const remainders: bigint[] = [];
  const big = BigInt(totalWeight);
  for (const w of weights) {
    const product = BigInt(magnitude) * BigInt(w);
    floors.push(Number(product / big));
    remainders.push(product % big);
  }
  return { floors, remainders };
}

function compareKeys(keys: readonly string[] | undefined, a: number, b: number): number {
  if (keys) {
    const ka = keys[a] ?? '';
    const kb = keys[b] ?? '';
    if (ka !== kb) return ka < kb ? -1 : 1;
  }
  return a - b;
}
