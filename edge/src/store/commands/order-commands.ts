/** Orders: create, add lines, void a line, fire, complete, void. */
import { and, eq, inArray } from 'drizzle-orm';
import { BrigadeError, type KitchenTicketItem, type OrderChannel, type OrderTotals, totalLines } from '@brigade/sync/model';
import { checks, kitchenTickets, orderLines, orders, payments, printJobs } from '@brigade/sync/schema/sqlite';
import { businessDayOf } from '../clock';
import { defineCommand } from '../command-registry';
import type { CommandTx } from '../command-tx';
import { orderReads, queueWrites } from '../hot-queries';
import { ticketFromRow } from '../order-rows';
import { checkPriceChannel, refuseIfSplit } from './check-rows';
import { priceStoredCheck } from './check-repricing';
import { evenSplitParent, sendEvenPart } from './check-split-kitchen';
import {
  checkExpectedTotal, fireOrder, insertLines, priceRequestedLines, requireChangeableOrder, requireOrder, transition,
} from './order-helpers';

/** "042": per store, per business day, in the store's time zone; works offline. */
function nextOrderNumber(tx: CommandTx, businessDay: string): string {
  const row = queueWrites(tx.ctx.store.sqlite).nextOrderNumber.get(businessDay) as { n: number };
  return String(row.n).padStart(3, '0');
}

export const orderCreate = defineCommand({
  name: 'order.create',
  roles: ['pos', 'kiosk'],
  needsStaff: true,
  needsManager: false,
  run(tx, ctx, args) {
    checkChannel(ctx.actor.deviceRole, args.channel);
    if (orderExists(tx, args.orderId)) throw new BrigadeError('VALIDATION_FAILED', 'An order with this id already exists.', { orderId: args.orderId });
    const lines = priceRequestedLines(tx, args.lines, args.diningOption, priceChannel(ctx.actor.deviceRole, args.channel));
    const store = ctx.store.storeRow();
    const businessDay = businessDayOf(ctx.at, store.timezone, store.businessDayEndHour);
    const totals: OrderTotals = totalLines(ctx.store.menuIndex(), lines);
    orderReads(tx.orm).insertOrder.run({
      id: args.orderId, number: nextOrderNumber(tx, businessDay), businessDay, channel: args.channel, diningOption: args.diningOption,
      totals: JSON.stringify(totals), total: totals.total, customerName: args.customerName ?? null, tableLabel: args.tableLabel ?? null,
      note: args.note ?? null, createdBy: ctx.actor.staff?.id ?? null, deviceId: ctx.actor.deviceId, createdAt: tx.now,
    });
    insertLines(tx, args.orderId, lines);
    checkExpectedTotal(tx, args.orderId, args.expectedTotal);
    tx.audit('order.create', { orderId: args.orderId, detail: { lines: lines.length, total: totals.total } });
    return { order: tx.orderChanged(args.orderId) };
  },
});

/** Reports split sales by channel, so a screen may not claim another's: kiosks sell as kiosk, online orders come from the cloud. */
function checkChannel(role: string, channel: string): void {
  if (role === 'system') return;
  if ((role === 'kiosk') !== (channel === 'kiosk') || channel === 'online') {
    throw new BrigadeError('VALIDATION_FAILED', `A ${role} screen cannot create ${channel} orders.`, { field: 'channel' });
  }
}

/**
 * The channel whose prices apply: the screen's own (a POS is the counter, a kiosk the kiosk),
 * never what the request says; only the system (online intake) names it.
 */
export function priceChannel(role: string, channel: OrderChannel): OrderChannel {
  if (role === 'kiosk') return 'kiosk';
  if (role === 'pos') return 'counter';
  return channel;
}

function orderExists(tx: CommandTx, orderId: string): boolean {
  return orderReads(tx.orm).orderExists.get({ id: orderId }) !== undefined;
}

