/**
 * The shapes the store's table-service reads answer with and the screens read: one check as
 * the check panel shows it, and a check's summary on the floor view. Written by the edge
 * (edge/src/store/commands/check-rows.ts, check-reads.ts), read by the POS.
 */
import type { CheckTotals, PricedCheck } from './check-pricing';
import type { Comp, LineDiscount, OrderDiscount } from './discounts';
import type { DiningOption, Order, OrderChannel, OrderStatus, PaymentStatus } from './order';

export interface CheckLineInfo {
  readonly lineId: string;
  readonly seat: number | null;
  readonly course: number;
  /** A later course not yet sent: it waits for "fire course N". */
  readonly held: boolean;
  readonly firedIn: number | null;
  readonly voided: boolean;
  readonly discount: LineDiscount | null;
  readonly comp: Comp | null;
}

export interface CheckView {
  readonly orderId: string;
  readonly tableId: string | null;
  readonly tableLabel: string | null;
  readonly tabName: string | null;
  readonly guests: number | null;
  readonly diningOption: DiningOption;
  readonly orderDiscounts: readonly OrderDiscount[];
  readonly promoCode: string | null;
  readonly parentOrderId: string | null;
  readonly splitInto: readonly string[];
  /** For a split child: what it is ("Seat 2", "1 of 3"). */
  readonly splitLabel: string | null;
  readonly releasedCourses: readonly number[];
  /** The channel whose prices the check's lines get, fixed when it was opened; the POS shows the menu at it. */
  readonly priceChannel?: OrderChannel;
  readonly lines: readonly CheckLineInfo[];
  /** The check priced by the model from its lines (for a split child, its parent's share is in `totals`). */
  readonly priced: PricedCheck;
  /** What this check owes: equal to `order.totals`. */
  readonly totals: CheckTotals;
  readonly cashIncrement: number;
  readonly tipSuggestions: readonly number[];
  readonly order: Order;
}

export interface OpenCheckSummary {
  readonly orderId: string;
  readonly number: string;
  readonly tableId: string | null;
  readonly tabName: string | null;
  readonly guests: number | null;
  readonly total: number;
  readonly paid: number;
  readonly status: OrderStatus;
  readonly paymentStatus: PaymentStatus;
  readonly openedAt: string;
  /** "Seat 2", "1 of 3" for a part of a split check. */
  readonly splitLabel: string | null;
  readonly parentOrderId: string | null;
  readonly split: boolean;
}
