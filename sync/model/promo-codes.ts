/**
 * Promo codes: a pure validator. The caller finds the code's definition (menu or cloud
 * settings) and counts how many times it has been used; this decides whether it applies
 * now and turns it into an order discount. Codes compare trimmed and case-insensitively.
 * The minimum spend is checked against the order after line discounts and comps, before
 * order discounts (what the customer is really buying).
 */
import type { DiscountValue, OrderDiscount } from './discounts';
import { checkDiscountValue } from './discounts';
import { BrigadeError } from './errors';
import type { Cents } from './money';

export interface PromoCode {
  readonly code: string;
  readonly name: string;
  readonly value: DiscountValue;
  readonly minSpend?: Cents;
  /** ISO 8601; the code works from this instant. */
  readonly startsAt?: string;
  /** ISO 8601; the code stops working at this instant. */
  readonly expiresAt?: string;
  /** How many orders may use it in all; uses are counted by the caller. */
  readonly maxUses?: number;
}

export interface PromoAttempt {
  /** What the customer typed. */
  readonly code: string;
  /** Order amount after line discounts and comps. */
  readonly subtotal: Cents;
  /** Orders that already used the code. */
  readonly uses: number;
  readonly at: Date | string;
}

export function normalisePromoCode(code: string): string {
  return code.trim().toUpperCase();
}

export function findPromoCode(promos: readonly PromoCode[], code: string): PromoCode | undefined {
  const wanted = normalisePromoCode(code);
  return promos.find((p) => normalisePromoCode(p.code) === wanted);
}

/** The order discount `promo` gives for `attempt`, or a BrigadeError saying why not. */
export function validatePromoCode(promo: PromoCode | undefined, attempt: PromoAttempt): OrderDiscount {
  const typed = normalisePromoCode(attempt.code);
  if (!promo || typed === '' || normalisePromoCode(promo.code) !== typed) throw new BrigadeError('PROMO_CODE_INVALID', undefined, { code: typed });
  checkDiscountValue(promo.value);
  const now = instant(attempt.at, 'at');
  if (promo.startsAt !== undefined && now < instant(promo.startsAt, 'startsAt')) throw new BrigadeError('PROMO_CODE_NOT_STARTED', undefined, { code: typed });
  if (promo.expiresAt !== undefined && now >= instant(promo.expiresAt, 'expiresAt')) throw new BrigadeError('PROMO_CODE_EXPIRED', undefined, { code: typed });
  if (!Number.isInteger(attempt.uses) || attempt.uses < 0) throw new BrigadeError('VALIDATION_FAILED', 'Promo uses must be a count.');
  if (promo.maxUses !== undefined && attempt.uses >= promo.maxUses) throw new BrigadeError('PROMO_CODE_USED_UP', undefined, { code: typed });
  if (promo.minSpend !== undefined && attempt.subtotal < promo.minSpend) {
    throw new BrigadeError('PROMO_MIN_SPEND', undefined, { code: typed, minSpend: promo.minSpend });
  }
  return { name: promo.name, value: promo.value, promoCode: typed };
}

function instant(value: Date | string, field: string): number {
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(time)) throw new BrigadeError('VALIDATION_FAILED', `${field} is not a date.`);
  return time;
}