export const orderAddLines = defineCommand({
  name: 'order.addLines',
  roles: ['pos'],
  needsStaff: true,
  needsManager: false,
  run(tx, _ctx, args) {
    const row = requireChangeableOrder(tx, args.orderId);
    if (row.paymentStatus !== 'unpaid' && row.paymentStatus !== 'partially_paid') {
      throw new BrigadeError('ORDER_ALREADY_PAID', undefined, { orderId: args.orderId });
    }
    refuseIfSplit(tx.orm, args.orderId);
    const lines = priceRequestedLines(tx, args.lines, row.diningOption, checkPriceChannel(tx.orm, args.orderId, priceChannel(tx.ctx.actor.deviceRole, row.channel)));
    insertLines(tx, args.orderId, lines);
    checkExpectedTotal(tx, args.orderId, args.expectedTotal);
    tx.audit('order.addLines', { orderId: args.orderId, detail: { lines: lines.length } });
    return { order: tx.orderChanged(args.orderId) };
  },
});

export const orderVoidLine = defineCommand({
  name: 'order.voidLine',
  roles: ['pos'],
  needsStaff: true,
  needsManager: true,
  run(tx, _ctx, args) {
    const row = requireChangeableOrder(tx, args.orderId);
    refuseIfSplit(tx.orm, args.orderId);
    const line = tx.orm.select().from(orderLines).where(and(eq(orderLines.id, args.lineId), eq(orderLines.orderId, args.orderId))).get();
    if (!line) throw new BrigadeError('LINE_NOT_FOUND', undefined, { lineId: args.lineId });
    if (line.voided) throw new BrigadeError('LINE_ALREADY_VOIDED', undefined, { lineId: args.lineId });
    tx.orm.update(orderLines).set({ voided: true, voidReason: args.reason }).where(eq(orderLines.id, args.lineId)).run();
    refuseIfOverpaid(tx, row);
    if (line.firedIn !== null) markVoidedOnTicket(tx, row, line.stationId, line.firedIn, args.lineId);
    tx.audit('order.voidLine', { orderId: args.orderId, detail: { lineId: args.lineId, itemId: line.itemId, reason: args.reason } });
    return { order: tx.orderChanged(args.orderId) };
  },
});

/**
 * The rule of `order.void`, for one line: a void may not leave the order holding more money
 * than it now costs. Call after marking the line voided (the throw rolls the command back);
 * the POS refunds the difference to the tender first (`payment.refund`), then voids the line.
 */
function refuseIfOverpaid(tx: CommandTx, row: { id: string; paid: number; refunded: number }): void {
  const kept = row.paid - row.refunded;
  const total = priceStoredCheck(tx.orm, tx.ctx.store.menuIndex(), row.id).totals.total;
  if (kept > total) {
    throw new BrigadeError('ORDER_HAS_PAYMENTS', 'Money was taken for this line: refund it first, then void the line.', { orderId: row.id, refundFirst: kept - total });
  }
}

/** The kitchen must see a voided line crossed out on the ticket it is already cooking from. */
function markVoidedOnTicket(tx: CommandTx, order: Parameters<typeof ticketFromRow>[1] & { id: string }, stationId: string, fireSeq: number, lineId: string): void {
  const ticket = tx.orm.select().from(kitchenTickets)
    .where(and(eq(kitchenTickets.orderId, order.id), eq(kitchenTickets.stationId, stationId), eq(kitchenTickets.fireSeq, fireSeq))).get();
  if (!ticket) return;
  const items = (JSON.parse(ticket.items) as KitchenTicketItem[]).map((i) => (i.lineId === lineId ? { ...i, voided: true } : i));
  tx.orm.update(kitchenTickets).set({ items: JSON.stringify(items) }).where(eq(kitchenTickets.id, ticket.id)).run();
  const updated = ticketFromRow({ ...ticket, items: JSON.stringify(items) }, order);
  tx.emit({ type: 'ticket.updated', ticket: updated });
  // A station with a printer cooks from paper: it gets a VOID slip for the line, printed once.
  tx.printJob({
    idemKey: `kitchen-void:${order.id}:${lineId}`, printerRole: 'kitchen', stationId, orderId: order.id,
    payload: { kind: 'kitchen', ticket: { ...updated, items: updated.items.filter((i) => i.lineId === lineId) }, reprint: false, delta: 'voided' },
  });
}

