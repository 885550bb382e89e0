/** The kitchen display: bump a ticket when it is done, recall it when it was bumped by mistake. */
import { and, eq } from 'drizzle-orm';
import { BrigadeError, type KitchenTicket, type Order, nextStatus } from '@brigade/sync/model';
import { kitchenTickets, orders } from '@brigade/sync/schema/sqlite';
import { defineCommand } from '../command-registry';
import type { CommandContext, CommandTx } from '../command-tx';
import { loadOrder, loadTicket } from '../order-rows';
import { requireOrder } from './order-helpers';

function requireTicket(tx: CommandTx, ctx: CommandContext, ticketId: string): KitchenTicket {
  const ticket = loadTicket(tx.orm, ticketId);
  // A station's screen may only clear its own tickets; an expo screen (no station) sees all.
  if (ctx.actor.deviceRole === 'kds' && ctx.actor.stationId !== null && ctx.actor.stationId !== ticket.stationId) {
    throw new BrigadeError('WRONG_DEVICE_ROLE', 'That ticket belongs to another station.', { stationId: ticket.stationId });
  }
  return ticket;
}

export const ticketBump = defineCommand({
  name: 'ticket.bump',
  roles: ['kds', 'pos'],
  needsStaff: true,
  needsManager: false,
  run(tx, ctx, args) {
    const before = requireTicket(tx, ctx, args.ticketId);
    if (before.status !== 'new') throw new BrigadeError('ORDER_TRANSITION_REFUSED', 'That ticket is already bumped.', { ticketId: args.ticketId });
    tx.orm.update(kitchenTickets).set({ status: 'bumped', bumpedAt: tx.now }).where(eq(kitchenTickets.id, args.ticketId)).run();
    const ticket = loadTicket(tx.orm, args.ticketId);
    tx.emit({ type: 'ticket.updated', ticket });
    tx.audit('ticket.bump', { orderId: ticket.orderId, detail: { ticketId: ticket.id, stationId: ticket.stationId, fireSeq: ticket.fireSeq } });
    const waiting = tx.orm.select({ id: kitchenTickets.id }).from(kitchenTickets)
      .where(and(eq(kitchenTickets.orderId, ticket.orderId), eq(kitchenTickets.status, 'new'))).get();
    const row = requireOrder(tx, ticket.orderId);
    const ready = waiting === undefined ? nextStatus(row.status, 'READY') : null;
    let order: Order;
    if (ready) {
      tx.orm.update(orders).set({ status: ready }).where(eq(orders.id, ticket.orderId)).run();
      order = tx.orderChanged(ticket.orderId);
    } else {
      order = loadOrder(tx.orm, ticket.orderId);
    }
    return { ticket, order };
  },
});

export const ticketRecall = defineCommand({
  name: 'ticket.recall',
  roles: ['kds', 'pos'],
  needsStaff: true,
  needsManager: false,
  run(tx, ctx, args) {
    const before = requireTicket(tx, ctx, args.ticketId);
    if (before.status !== 'bumped') throw new BrigadeError('ORDER_TRANSITION_REFUSED', 'That ticket is not bumped.', { ticketId: args.ticketId });
    const row = requireOrder(tx, before.orderId);
    if (row.status === 'completed' || row.status === 'voided' || row.status === 'cancelled') {
      throw new BrigadeError('ORDER_TRANSITION_REFUSED', `The order is ${row.status}.`, { status: row.status });
    }
    tx.orm.update(kitchenTickets).set({ status: 'new', bumpedAt: null }).where(eq(kitchenTickets.id, args.ticketId)).run();
    const ticket = loadTicket(tx.orm, args.ticketId);
    tx.emit({ type: 'ticket.updated', ticket });
    tx.audit('ticket.recall', { orderId: ticket.orderId, detail: { ticketId: ticket.id, stationId: ticket.stationId } });
    const back = nextStatus(row.status, 'RECALL');
    let order: Order;
    if (back) {
      tx.orm.update(orders).set({ status: back }).where(eq(orders.id, ticket.orderId)).run();
      order = tx.orderChanged(ticket.orderId);
    } else {
      order = loadOrder(tx.orm, ticket.orderId);
    }
    return { ticket, order };
  },
});
