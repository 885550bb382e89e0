/**
 * Table checks: open on a table or as a tab, and change them line by line. Every change
 * names the lines it touches by id, so two terminals working on one check at once never
 * overwrite each other's lines; the store prices the whole check again after each change.
 */
import { and, eq, sql } from 'drizzle-orm';
import { BrigadeError, type CommandArgs, type OrderDiscount, type PricedLine, cents, priceLine, validatePromoCode } from '@brigade/sync/model';
import { checkLines, orderCounters, orderLines, orders, promoCodes, promoUses } from '@brigade/sync/schema/sqlite';
import { businessDayOf } from '../clock';
import { defineCommand } from '../command-registry';
import type { CommandTx } from '../command-tx';
import { type AppliedPromo, type FrozenLinePricing, frozenLineIndex } from './check-repricing';
import { checkPriceChannel, checkView, ensureCheck, refuseIfSplit, requireLine, requireTable, updateCheck } from './check-rows';
import { priceChannel } from './order-commands';
import { type OrderRow, insertLines, priceRequestedLines, requireChangeableOrder } from './order-helpers';

type TableLine = CommandArgs<'check.addLines'>['lines'][number];

/**
 * Lines a table orders: priced with the check's dining option and at the check's channel
 * (the one it was opened with), placed at their seat and course.
 */
export function addTableLines(tx: CommandTx, order: Pick<OrderRow, 'id' | 'channel' | 'diningOption'>, lines: readonly TableLine[]): void {
  const wire = lines.map(({ seat: _seat, course: _course, ...line }) => line);
  const channel = checkPriceChannel(tx.orm, order.id, priceChannel(tx.ctx.actor.deviceRole, order.channel));
  insertLines(tx, order.id, priceRequestedLines(tx, wire, order.diningOption, channel), lines.map((l) => ({ seat: l.seat, course: l.course })));
}

function nextOrderNumber(tx: CommandTx, businessDay: string): string {
  const row = tx.orm.insert(orderCounters).values({ businessDay, lastNumber: 1 })
    .onConflictDoUpdate({ target: orderCounters.businessDay, set: { lastNumber: sql`${orderCounters.lastNumber} + 1` } })
    .returning({ n: orderCounters.lastNumber }).get();
  return String(row.n).padStart(3, '0');
}

/** Writes an empty table order (no lines yet); shared by opening and splitting checks. */
export function insertTableOrder(tx: CommandTx, fields: { orderId: string; diningOption: 'eat_in' | 'take_out' | 'delivery'; tableLabel: string | null; tabName: string | null }): void {
  if (tx.orm.select({ id: orders.id }).from(orders).where(eq(orders.id, fields.orderId)).get()) {
    throw new BrigadeError('VALIDATION_FAILED', 'An order with this id already exists.', { orderId: fields.orderId });
  }
  const store = tx.ctx.store.storeRow();
  const businessDay = businessDayOf(tx.ctx.at, store.timezone, store.businessDayEndHour);
  const totals = { currency: store.currency, taxInclusive: tx.ctx.store.menuIndex().menu.taxInclusive, subtotal: 0, tax: 0, taxes: [], total: 0 };
  tx.orm.insert(orders).values({
    id: fields.orderId, number: nextOrderNumber(tx, businessDay), businessDay, channel: 'table', diningOption: fields.diningOption,
    status: 'open', paymentStatus: 'unpaid', totals: JSON.stringify(totals), total: 0, paid: 0, refunded: 0, version: 0, fireSeq: 0,
    customerName: fields.tabName, tableLabel: fields.tableLabel, note: null, createdBy: tx.ctx.actor.staff?.id ?? null,
    deviceId: tx.ctx.actor.deviceId, createdAt: tx.now, updatedAt: tx.now,
  }).run();
}

/** The changed check: its order snapshot goes to the cloud and the screens, the view back to the caller. */
export function checkChanged(tx: CommandTx, orderId: string): { check: ReturnType<typeof checkView> } {
  tx.orderChanged(orderId);
  return { check: checkView(tx.orm, tx.ctx.store.menuIndex(), orderId) };
}

export const checkOpen = defineCommand({
  name: 'check.open',
  roles: ['pos'],
  needsStaff: true,
  needsManager: false,
  run(tx, _ctx, args) {
    if (args.tableId === undefined && args.tabName === undefined) throw new BrigadeError('VALIDATION_FAILED', 'Open a check on a table or give the tab a name.', { field: 'tableId' });
    const table = args.tableId !== undefined ? requireTable(tx.orm, args.tableId) : undefined;
    const diningOption = args.diningOption ?? 'eat_in';
    insertTableOrder(tx, { orderId: args.orderId, diningOption, tableLabel: table?.label ?? null, tabName: args.tabName ?? null });
    ensureCheck(tx, args.orderId);
    // The check keeps the opening screen's prices for good (docs/checks-and-tables.md).
    const channel = priceChannel(tx.ctx.actor.deviceRole, 'table');
    updateCheck(tx, args.orderId, { tableId: table?.id ?? null, tabName: args.tabName ?? null, guests: args.guests, priceChannel: channel });
    if (args.lines && args.lines.length > 0) addTableLines(tx, { id: args.orderId, channel: 'table', diningOption }, args.lines);
    tx.audit('check.open', { orderId: args.orderId, detail: { tableId: table?.id ?? null, tabName: args.tabName ?? null, guests: args.guests } });
    return checkChanged(tx, args.orderId);
  },
});

