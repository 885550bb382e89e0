/**
 * Expo sees orders, not tickets: each order with every station's part of it, so the
 * expediter knows what is still missing before calling the number.
 */
import type { KitchenTicket } from '@brigade/sync/model';
import type { TicketBoard } from './kitchen-tickets';

export interface ExpoStationPart {
  stationId: string;
  ticketId: string;
  done: boolean;
}

export interface ExpoOrder {
  orderId: string;
  orderNumber: string;
  channel: KitchenTicket['channel'];
  tableLabel: string | null;
  customerName: string | null;
  /** When its first ticket reached the kitchen: the order's age. */
  createdAt: string;
  parts: ExpoStationPart[];
}

/** Orders with at least one station still working, oldest first. */
export function expoOrders(board: TicketBoard): ExpoOrder[] {
  const byOrder = new Map<string, ExpoOrder>();
  for (const ticket of [...board.open, ...board.bumped]) {
    const order = byOrder.get(ticket.orderId) ?? {
      orderId: ticket.orderId, orderNumber: ticket.orderNumber, channel: ticket.channel, tableLabel: ticket.tableLabel,
      customerName: ticket.customerName, createdAt: ticket.createdAt, parts: [],
    };
    if (ticket.createdAt < order.createdAt) order.createdAt = ticket.createdAt;
    order.parts.push({ stationId: ticket.stationId, ticketId: ticket.id, done: ticket.status === 'bumped' });
    byOrder.set(ticket.orderId, order);
  }
  return [...byOrder.values()]
    .filter((o) => o.parts.some((p) => !p.done))
    .map((o) => ({ ...o, parts: o.parts.sort((a, b) => a.stationId.localeCompare(b.stationId)) }))
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}
