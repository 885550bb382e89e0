/**
 * The check and floor shapes the hub's table-service routes and commands answer with
 * (edge/src/store/commands/check-rows.ts and check-reads.ts), as the screens read them.
 */
import type { CheckTotals, Comp, DiningOption, KitchenTicket, LineDiscount, Order, OrderDiscount, OrderStatus, PaymentStatus, PricedCheck } from '@brigade/sync/model';

export interface CheckLineInfo {
  readonly lineId: string;
  readonly seat: number | null;
  readonly course: number;
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
  readonly splitLabel: string | null;
  readonly releasedCourses: readonly number[];
  readonly lines: readonly CheckLineInfo[];
  readonly priced: PricedCheck;
  readonly totals: CheckTotals;
  readonly cashIncrement: number;
  readonly tipSuggestions: readonly number[];
  readonly order: Order;
}

export interface FloorTable {
  readonly id: string;
  readonly sectionId: string;
  readonly label: string;
  readonly seats: number;
  readonly x: number;
  readonly y: number;
  readonly shape: 'square' | 'round';
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
  readonly splitLabel: string | null;
  readonly parentOrderId: string | null;
  readonly split: boolean;
}

export interface FloorView {
  readonly sections: readonly { id: string; name: string; sortOrder: number }[];
  readonly tables: readonly FloorTable[];
  readonly checks: readonly OpenCheckSummary[];
}

export type CheckResult = { check: CheckView };

export interface CheckCommandResults {
  'check.open': CheckResult;
  'check.addLines': CheckResult;
  'check.setQuantity': CheckResult;
  'check.moveLines': CheckResult;
  'check.discountLine': CheckResult;
  'check.compLine': CheckResult;
  'check.setDiscounts': CheckResult;
  'check.applyPromo': CheckResult;
  'check.update': CheckResult;
  'check.split': CheckResult & { childOrderIds: string[] };
  'check.merge': CheckResult;
  'course.fire': CheckResult & { tickets: KitchenTicket[] };
  'floor.saveSection': { floor: unknown };
  'floor.saveTable': { floor: unknown };
  'promo.save': { code: string };
  'checkSettings.save': { saved: true };
}
