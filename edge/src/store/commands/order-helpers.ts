/** Steps several order commands share: finding an order, adding priced lines, firing. */
import { and, eq } from 'drizzle-orm';
import {
  BrigadeError, type CommandArgs, type DiningOption, type ItemId, type KitchenTicket, type KitchenTicketItem, type LineId, type LineRequest,
  type ModifierOptionId, type OrderChannel, type OrderStatus, type PricedLine, kitchenDetailLines, newId, type nextStatus, priceOrder,
} from '@brigade/sync/model';
import { orderLines } from '@brigade/sync/schema/sqlite';
import type { CommandTx } from '../command-tx';
import { orderReads, queueWrites } from '../hot-queries';
import { findOrderRow, ticketFromRow } from '../order-rows';
import { nextOrderStatus } from '../status-transitions';
import { frozenPricingOf, priceStoredCheck } from './check-repricing';

export type OrderRow = NonNullable<ReturnType<typeof findOrderRow>>;

type WireLine = CommandArgs<'order.create'>['lines'][number];

const FINAL: readonly OrderStatus[] = ['completed', 'cancelled', 'voided'];

export function requireOrder(tx: CommandTx, orderId: string): OrderRow {
  const row = findOrderRow(tx.orm, orderId);
  if (!row) throw new BrigadeError('ORDER_NOT_FOUND', undefined, { orderId });
  return row;
}

/** An order that can still take changes (not completed, cancelled or voided). */
export function requireChangeableOrder(tx: CommandTx, orderId: string): OrderRow {
  const row = requireOrder(tx, orderId);
  if (FINAL.includes(row.status)) throw new BrigadeError('ORDER_NOT_OPEN', undefined, { orderId, status: row.status });
  return row;
}

/**
 * Prices requested lines against the store's menu and 86 list (taxes of the dining option,
 * price of the channel, dayparts at the store's wall clock); refuses ids already used.
 */
export function priceRequestedLines(tx: CommandTx, wire: readonly WireLine[], diningOption?: DiningOption, channel?: OrderChannel): readonly PricedLine[] {
  const requests: LineRequest[] = wire.map((l) => ({
    ...l, lineId: l.lineId as LineId, itemId: l.itemId as ItemId, modifierOptionIds: l.modifierOptionIds as ModifierOptionId[],
  }));
  const ids = requests.map((r) => r.lineId);
  if (new Set(ids).size !== ids.length) throw new BrigadeError('VALIDATION_FAILED', 'Two lines share one lineId.', { field: 'lines' });
  for (const id of ids) {
    if (orderReads(tx.orm).lineExists.get({ id })) {
      throw new BrigadeError('VALIDATION_FAILED', 'A line with this lineId already exists.', { lineId: id });
    }
  }
  const sale = { at: tx.now, timeZone: tx.ctx.store.storeRow().timezone, ...(channel ? { channel } : {}) };
  return priceOrder(tx.ctx.store.menuIndex(), requests, tx.ctx.store.unavailable(), diningOption, sale).lines;
}

/**
 * Call after writing the lines: the check's total as the store prices it (discounts, promo,
 * service charge included) must be the one the screen showed.
 */
export function checkExpectedTotal(tx: CommandTx, orderId: string, expected: number | undefined): void {
  if (expected === undefined) return;
  const total = priceStoredCheck(tx.orm, tx.ctx.store.menuIndex(), orderId).totals.total;
  if (total !== expected) throw new BrigadeError('PRICE_MISMATCH', undefined, { expected, actual: total });
}

export function activePricedLines(tx: CommandTx, orderId: string): PricedLine[] {
  return tx.orm.select({ priced: orderLines.priced }).from(orderLines)
    .where(and(eq(orderLines.orderId, orderId), eq(orderLines.voided, false))).all()
    .map((r) => JSON.parse(r.priced) as PricedLine);
}

/** Seat and course of a line at a table (course 1, no seat, at the counter). */
export interface LinePlace {
  readonly seat?: number | undefined;
  readonly course?: number | undefined;
}

