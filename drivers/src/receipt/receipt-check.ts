/**
 * What a receipt shows of a priced check beyond an order's own figures: the discount or comp
 * of each line, the order discounts and promo code, the service charge and which part of a
 * split check this is. The edge fills it from the check the store priced; the renderer never
 * prices anything itself, so the paper and the screen agree to the cent.
 */
import type { Cents, Order, OrderTotals, Payment, PricedCheck } from '@brigade/sync/model';

export interface ReceiptLineAdjustment {
  /** A line discount ("Happy hour") and what it took off the line. */
  readonly discount?: { readonly name: string; readonly amount: Cents };
  /** An item on the house, with the reason the manager gave. */
  readonly comp?: { readonly reason: string; readonly amount: Cents };
}

export interface ReceiptOrderDiscount {
  readonly name: string;
  readonly amount: Cents;
  readonly promoCode?: string;
}

export interface ReceiptServiceCharge {
  readonly name: string;
  readonly rateBps: number;
  readonly amount: Cents;
  /** The party size that made the charge apply, when it applies to large parties. */
  readonly guests: number | null;
}

export interface ReceiptCheck {
  /** By line id; lines without a discount or comp are absent. */
  readonly lines?: Readonly<Record<string, ReceiptLineAdjustment>>;
  /** Left out: the order's totals give one "Discounts" line for them. */
  readonly orderDiscounts?: readonly ReceiptOrderDiscount[];
  /** Null: there is none. Left out: the order's totals give the amount. */
  readonly serviceCharge?: ReceiptServiceCharge | null;
  /** A child of a split check: its position ("2 of 3" or "Seat 2") and the table. */
  readonly split?: { readonly label: string; readonly tableLabel: string | null } | null;
}

/** The aggregate discount figures a check's totals carry (`CheckTotals`), when the order has them. */
interface CheckTotalsLike extends OrderTotals {
  readonly discount: Cents;
  readonly orderDiscounts: Cents;
  readonly serviceCharge: Cents;
}

export function checkTotalsOf(totals: OrderTotals): CheckTotalsLike | null {
  const t = totals as Partial<CheckTotalsLike>;
  return typeof t.discount === 'number' && typeof t.serviceCharge === 'number' ? (totals as CheckTotalsLike) : null;
}

/**
 * What a cash payment's rounding changed: the customer paid (tendered − change − tip) for a
 * balance of `amount`; negative when the balance was rounded down. Zero for exact tenders.
 */
export function cashRoundingOf(p: Payment): number {
  if (p.tender !== 'cash' || p.tendered === null || p.change === null) return 0;
  return p.tendered - p.change - p.tip - p.amount;
}

export function tipsOf(order: Order): number {
  return order.payments.reduce((sum, p) => sum + p.tip, 0);
}

/** "Check 2 of 3 — table 4", "Check Seat 2". */
export function splitHeading(split: NonNullable<ReceiptCheck['split']>): string {
  return `Check ${split.label}${split.tableLabel ? ` — table ${split.tableLabel}` : ''}`;
}

/**
 * A receipt's check details from the check as the store priced it (`priceCheck`), so the
 * renderer only lays out figures it was given.
 */
export function receiptCheckOf(priced: PricedCheck, context: { guests?: number | null; split?: ReceiptCheck['split'] } = {}): ReceiptCheck {
  const lines: Record<string, ReceiptLineAdjustment> = {};
  for (const l of priced.lines) {
    if (l.comp) lines[l.lineId] = { comp: { reason: l.comp.reason, amount: l.lineDiscount } };
    else if (l.lineDiscount > 0) lines[l.lineId] = { discount: { name: l.lineDiscountName ?? 'Discount', amount: l.lineDiscount } };
  }
  const sc = priced.serviceCharge;
  return {
    lines,
    orderDiscounts: priced.orderDiscounts.filter((d) => d.amount > 0).map((d) => ({ name: d.name, amount: d.amount, ...(d.promoCode ? { promoCode: d.promoCode } : {}) })),
    serviceCharge: sc ? { name: sc.name, rateBps: sc.rateBps, amount: sc.amount, guests: context.guests ?? null } : null,
    split: context.split ?? null,
  };
}
