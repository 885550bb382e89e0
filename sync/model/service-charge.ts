/**
 * The automatic service charge for large parties (e.g. 18 % from 8 guests).
 *
 * Rules:
 * 1. It applies when the party has at least `minGuests` guests and, if `diningOptions` is
 *    set, the check's dining option is one of them.
 * 2. Base: the check after all discounts and comps (shelf amounts: net where tax is added,
 *    gross where it is included). Amount: round(base × bps / 10 000), half away from zero,
 *    once per check.
 * 3. Tax: a mandatory service charge is part of the price and is taxed where the rule says
 *    so (`taxable`, with its own rates) — e.g. California (18 CCR §1603, "tips, gratuities
 *    and service charges") and HMRC's VAT guidance on service charges tax compulsory
 *    charges, not voluntary tips. Its tax is computed once on the charge, like one line,
 *    inclusive or exclusive as the menu is.
 * 4. For split checks the charge and its tax are allocated to the lines pro rata to their
 *    discounted amounts by largest remainder (check-pricing.ts).
 */
import { BrigadeError } from './errors';
import type { TaxRateId } from './ids';
import { type Cents, cents, divRound } from './money';
import type { DiningOption } from './order';

export const MAX_GUESTS = 999;

export interface ServiceChargeRule {
  readonly name: string;
  readonly minGuests: number;
  readonly rateBps: number;
  readonly taxable: boolean;
  /** Rates applied to the charge when taxable. */
  readonly taxRateIds: readonly TaxRateId[];
  /** Dining options it applies to; all when left out. */
  readonly diningOptions?: readonly DiningOption[];
}

export function checkGuests(guests: number): void {
  if (!Number.isInteger(guests) || guests < 1 || guests > MAX_GUESTS) {
    throw new BrigadeError('GUESTS_INVALID', `Guests must be a whole number from 1 to ${MAX_GUESTS}.`);
  }
}

export function checkServiceChargeRule(rule: ServiceChargeRule): void {
  if (!Number.isInteger(rule.rateBps) || rule.rateBps < 0 || rule.rateBps > 10_000 || !Number.isInteger(rule.minGuests) || rule.minGuests < 1) {
    throw new BrigadeError('VALIDATION_FAILED', 'The service charge rule is not valid.');
  }
}

export function serviceChargeApplies(rule: ServiceChargeRule, guests: number | undefined, diningOption: DiningOption | undefined): boolean {
  checkServiceChargeRule(rule);
  if (guests === undefined || guests < rule.minGuests) return false;
  if (rule.diningOptions && (diningOption === undefined || !rule.diningOptions.includes(diningOption))) return false;
  return true;
}

/** The charge on `base` (the discounted check), before tax. */
export function serviceChargeAmount(rule: ServiceChargeRule, base: Cents): Cents {
  return cents(Math.max(0, divRound(base * rule.rateBps, 10_000)));
}
