/**
 * Selling and loading gift cards as lines of an order. A gift card line is not a menu item:
 * its price is the value put on the card, it carries no tax, and it never goes to the
 * kitchen (it is born "fired" in fire 0). The card is activated or loaded only when the
 * order is paid in full (`settleGiftCardLines`), so an unpaid or voided sale adds nothing.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import {
  BrigadeError, type Cents, type ItemId, type LineId, type OrderTotals, type PricedLine, maskCardNumber, totalLines,
} from '@brigade/sync/model';
import { giftCardLines, orderCounters, orderLines, orders } from '@brigade/sync/schema/sqlite';
import { businessDayOf } from '../clock';
import type { CommandTx } from '../command-tx';
import { requireChangeableOrder } from './order-helpers';
import { writeLedgerEntry } from './gift-ledger';

/** The item id gift card lines carry; no menu item has it. */
export const GIFT_CARD_ITEM_ID = 'gift-card' as ItemId;

export interface GiftLineRequest {
  readonly orderId: string;
  readonly lineId: string;
  readonly cardNumber: string;
  readonly amount: number;
  readonly kind: 'activate' | 'load';
}

/** Adds the line to the order, creating a counter order for it when the id is new. */
export function addGiftCardLine(tx: CommandTx, req: GiftLineRequest): void {
  if (tx.orm.select({ id: orderLines.id }).from(orderLines).where(eq(orderLines.id, req.lineId)).get()) {
    throw new BrigadeError('VALIDATION_FAILED', 'A line with this lineId already exists.', { lineId: req.lineId });
  }
  const exists = tx.orm.select({ id: orders.id }).from(orders).where(eq(orders.id, req.orderId)).get();
  if (exists) requireChangeableOrder(tx, req.orderId);
  else createCounterOrder(tx, req.orderId);
  const amount = req.amount as Cents;
  const line: PricedLine = {
    lineId: req.lineId as LineId, itemId: GIFT_CARD_ITEM_ID, name: `${req.kind === 'activate' ? 'Gift card' : 'Gift card top-up'} ${maskCardNumber(req.cardNumber)}`,
    quantity: 1, modifiers: [], unitPrice: amount, lineAmount: amount, taxes: [], tax: 0 as Cents, lineTotal: amount,
  };
  const last = tx.orm.select({ position: orderLines.position }).from(orderLines).where(eq(orderLines.orderId, req.orderId))
    .orderBy(asc(orderLines.position)).all().at(-1)?.position ?? 0;
  const stationId = tx.ctx.store.menuIndex().menu.stations[0]?.id ?? 'none';
  tx.orm.insert(orderLines).values({
    id: req.lineId, orderId: req.orderId, position: last + 1, itemId: GIFT_CARD_ITEM_ID, stationId, priced: JSON.stringify(line),
    voided: false, firedIn: 0, createdAt: tx.now,
  }).run();
  tx.orm.insert(giftCardLines).values({ lineId: req.lineId, orderId: req.orderId, cardNumber: req.cardNumber, kind: req.kind, amount: req.amount, entryId: null }).run();
}

function createCounterOrder(tx: CommandTx, orderId: string): void {
  const store = tx.ctx.store.storeRow();
  const businessDay = businessDayOf(tx.ctx.at, store.timezone, store.businessDayEndHour);
  const n = tx.orm.insert(orderCounters).values({ businessDay, lastNumber: 1 })
    .onConflictDoUpdate({ target: orderCounters.businessDay, set: { lastNumber: sql`${orderCounters.lastNumber} + 1` } })
    .returning({ n: orderCounters.lastNumber }).get().n;
  const totals: OrderTotals = totalLines(tx.ctx.store.menuIndex(), []);
  tx.orm.insert(orders).values({
    id: orderId, number: String(n).padStart(3, '0'), businessDay, channel: 'counter', diningOption: 'take_out',
    status: 'open', paymentStatus: 'unpaid', totals: JSON.stringify(totals), total: 0, paid: 0, refunded: 0, version: 0,
    fireSeq: 0, customerName: null, tableLabel: null, note: null,
    createdBy: tx.ctx.actor.staff?.id ?? null, deviceId: tx.ctx.actor.deviceId, createdAt: tx.now, updatedAt: tx.now,
  }).run();
  tx.audit('order.create', { orderId, detail: { lines: 0, total: 0 } });
}

/** Whether the card was activated or loaded here, or is waiting on an unpaid order here. */
export function cardIsActiveHere(tx: CommandTx, cardNumber: string): boolean {
  return tx.orm.select({ lineId: giftCardLines.lineId }).from(giftCardLines)
    .innerJoin(orderLines, eq(orderLines.id, giftCardLines.lineId))
    .where(and(eq(giftCardLines.cardNumber, cardNumber), eq(giftCardLines.kind, 'activate'), eq(orderLines.voided, false))).get() !== undefined;
}

/** Once the order is paid in full, activates or loads each of its live gift card lines, once. */
export function settleGiftCardLines(tx: CommandTx, orderId: string): void {
  const order = tx.orm.select({ total: orders.total, paid: orders.paid, status: orders.status }).from(orders).where(eq(orders.id, orderId)).get();
  if (!order || order.paid < order.total || order.status === 'voided' || order.status === 'cancelled') return;
  const pending = tx.orm.select({ line: giftCardLines }).from(giftCardLines)
    .innerJoin(orderLines, eq(orderLines.id, giftCardLines.lineId))
    .where(and(eq(giftCardLines.orderId, orderId), isNull(giftCardLines.entryId), eq(orderLines.voided, false))).all();
  for (const { line } of pending) {
    const entryId = writeLedgerEntry(tx, { ledger: 'gift', account: line.cardNumber, kind: line.kind, delta: line.amount, orderId });
    tx.orm.update(giftCardLines).set({ entryId }).where(eq(giftCardLines.lineId, line.lineId)).run();
    tx.audit(line.kind === 'activate' ? 'gift.activate' : 'gift.load', { orderId, detail: { card: maskCardNumber(line.cardNumber), amount: line.amount } });
  }
}