function openCheck(tx: CommandTx, orderId: string): ReturnType<typeof requireChangeableOrder> {
  const row = requireChangeableOrder(tx, orderId);
  refuseIfSplit(tx.orm, orderId);
  if (row.paid - row.refunded > 0 && row.paid >= row.total) throw new BrigadeError('ORDER_ALREADY_PAID', undefined, { orderId });
  return row;
}

export const checkAddLines = defineCommand({
  name: 'check.addLines',
  roles: ['pos'],
  needsStaff: true,
  needsManager: false,
  run(tx, _ctx, args) {
    const row = openCheck(tx, args.orderId);
    addTableLines(tx, row, args.lines);
    tx.audit('check.addLines', { orderId: args.orderId, detail: { lines: args.lines.length } });
    return checkChanged(tx, args.orderId);
  },
});

export const checkSetQuantity = defineCommand({
  name: 'check.setQuantity',
  roles: ['pos'],
  needsStaff: true,
  needsManager: false,
  run(tx, _ctx, args) {
    const row = openCheck(tx, args.orderId);
    const { line, extra } = requireLine(tx, args.orderId, args.lineId);
    if (line.firedIn !== null) throw new BrigadeError('LINE_ALREADY_FIRED', undefined, { lineId: args.lineId });
    const before = JSON.parse(line.priced) as PricedLine;
    const frozen = JSON.parse(extra.pricing) as FrozenLinePricing;
    if (frozen.soldByWeight) throw new BrigadeError('QUANTITY_INVALID', 'A weighed line is weighed again, not counted.', { lineId: args.lineId });
    const { index, itemId } = frozenLineIndex(tx.ctx.store.menuIndex(), before, frozen);
    const repriced = priceLine(index, { lineId: before.lineId, itemId, quantity: args.quantity, modifierOptionIds: [] }, undefined, row.diningOption);
    const after: PricedLine = Object.assign({}, repriced, { itemId: before.itemId, name: before.name, modifiers: before.modifiers }, before.note ? { note: before.note } : {});
    tx.orm.update(orderLines).set({ priced: JSON.stringify(after) }).where(eq(orderLines.id, args.lineId)).run();
    tx.audit('check.setQuantity', { orderId: args.orderId, detail: { lineId: args.lineId, from: before.quantity, to: args.quantity } });
    return checkChanged(tx, args.orderId);
  },
});

export const checkMoveLines = defineCommand({
  name: 'check.moveLines',
  roles: ['pos'],
  needsStaff: true,
  needsManager: false,
  run(tx, _ctx, args) {
    openCheck(tx, args.orderId);
    const target = args.toOrderId !== undefined && args.toOrderId !== args.orderId ? args.toOrderId : null;
    if (target) openCheck(tx, target);
    if (args.seat === undefined && args.course === undefined && target === null) throw new BrigadeError('VALIDATION_FAILED', 'Say where the lines go.', { field: 'seat' });
    let position = target ? lastPosition(tx, target) : 0;
    for (const lineId of new Set(args.lineIds)) {
      const { line } = requireLine(tx, args.orderId, lineId);
      if (args.course !== undefined && line.firedIn !== null) throw new BrigadeError('LINE_ALREADY_FIRED', undefined, { lineId });
      tx.orm.update(checkLines).set({
        ...(args.seat !== undefined ? { seat: args.seat } : {}), ...(args.course !== undefined ? { course: args.course } : {}),
        ...(target ? { orderId: target } : {}), updatedAt: tx.now,
      }).where(eq(checkLines.lineId, lineId)).run();
      if (target) tx.orm.update(orderLines).set({ orderId: target, position: ++position }).where(eq(orderLines.id, lineId)).run();
    }
    tx.audit('check.moveLines', { orderId: args.orderId, detail: { lines: args.lineIds.length, seat: args.seat ?? null, course: args.course ?? null, toOrderId: target } });
    if (target) tx.orderChanged(target);
    return checkChanged(tx, args.orderId);
  },
});

function lastPosition(tx: CommandTx, orderId: string): number {
  const row = tx.orm.select({ max: sql<number | null>`max(${orderLines.position})` }).from(orderLines).where(eq(orderLines.orderId, orderId)).get();
  return row?.max ?? 0;
}

function setLineAdjustment(tx: CommandTx, orderId: string, lineId: string, set: { discount?: string | null; comp?: string | null }): void {
  openCheck(tx, orderId);
  requireLine(tx, orderId, lineId);
  tx.orm.update(checkLines).set({ ...set, updatedAt: tx.now }).where(and(eq(checkLines.lineId, lineId), eq(checkLines.orderId, orderId))).run();
}

