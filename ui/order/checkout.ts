/**
 * The cart's checkout rules, pure so they are tested without a browser: who collects the
 * order, how the phone number is kept, and the body sent to the cloud. Lines carry no
 * prices: the cloud prices them again; the total shown goes along as `expectedTotal`.
 */
import { type ItemId, type LineRequest, type MenuIndex, type PricedOrder, type SaleContext, priceLine, priceOrder } from '@brigade/sync/model';
import type { PlaceOrderBody } from './online-api';

export interface PickupDetails {
  readonly name: string;
  readonly phone: string;
}

export interface PickupProblems {
  name?: string;
  phone?: string;
}

/** Digits with an optional leading +; spaces, dots, dashes and brackets are dropped. */
export function normalisePhone(phone: string): string {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/[^0-9]/g, '');
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}

export function pickupProblems(details: PickupDetails): PickupProblems {
  const problems: PickupProblems = {};
  const name = details.name.trim();
  if (name.length === 0) problems.name = 'Enter the name we call when your order is ready.';
  else if (name.length > 60) problems.name = 'Keep the name under 60 characters.';
  if (/[^0-9+\s().-]/.test(details.phone)) problems.phone = 'A phone number has digits only.';
  else {
    const digits = normalisePhone(details.phone).replace('+', '');
    if (digits.length < 7 || digits.length > 15) problems.phone = 'Enter a phone number we can text when your order is ready.';
  }
  return problems;
}

export function itemCount(lines: readonly LineRequest[]): number {
  return lines.reduce((n, l) => n + l.quantity, 0);
}

export function orderBody(orderId: string, lines: readonly LineRequest[], priced: PricedOrder, details: PickupDetails, tableToken: string | null): PlaceOrderBody {
  return {
    orderId,
    lines: lines.map((l) => ({ ...l, modifierOptionIds: [...l.modifierOptionIds] })),
    customerName: details.name.trim(),
    note: `Phone ${normalisePhone(details.phone)}`,
    // A table order is eaten in (and taxed so); a pickup order is taken out.
    diningOption: tableToken ? 'eat_in' : 'take_out',
    ...(tableToken ? { tableToken } : {}),
    expectedTotal: priced.totals.total,
  };
}

export interface PricedCart {
  /** The lines that can still be ordered. */
  readonly lines: LineRequest[];
  readonly priced: PricedOrder | null;
  /** Names of what the store no longer sells (removed from the menu, 86'd, a choice gone). */
  readonly removed: string[];
}

/**
 * Prices the cart against the store's current menu. A line the menu no longer allows is
 * taken out and named, instead of the page failing: the menu can change between the
 * customer adding an item and paying (the cloud refreshes it after a PRICE_MISMATCH).
 */
export function priceCart(index: MenuIndex, lines: readonly LineRequest[], unavailable: ReadonlySet<ItemId>, sale?: SaleContext): PricedCart {
  const kept: LineRequest[] = [];
  const removed: string[] = [];
  for (const line of lines) {
    try {
      priceLine(index, line, unavailable, undefined, sale);
      kept.push(line);
    } catch {
      removed.push(index.items.get(line.itemId)?.name ?? 'An item');
    }
  }
  return { lines: kept, priced: kept.length > 0 ? priceOrder(index, kept, unavailable, undefined, sale) : null, removed };
}
