/**
 * Reading and writing a table check's rows (`checks`, `check_lines`) and the check view the
 * screens get back: the order, every line's seat, course and kitchen state, and the check
 * priced by the model.
 */
import { and, asc, eq } from 'drizzle-orm';
import {
  BrigadeError, type Comp, type LineDiscount, type MenuIndex, type OrderChannel, type OrderDiscount,
} from '@brigade/sync/model';
import { checkLines, checks, floorTables, orderLines } from '@brigade/sync/schema/sqlite';
import type { CommandTx } from '../command-tx';
import { loadOrder } from '../order-rows';
import type { Orm } from '../store-context';
import { type AppliedPromo, priceStoredCheck, readCheckSettings } from './check-repricing';

export type CheckRow = typeof checks.$inferSelect;

import type { CheckLineInfo, CheckView } from '@brigade/sync/model';

export type { CheckLineInfo, CheckView };

export function findCheck(orm: Orm, orderId: string): CheckRow | undefined {
  return orm.select().from(checks).where(eq(checks.orderId, orderId)).get();
}

/** The check row of an order, made on first use so counter orders can take discounts too. */
export function ensureCheck(tx: CommandTx, orderId: string): CheckRow {
  const found = findCheck(tx.orm, orderId);
  if (found) return found;
  const row: CheckRow = {
    orderId, tableId: null, tabName: null, guests: null, orderDiscounts: '[]', promoCode: null, parentOrderId: null, splitPart: null,
    splitInto: null, releasedCourses: '[]', priceChannel: null, updatedAt: tx.now,
  };
  tx.orm.insert(checks).values(row).run();
  return row;
}

export function updateCheck(tx: CommandTx, orderId: string, set: Partial<Omit<CheckRow, 'orderId'>>): void {
  ensureCheck(tx, orderId);
  tx.orm.update(checks).set({ ...set, updatedAt: tx.now }).where(eq(checks.orderId, orderId)).run();
}

/**
 * The channel whose prices lines added to this order get: the one its check was opened with
 * (a POS opens checks at `counter`), so a check keeps its prices whichever screen adds to or
 * pays it; `fallback` (the adding screen's channel) for orders without one.
 */
export function checkPriceChannel(orm: Orm, orderId: string, fallback: OrderChannel): OrderChannel {
  return findCheck(orm, orderId)?.priceChannel ?? fallback;
}

/** Split checks are fixed: their parts must add up to the check they came from, so lines on them do not change. */
export function refuseIfSplit(orm: Orm, orderId: string): void {
  const check = findCheck(orm, orderId);
  if (check?.splitInto || check?.splitPart) throw new BrigadeError('CHECK_SPLIT', undefined, { orderId });
}

export function requireTable(orm: Orm, tableId: string): typeof floorTables.$inferSelect {
  const table = orm.select().from(floorTables).where(eq(floorTables.id, tableId)).get();
  if (!table || !table.active) throw new BrigadeError('TABLE_NOT_FOUND', undefined, { tableId });
  return table;
}

/** A live line of the order (not voided), with its check data. */
export function requireLine(tx: CommandTx, orderId: string, lineId: string): { line: typeof orderLines.$inferSelect; extra: typeof checkLines.$inferSelect } {
  const line = tx.orm.select().from(orderLines).where(and(eq(orderLines.id, lineId), eq(orderLines.orderId, orderId))).get();
  if (!line) throw new BrigadeError('LINE_NOT_FOUND', undefined, { lineId });
  if (line.voided) throw new BrigadeError('LINE_ALREADY_VOIDED', undefined, { lineId });
  const extra = tx.orm.select().from(checkLines).where(eq(checkLines.lineId, lineId)).get();
  if (!extra) throw new BrigadeError('LINE_NOT_FOUND', 'That line was not sold on a check.', { lineId });
  return { line, extra };
}

export function releasedCourses(check: CheckRow | undefined): number[] {
  return check ? (JSON.parse(check.releasedCourses) as number[]) : [];
}

export function checkView(orm: Orm, menu: MenuIndex, orderId: string): CheckView {
  const order = loadOrder(orm, orderId);
  const stored = priceStoredCheck(orm, menu, orderId);
  const check = stored.check;
  const released = releasedCourses(check);
  const extras = new Map(orm.select().from(checkLines).where(eq(checkLines.orderId, orderId)).all().map((r) => [r.lineId, r]));
  const rows = orm.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.position)).all();
  const lines = rows.map((r): CheckLineInfo => {
    const extra = extras.get(r.id);
    const course = extra?.course ?? 1;
    return {
      lineId: r.id, seat: extra?.seat ?? null, course, held: r.firedIn === null && !r.voided && course > 1 && !released.includes(course),
      firedIn: r.firedIn, voided: r.voided, discount: extra?.discount ? (JSON.parse(extra.discount) as LineDiscount) : null,
      comp: extra?.comp ? (JSON.parse(extra.comp) as Comp) : null,
    };
  });
  const table = check?.tableId ? orm.select().from(floorTables).where(eq(floorTables.id, check.tableId)).get() : undefined;
  const settings = readCheckSettings(orm);
  const promo = check?.promoCode ? (JSON.parse(check.promoCode) as AppliedPromo) : null;
  return {
    orderId, tableId: check?.tableId ?? null, tableLabel: table?.label ?? order.tableLabel, tabName: check?.tabName ?? null,
    guests: check?.guests ?? null, diningOption: order.diningOption,
    orderDiscounts: check ? (JSON.parse(check.orderDiscounts) as OrderDiscount[]) : [], promoCode: promo?.code ?? null,
    parentOrderId: check?.parentOrderId ?? null, splitInto: check?.splitInto ? (JSON.parse(check.splitInto) as string[]) : [],
    splitLabel: check?.splitPart ? (JSON.parse(check.splitPart) as { label: string }).label : null,
    releasedCourses: released, lines, priced: stored.priced, priceChannel: check?.priceChannel ?? 'counter', totals: stored.totals,
    cashIncrement: settings.cashIncrement, tipSuggestions: settings.tipSuggestions, order,
  };
}
