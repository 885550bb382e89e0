import type { DeviceId, LineId, OrderId, PaymentId, StaffId, StationId } from './ids';
import type { Cents } from './money';
import type { OrderTotals, PricedLine } from './pricing';

export type OrderChannel = 'counter' | 'kiosk' | 'online' | 'table';
export type DiningOption = 'eat_in' | 'take_out' | 'delivery';

/** Kitchen and customer-facing status; payment is tracked separately (`PaymentStatus`). */
export type OrderStatus = 'open' | 'submitted' | 'accepted' | 'preparing' | 'ready' | 'completed' | 'cancelled' | 'voided';
export type PaymentStatus = 'unpaid' | 'partially_paid' | 'paid' | 'partially_refunded' | 'refunded';
/** `loyalty` is points redeemed at the store's point value (gift-cards.ts). */
export type TenderType = 'cash' | 'card' | 'online' | 'gift_card' | 'loyalty';

export interface OrderLine extends PricedLine {
  readonly stationId: StationId;
  readonly voided: boolean;
  readonly voidReason?: string;
  /** Fire sequence number that sent this line to the kitchen; null before firing. */
  readonly firedIn: number | null;
}

export interface Payment {
  readonly id: PaymentId;
  readonly orderId: OrderId;
  readonly tender: TenderType;
  /** Amount applied to the order (what it pays off), excluding tip. */
  readonly amount: Cents;
  readonly tip: Cents;
  /** Cash handed over; change = tendered − amount. */
  readonly tendered: Cents | null;
  readonly change: Cents | null;
  readonly status: 'captured' | 'refunded' | 'partially_refunded';
  readonly refunded: Cents;
  readonly reference: string | null;
  readonly createdAt: string;
}

export interface Order {
  readonly id: OrderId;
  /** Per store, per business day, works offline: "A-042" style for people. */
  readonly number: string;
  readonly businessDay: string;
  readonly channel: OrderChannel;
  readonly diningOption: DiningOption;
  readonly status: OrderStatus;
  readonly paymentStatus: PaymentStatus;
  readonly lines: readonly OrderLine[];
  readonly totals: OrderTotals;
  readonly paid: Cents;
  readonly refunded: Cents;
  readonly payments: readonly Payment[];
  readonly customerName: string | null;
  readonly tableLabel: string | null;
  readonly note: string | null;
  readonly createdBy: StaffId | null;
  readonly deviceId: DeviceId | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type TicketStatus = 'new' | 'bumped';

/** What one kitchen station sees of one fire of one order. */
export interface KitchenTicket {
  readonly id: string;
  readonly orderId: OrderId;
  readonly orderNumber: string;
  readonly stationId: StationId;
  readonly fireSeq: number;
  readonly status: TicketStatus;
  readonly channel: OrderChannel;
  readonly tableLabel: string | null;
  readonly customerName: string | null;
  readonly items: readonly KitchenTicketItem[];
  readonly createdAt: string;
  readonly bumpedAt: string | null;
}

export interface KitchenTicketItem {
  readonly lineId: LineId;
  readonly name: string;
  readonly quantity: number;
  readonly modifiers: readonly string[];
  readonly note: string | null;
  readonly voided: boolean;
  /** The course this line belongs to, on tickets of a table served in courses ("Course 2"). */
  readonly course?: number;
}
