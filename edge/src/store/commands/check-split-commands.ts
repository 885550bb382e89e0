/**
 * Splitting a check into child checks paid separately, and merging checks into one.
 *
 * A split uses the model's split functions on the check as priced, so the children always
 * add up to the original to the cent: each child carries its part's figures, fixed at the
 * split (pricing each child again would move the service charge or an order discount by
 * a cent). By item or seat the lines move to their child, so its receipt lists them; an even
 * split leaves the lines on the parent and each child pays one share. The parent then owes
 * nothing itself, so sales are not counted twice.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import {
  BrigadeError, type CheckPart, type LineId, splitByItem, splitBySeat, splitEvenly,
} from '@brigade/sync/model';
import { checkLines, orderLines, orders, promoUses } from '@brigade/sync/schema/sqlite';
import { defineCommand } from '../command-registry';
import type { CommandTx } from '../command-tx';
import { checkChanged, insertTableOrder } from './check-commands';
import { priceStoredCheck } from './check-repricing';
import { ensureCheck, findCheck, refuseIfSplit, updateCheck } from './check-rows';
import { requireChangeableOrder } from './order-helpers';

function unpaidCheck(tx: CommandTx, orderId: string): ReturnType<typeof requireChangeableOrder> {
  const row = requireChangeableOrder(tx, orderId);
  refuseIfSplit(tx.orm, orderId);
  if (row.paid > 0) throw new BrigadeError('SPLIT_INVALID', 'Part of this check is paid: refund it first, or pay the rest as one.', { orderId });
  return row;
}

export const checkSplit = defineCommand({
  name: 'check.split',
  roles: ['pos'],
  needsStaff: true,
  needsManager: false,
  run(tx, _ctx, args) {
    const row = unpaidCheck(tx, args.orderId);
    const stored = priceStoredCheck(tx.orm, tx.ctx.store.menuIndex(), args.orderId);
    const count = args.childOrderIds.length;
    if (new Set(args.childOrderIds).size !== count) throw new BrigadeError('VALIDATION_FAILED', 'Two parts share one order id.', { field: 'childOrderIds' });
    let parts: CheckPart[];
    if (args.mode === 'item') {
      if (!args.assignment) throw new BrigadeError('SPLIT_INVALID', 'Say which part pays each line.');
      const assignment = new Map(args.assignment.map((a) => [a.lineId as LineId, a.part]));
      if (assignment.size !== args.assignment.length) throw new BrigadeError('SPLIT_INVALID', 'A line is in two parts.');
      parts = splitByItem(stored.index, stored.priced, assignment, count);
    } else {
      if (args.assignment) throw new BrigadeError('VALIDATION_FAILED', 'Only a split by item takes an assignment.', { field: 'assignment' });
      parts = args.mode === 'seat' ? splitBySeat(stored.index, stored.priced) : splitEvenly(stored.priced, count);
    }
    if (parts.length !== count) throw new BrigadeError('SPLIT_INVALID', `This split makes ${parts.length} checks: send that many order ids.`, { parts: parts.length });
    const check = ensureCheck(tx, args.orderId);
    parts.forEach((part, i) => {
      const childId = args.childOrderIds[i] as string;
      insertTableOrder(tx, { orderId: childId, diningOption: row.diningOption, tableLabel: row.tableLabel, tabName: check.tabName });
      updateCheck(tx, childId, {
        tableId: check.tableId, tabName: check.tabName, parentOrderId: args.orderId, splitPart: JSON.stringify(part), priceChannel: check.priceChannel,
      });
      tx.orm.update(orders).set({ note: part.label, fireSeq: row.fireSeq }).where(eq(orders.id, childId)).run();
      if (args.mode !== 'even') moveLines(tx, part.lineIds, childId);
    });
    updateCheck(tx, args.orderId, { splitInto: JSON.stringify(args.childOrderIds) });
    tx.audit('check.split', { orderId: args.orderId, detail: { mode: args.mode, parts: count, total: stored.totals.total } });
    for (const childId of args.childOrderIds) tx.orderChanged(childId);
    const parent = checkChanged(tx, args.orderId);
    return { ...parent, childOrderIds: args.childOrderIds };
  },
});

function moveLines(tx: CommandTx, lineIds: readonly string[], toOrderId: string): void {
  if (lineIds.length === 0) return;
  tx.orm.update(orderLines).set({ orderId: toOrderId }).where(inArray(orderLines.id, [...lineIds])).run();
  tx.orm.update(checkLines).set({ orderId: toOrderId, updatedAt: tx.now }).where(inArray(checkLines.lineId, [...lineIds])).run();
}

export const checkMerge = defineCommand({
  name: 'check.merge',
  roles: ['pos'],
  needsStaff: true,
  needsManager: false,
  run(tx, _ctx, args) {
    const target = unpaidCheck(tx, args.orderId);
    const into = ensureCheck(tx, args.orderId);
    let guests = into.guests;
    let promo = into.promoCode;
    const discounts = JSON.parse(into.orderDiscounts) as unknown[];
    const sources = [...new Set(args.fromOrderIds)].filter((id) => id !== args.orderId);
    if (sources.length === 0) throw new BrigadeError('SPLIT_INVALID', 'Merge needs another check.');
    let position = tx.orm.select({ max: sql<number | null>`max(${orderLines.position})` }).from(orderLines).where(eq(orderLines.orderId, args.orderId)).get()?.max ?? 0;
    for (const sourceId of sources) {
      const source = unpaidCheck(tx, sourceId);
      if (source.diningOption !== target.diningOption) throw new BrigadeError('SPLIT_INVALID', 'Checks to merge must share a dining option.', { orderId: sourceId });
      const from = findCheck(tx.orm, sourceId);
      if (from?.promoCode) {
        if (promo) throw new BrigadeError('SPLIT_INVALID', 'Only one promo code per check.', { orderId: sourceId });
        promo = from.promoCode;
        tx.orm.update(promoUses).set({ orderId: args.orderId }).where(eq(promoUses.orderId, sourceId)).run();
      }
      if (from?.guests != null) guests = (guests ?? 0) + from.guests;
      if (from) discounts.push(...(JSON.parse(from.orderDiscounts) as unknown[]));
      const lines = tx.orm.select({ id: orderLines.id }).from(orderLines).where(eq(orderLines.orderId, sourceId)).orderBy(orderLines.position).all();
      for (const line of lines) tx.orm.update(orderLines).set({ orderId: args.orderId, position: ++position }).where(eq(orderLines.id, line.id)).run();
      tx.orm.update(checkLines).set({ orderId: args.orderId, updatedAt: tx.now }).where(eq(checkLines.orderId, sourceId)).run();
      // The merged-away check is closed; its lines (and their kitchen history) now belong to the target.
      tx.orm.update(orders).set({ status: 'cancelled', note: `Merged into ${target.number}` }).where(eq(orders.id, sourceId)).run();
      tx.orderChanged(sourceId);
    }
    if (discounts.length > 5) throw new BrigadeError('SPLIT_INVALID', 'A check takes at most 5 order discounts.');
    updateCheck(tx, args.orderId, { guests, promoCode: promo, orderDiscounts: JSON.stringify(discounts) });
    tx.audit('check.merge', { orderId: args.orderId, detail: { from: sources.join(',') } });
    return checkChanged(tx, args.orderId);
  },
});