export const orderFire = defineCommand({
  name: 'order.fire',
  roles: ['pos'],
  needsStaff: true,
  needsManager: false,
  run(tx, _ctx, args) {
    requireOrder(tx, args.orderId);
    // A part of an even split sends the lines it shares with the other parts, on the parent.
    const parent = evenSplitParent(tx.orm, args.orderId);
    // Later courses of a table wait for "fire course N".
    if (parent) sendEvenPart(tx, args.orderId, parent, { respectHolds: true });
    else fireOrder(tx, args.orderId, { respectHolds: true });
    return { order: tx.orderChanged(args.orderId) };
  },
});

export const orderComplete = defineCommand({
  name: 'order.complete',
  roles: ['pos'],
  needsStaff: true,
  needsManager: false,
  run(tx, _ctx, args) {
    const row = requireOrder(tx, args.orderId);
    const status = transition(row, 'COMPLETE');
    if (row.paid < row.total) {
      throw new BrigadeError('ORDER_TRANSITION_REFUSED', 'The order still has money due.', { orderId: args.orderId, due: row.total - row.paid });
    }
    tx.orm.update(orders).set({ status }).where(eq(orders.id, args.orderId)).run();
    tx.audit('order.complete', { orderId: args.orderId });
    return { order: tx.orderChanged(args.orderId) };
  },
});

/**
 * A void takes the sale out of the figures, so no money may stay with it: the payments (and a
 * split check's parts' payments) are refunded first, each to its own tender, through the
 * refund flow. Otherwise the Z report would drop a sale whose money is in the drawer.
 */
function refuseIfMoneyKept(tx: CommandTx, orderId: string): void {
  const ids = [orderId, ...splitChildren(tx, orderId)];
  // What each tender can still give back: the model's `refundable` (amount and tip, less refunds).
  const left = tx.orm.select({ amount: payments.amount, tip: payments.tip, refunded: payments.refunded })
    .from(payments).where(inArray(payments.orderId, ids)).all().map((p) => Math.max(0, p.amount + p.tip - p.refunded)).filter((n) => n > 0);
  if (left.length > 0) {
    throw new BrigadeError('ORDER_HAS_PAYMENTS', undefined, { orderId, payments: left.length, refundable: left.reduce((s, n) => s + n, 0) });
  }
}

function splitChildren(tx: CommandTx, orderId: string): string[] {
  const check = tx.orm.select({ splitInto: checks.splitInto }).from(checks).where(eq(checks.orderId, orderId)).get();
  return check?.splitInto ? (JSON.parse(check.splitInto) as string[]) : [];
}

export const orderVoid = defineCommand({
  name: 'order.void',
  roles: ['pos'],
  needsStaff: true,
  needsManager: true,
  run(tx, _ctx, args) {
    const row = requireOrder(tx, args.orderId);
    const status = transition(row, 'VOID');
    refuseIfMoneyKept(tx, args.orderId);
    tx.orm.update(orders).set({ status }).where(eq(orders.id, args.orderId)).run();
    // Kitchen tickets not yet printed would make food nobody will pay for.
    tx.orm.update(printJobs).set({ status: 'cancelled', updatedAt: tx.now })
      .where(and(eq(printJobs.orderId, args.orderId), eq(printJobs.kind, 'kitchen'), inArray(printJobs.status, ['queued', 'held']))).run();
    tx.audit('order.void', { orderId: args.orderId, detail: { reason: args.reason, paid: row.paid - row.refunded } });
    return { order: tx.orderChanged(args.orderId) };
  },
});
