import type { Brand } from './ids';

/**
 * Money is an integer count of the currency's minor units (cents, pence). Never a float.
 * All arithmetic here stays in integers; division rounds explicitly (see `divRound`).
 */
export type Cents = Brand<number, 'Cents'>;

export type CurrencyCode = string;

export interface Money {
  readonly amount: Cents;
  readonly currency: CurrencyCode;
}

export function cents(value: number): Cents {
  if (!Number.isSafeInteger(value)) throw new RangeError(`money must be an integer of minor units, got ${value}`);
  return value as Cents;
}

export const ZERO = 0 as Cents;

export function addCents(...values: readonly Cents[]): Cents {
  let total = 0;
  for (const v of values) total += v;
  return cents(total);
}

export function sumCents(values: Iterable<Cents>): Cents {
  let total = 0;
  for (const v of values) total += v;
  return cents(total);
}

export function mulCents(value: Cents, factor: number): Cents {
  if (!Number.isSafeInteger(factor)) throw new RangeError(`factor must be an integer, got ${factor}`);
  return cents(value * factor + 0);
}

/**
 * Integer division rounded half away from zero ("commercial rounding"), the rule most
 * tax authorities use for per-line tax (e.g. HMRC VAT Notice 700 §17.5, EU VAT practice).
 */
export function divRound(numerator: number, denominator: number): number {
  if (denominator <= 0 || !Number.isSafeInteger(denominator)) throw new RangeError('denominator must be a positive integer');
  const sign = numerator < 0 ? -1 : 1;
  const n = Math.abs(numerator);
  const q = Math.floor(n / denominator);
  const r = n - q * denominator;
  // `+ 0` turns −0 into 0: a negative fraction that rounds to zero must not print as "-$0.00".
  return sign * (r * 2 >= denominator ? q + 1 : q) + 0;
}

/** Rounds a cash amount to the nearest `increment` (e.g. 5 for 0.05), half away from zero. */
export function roundToIncrement(value: Cents, increment: number): Cents {
  if (increment <= 1) return value;
  return cents(divRound(value, increment) * increment);
}

/** Formats money for people, with Intl; the one place amounts become text. */
export function formatMoney(amount: Cents, currency: CurrencyCode, locale?: string): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount / 10 ** digits);
}

export function currencyDigits(currency: CurrencyCode): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}