/** Writes the lines and their check data, prices and tax rates frozen as of now. */
export function insertLines(tx: CommandTx, orderId: string, lines: readonly PricedLine[], places: readonly LinePlace[] = []): void {
  const index = tx.ctx.store.menuIndex();
  const q = orderReads(tx.orm);
  const last = q.lastLinePosition.get({ id: orderId })?.position ?? 0;
  lines.forEach((line, i) => {
    const stationId = index.items.get(line.itemId)?.stationId;
    if (!stationId) throw new BrigadeError('ITEM_UNKNOWN', undefined, { itemId: line.itemId });
    q.insertOrderLine.run({ id: line.lineId, orderId, position: last + i + 1, itemId: line.itemId, stationId, priced: JSON.stringify(line), createdAt: tx.now });
    const place = places[i];
    q.insertCheckLine.run({
      id: line.lineId, orderId, seat: place?.seat ?? null, course: place?.course ?? 1, pricing: JSON.stringify(frozenPricingOf(index, line)), updatedAt: tx.now,
    });
  });
}

export function transition(row: OrderRow, event: Parameters<typeof nextStatus>[1]): OrderStatus {
  const next = nextOrderStatus(row.status, event);
  if (!next) {
    throw new BrigadeError('ORDER_TRANSITION_REFUSED', `An order that is ${row.status} cannot take ${event}.`, { status: row.status, event });
  }
  return next;
}

/**
 * Which unfired lines a fire sends: `course` sends that course only (and releases it);
 * `respectHolds` sends course 1 and released courses, keeping later courses held; neither
 * sends everything (a paid counter order, a check paid before its last course).
 */
export interface FireScope {
  readonly course?: number;
  readonly respectHolds?: boolean;
}

/**
 * Sends the order's unfired lines to the kitchen: one ticket per station, all with the
 * next fire sequence number, and one kitchen print job per ticket whose idem key is
 * (order, station, fireSeq), so the same fire can never print twice.
 */
export function fireOrder(tx: CommandTx, orderId: string, scope: FireScope = {}): KitchenTicket[] {
  const row = requireOrder(tx, orderId);
  const status = transition(row, 'FIRE');
  // Prepared once per connection (hot-queries.ts): a paid kiosk order fires here, on the KDS path.
  const q = orderReads(tx.orm);
  const check = q.releasedCourses.get({ id: orderId });
  const released = new Set(check ? (JSON.parse(check.released) as number[]) : []);
  const courses = new Map(q.coursesOfOrder.all({ id: orderId }).map((r) => [r.lineId, r.course]));
  const unfired = q.unfiredLines.all({ id: orderId })
    .filter((line) => {
      const course = courses.get(line.id) ?? 1;
      if (scope.course !== undefined) return course === scope.course;
      return !scope.respectHolds || course === 1 || released.has(course);
    });
  if (unfired.length === 0) {
    const what = scope.course !== undefined ? `Nothing in course ${scope.course} to send to the kitchen.` : 'Nothing new to send to the kitchen.';
    throw new BrigadeError('ORDER_EMPTY', what, { orderId });
  }
  const fireSeq = row.fireSeq + 1;
  const byStation = new Map<string, KitchenTicketItem[]>();
  for (const line of unfired) {
    const priced = JSON.parse(line.priced) as PricedLine;
    const items = byStation.get(line.stationId) ?? [];
    const course = courses.get(line.id) ?? 1;
    items.push({
      lineId: priced.lineId, name: priced.name, quantity: priced.quantity, modifiers: kitchenDetailLines(priced),
      note: priced.note ?? null, voided: false, ...(course > 1 || scope.course !== undefined ? { course } : {}),
    });
    byStation.set(line.stationId, items);
  }
  const w = queueWrites(tx.ctx.store.sqlite);
  for (const line of unfired) w.setLineFired.run(fireSeq, line.id);
  w.setOrderFired.run(status, fireSeq, orderId);
  const tickets: KitchenTicket[] = [];
  for (const [stationId, items] of byStation) {
    const id = newId();
    const itemsJson = JSON.stringify(items);
    q.insertTicket.run({ id, orderId, stationId, fireSeq, items: itemsJson, createdAt: tx.now });
    const ticket = ticketFromRow({ id, orderId, stationId, fireSeq, status: 'new', items: itemsJson, createdAt: tx.now, bumpedAt: null }, row);
    // After the first fire the kitchen is already cooking this order: mark the paper ADDED.
    const payload = { kind: 'kitchen' as const, ticket, reprint: false, ...(fireSeq > 1 ? { delta: 'added' as const } : {}) };
    tx.printJob({ idemKey: `kitchen:${orderId}:${stationId}:${fireSeq}`, printerRole: 'kitchen', stationId, orderId, payload });
    tx.emit({ type: 'ticket.updated', ticket });
    tickets.push(ticket);
  }
  tx.audit('order.fire', { orderId, detail: { fireSeq, tickets: tickets.length } });
  return tickets;
}
