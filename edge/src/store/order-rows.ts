/** Turning order, payment and ticket rows into the model's `Order` and `KitchenTicket`. */
import {
  BrigadeError, type Cents, type DeviceId, type KitchenTicket, type KitchenTicketItem, type Order, type OrderId, type OrderLine,
  type OrderTotals, type Payment, type PaymentId, type PricedLine, type StaffId, type StationId,
} from '@brigade/sync/model';
import type { kitchenTickets, orderLines, orders, payments } from '@brigade/sync/schema/sqlite';
import { orderReads } from './hot-queries';
import type { Orm } from './store-context';

type OrderRow = typeof orders.$inferSelect;
type LineRow = typeof orderLines.$inferSelect;
type PaymentRow = typeof payments.$inferSelect;
type TicketRow = typeof kitchenTickets.$inferSelect;

export function lineFromRow(row: LineRow): OrderLine {
  const priced = JSON.parse(row.priced) as PricedLine;
  return {
    ...priced,
    stationId: row.stationId as StationId,
    voided: row.voided,
    ...(row.voidReason !== null ? { voidReason: row.voidReason } : {}),
    firedIn: row.firedIn,
  };
}

export function paymentFromRow(row: PaymentRow): Payment {
  return {
    id: row.id as PaymentId,
    orderId: row.orderId as OrderId,
    tender: row.tender,
    amount: row.amount as Cents,
    tip: row.tip as Cents,
    tendered: row.tendered as Cents | null,
    change: row.change as Cents | null,
    status: row.status,
    refunded: row.refunded as Cents,
    reference: row.reference,
    createdAt: row.createdAt,
  };
}

export function orderFromRows(row: OrderRow, lines: readonly LineRow[], pays: readonly PaymentRow[]): Order {
  return {
    id: row.id as OrderId,
    number: row.number,
    businessDay: row.businessDay,
    channel: row.channel,
    diningOption: row.diningOption,
    status: row.status,
    paymentStatus: row.paymentStatus,
    lines: lines.map(lineFromRow),
    totals: JSON.parse(row.totals) as OrderTotals,
    paid: row.paid as Cents,
    refunded: row.refunded as Cents,
    payments: pays.map(paymentFromRow),
    customerName: row.customerName,
    tableLabel: row.tableLabel,
    note: row.note,
    createdBy: row.createdBy as StaffId | null,
    deviceId: row.deviceId as DeviceId | null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function findOrderRow(orm: Orm, id: string): OrderRow | undefined {
  return orderReads(orm).orderById.get({ id });
}

export function loadOrder(orm: Orm, id: string): Order {
  const row = findOrderRow(orm, id);
  if (!row) throw new BrigadeError('ORDER_NOT_FOUND', undefined, { orderId: id });
  return orderFromOrderRow(orm, row);
}

export function orderFromOrderRow(orm: Orm, row: OrderRow): Order {
  const q = orderReads(orm);
  const lines = q.linesOfOrder.all({ id: row.id });
  const pays = q.paymentsOfOrder.all({ id: row.id });
  return orderFromRows(row, lines, pays);
}

export function ticketFromRow(row: TicketRow, order: Pick<OrderRow, 'number' | 'channel' | 'tableLabel' | 'customerName'>): KitchenTicket {
  return {
    id: row.id,
    orderId: row.orderId as OrderId,
    orderNumber: order.number,
    stationId: row.stationId as StationId,
    fireSeq: row.fireSeq,
    status: row.status,
    channel: order.channel,
    tableLabel: order.tableLabel,
    customerName: order.customerName,
    items: JSON.parse(row.items) as KitchenTicketItem[],
    createdAt: row.createdAt,
    bumpedAt: row.bumpedAt,
  };
}

export function loadTicket(orm: Orm, id: string): KitchenTicket {
  const row = orderReads(orm).ticketById.get({ id });
  if (!row) throw new BrigadeError('TICKET_NOT_FOUND', undefined, { ticketId: id });
  const order = findOrderRow(orm, row.orderId);
  if (!order) throw new BrigadeError('ORDER_NOT_FOUND', undefined, { orderId: row.orderId });
  return ticketFromRow(row, order);
}