export const checkDiscountLine = defineCommand({
  name: 'check.discountLine',
  roles: ['pos'],
  needsStaff: true,
  needsManager: false,
  run(tx, _ctx, args) {
    setLineAdjustment(tx, args.orderId, args.lineId, { discount: args.discount ? JSON.stringify(args.discount) : null });
    tx.audit('check.discountLine', { orderId: args.orderId, detail: { lineId: args.lineId, discount: args.discount ? JSON.stringify(args.discount.value) : null } });
    return checkChanged(tx, args.orderId);
  },
});

export const checkCompLine = defineCommand({
  name: 'check.compLine',
  roles: ['pos'],
  needsStaff: true,
  needsManager: true,
  run(tx, _ctx, args) {
    setLineAdjustment(tx, args.orderId, args.lineId, { comp: args.comp ? JSON.stringify({ reason: args.comp.reason }) : null });
    tx.audit('check.compLine', { orderId: args.orderId, detail: { lineId: args.lineId, reason: args.comp?.reason ?? null } });
    return checkChanged(tx, args.orderId);
  },
});

export const checkSetDiscounts = defineCommand({
  name: 'check.setDiscounts',
  roles: ['pos'],
  needsStaff: true,
  needsManager: false,
  run(tx, _ctx, args) {
    openCheck(tx, args.orderId);
    // Points rewards stay: their points left the account, and only a void or refund gives them back.
    const rewards = (JSON.parse(ensureCheck(tx, args.orderId).orderDiscounts) as OrderDiscount[]).filter((d) => d.loyalty);
    updateCheck(tx, args.orderId, { orderDiscounts: JSON.stringify([...args.orderDiscounts, ...rewards]) });
    tx.audit('check.setDiscounts', { orderId: args.orderId, detail: { discounts: args.orderDiscounts.length } });
    return checkChanged(tx, args.orderId);
  },
});

export const checkApplyPromo = defineCommand({
  name: 'check.applyPromo',
  roles: ['pos'],
  needsStaff: true,
  needsManager: false,
  run(tx, _ctx, args) {
    openCheck(tx, args.orderId);
    tx.orm.delete(promoUses).where(eq(promoUses.orderId, args.orderId)).run();
    if (args.code === null) {
      updateCheck(tx, args.orderId, { promoCode: null });
    } else {
      const code = args.code.trim().toUpperCase();
      const row = tx.orm.select().from(promoCodes).where(and(eq(promoCodes.code, code), eq(promoCodes.active, true))).get();
      const promo = row ? (JSON.parse(row.definition) as AppliedPromo['promo']) : undefined;
      const uses = tx.orm.select({ n: sql<number>`count(*)` }).from(promoUses).where(eq(promoUses.code, code)).get()?.n ?? 0;
      // Dates and uses are checked now; the minimum spend is checked on every pricing of the check.
      validatePromoCode(promo, { code, uses, at: tx.now, subtotal: cents(Number.MAX_SAFE_INTEGER) });
      if (!promo) throw new BrigadeError('PROMO_CODE_INVALID');
      tx.orm.insert(promoUses).values({ code, orderId: args.orderId, createdAt: tx.now }).run();
      updateCheck(tx, args.orderId, { promoCode: JSON.stringify({ code, promo, at: tx.now } satisfies AppliedPromo) });
    }
    tx.audit('check.applyPromo', { orderId: args.orderId, detail: { code: args.code } });
    return checkChanged(tx, args.orderId);
  },
});

export const checkUpdate = defineCommand({
  name: 'check.update',
  roles: ['pos'],
  needsStaff: true,
  needsManager: false,
  run(tx, _ctx, args) {
    requireChangeableOrder(tx, args.orderId);
    const check = ensureCheck(tx, args.orderId);
    const tableId = args.tableId === undefined ? check.tableId : args.tableId;
    const tabName = args.tabName === undefined ? check.tabName : args.tabName;
    const table = tableId !== null && tableId !== check.tableId ? requireTable(tx.orm, tableId) : undefined;
    if ((args.tableId !== undefined || args.tabName !== undefined) && tableId === null && tabName === null) {
      throw new BrigadeError('VALIDATION_FAILED', 'A check stays on a table or keeps a tab name.', { field: 'tableId' });
    }
    if (args.diningOption !== undefined) tx.orm.update(orders).set({ diningOption: args.diningOption }).where(eq(orders.id, args.orderId)).run();
    if (args.tableId !== undefined || args.tabName !== undefined) {
      const label = table?.label ?? (tableId === null ? null : undefined);
      tx.orm.update(orders).set({ ...(label !== undefined ? { tableLabel: label } : {}), customerName: tabName }).where(eq(orders.id, args.orderId)).run();
    }
    updateCheck(tx, args.orderId, { tableId, tabName, ...(args.guests !== undefined ? { guests: args.guests } : {}) });
    tx.audit('check.update', { orderId: args.orderId, detail: { tableId, tabName, guests: args.guests ?? null, diningOption: args.diningOption ?? null } });
    return checkChanged(tx, args.orderId);
  },
});
