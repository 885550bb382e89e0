/**
 * `order.acceptOnline`: the store takes over a paid online order from the cloud and sends it
 * to the kitchen at once. Only the node's own sync client runs it (no screen may).
 *
 * The store order keeps the online order's id, so however often the order is seen (a
 * replayed shape, a restart) it becomes one store order: a second acceptance returns the
 * order as it stands and writes nothing. The customer has paid, so nothing here refuses an
 * order for what it contains — an 86'd item, an item the store does not know, a price that
 * moved — it is taken and flagged for the POS (`online_intake`).
 */
import { and, eq } from 'drizzle-orm';
import {
  type AcceptOnlineArgs, BrigadeError, type ItemId, type LineId, type ModifierOptionId, type OnlineIntakeFlag, type OnlineLine, type PricedLine,
  type TaxRateId, type Cents, type ComboSlotId, describeIntakeFlag, newId, priceLine, totalLines,
} from '@brigade/sync/model';
import { onlineIntake, orderLines, orders, payments } from '@brigade/sync/schema/sqlite';
import { businessDayOf } from '../clock';
import { defineCommand } from '../command-registry';
import type { CommandTx } from '../command-tx';
import { loadOrder } from '../order-rows';
import { fireOrder } from './order-helpers';

export const orderAcceptOnline = defineCommand({
  name: 'order.acceptOnline',
  // The cloud hands orders to the node, never to a screen: only the 'system' actor passes.
  roles: [],
  needsStaff: false,
  needsManager: false,
  run(tx, ctx, args) {
    const existing = tx.orm.select({ id: orders.id }).from(orders).where(eq(orders.id, args.orderId)).get();
    if (existing) return { order: loadOrder(tx.orm, args.orderId), accepted: false, flags: intakeFlags(tx, args.orderId) };
    const store = ctx.store.storeRow();
    if (args.currency !== ctx.store.menuIndex().menu.currency) {
      throw new BrigadeError('VALIDATION_FAILED', `The order is in ${args.currency}, the store sells in ${ctx.store.menuIndex().menu.currency}.`, { field: 'currency' });
    }
    const { lines, flags } = storeLines(tx, args);
    const businessDay = businessDayOf(ctx.at, store.timezone, store.businessDayEndHour);
    const totals = totalLines(ctx.store.menuIndex(), lines.map((l) => l.priced));
    tx.orm.insert(orders).values({
      id: args.orderId, number: freeNumber(tx, businessDay, args.number), businessDay, channel: args.channel, diningOption: args.diningOption,
      status: 'accepted', paymentStatus: 'unpaid', totals: JSON.stringify(totals), total: totals.total, paid: 0, refunded: 0, version: 0, fireSeq: 0,
      customerName: args.customerName ?? null, tableLabel: args.tableLabel ?? null, note: args.note ?? null,
      createdBy: null, deviceId: null, createdAt: tx.now, updatedAt: tx.now,
    }).run();
    lines.forEach((line, i) => {
      tx.orm.insert(orderLines).values({
        id: line.priced.lineId, orderId: args.orderId, position: i + 1, itemId: line.priced.itemId, stationId: line.stationId,
        priced: JSON.stringify(line.priced), voided: false, firedIn: null, createdAt: tx.now,
      }).run();
    });
    if (args.paidOnline > 0) {
      // Recorded, not charged: the cloud captured this payment when the customer paid.
      tx.orm.insert(payments).values({
        id: newId(), orderId: args.orderId, tender: 'online', amount: args.paidOnline, tip: 0, tendered: null, change: null, status: 'captured',
        refunded: 0, reference: args.paymentReference ?? null, cardBrand: null, last4: null, createdAt: tx.now,
      }).run();
      tx.orm.update(orders).set({ paid: args.paidOnline }).where(eq(orders.id, args.orderId)).run();
    }
    tx.orm.insert(onlineIntake).values({ orderId: args.orderId, acceptedAt: tx.now, flags: JSON.stringify(flags), cloudTotal: args.cloudTotal, paidOnline: args.paidOnline }).run();
    tx.audit('order.acceptOnline', {
      orderId: args.orderId,
      detail: { channel: args.channel, paidOnline: args.paidOnline, flags: flags.map(describeIntakeFlag).join('; ') || null },
    });
    // Two snapshots: the phone's tracking shows "accepted", then "preparing" once fired.
    tx.orderChanged(args.orderId);
    fireOrder(tx, args.orderId);
    return { order: tx.orderChanged(args.orderId), accepted: true, flags };
  },
});

interface StoreLine {
  readonly priced: PricedLine;
  readonly stationId: string;
}

/**
 * Each line priced from the store's menu, ignoring 86s (the food is paid for: the store must
 * make it or refund it). A line the store cannot price keeps the cloud's price and station.
 * When the store's prices give another total than the customer paid, the cloud's lines are
 * kept for the whole order, so what the store records is what the customer was charged.
 */
function storeLines(tx: CommandTx, args: AcceptOnlineArgs): { lines: StoreLine[]; flags: OnlineIntakeFlag[] } {
  const index = tx.ctx.store.menuIndex();
  const unavailable = tx.ctx.store.unavailable();
  const flags: OnlineIntakeFlag[] = [];
  const fallbackStation = index.menu.stations[0]?.id ?? 'kitchen';
  const cloudLine = (line: OnlineLine): StoreLine => ({
    priced: cloudPriced(line),
    stationId: index.items.get(line.itemId as ItemId)?.stationId ?? (line.stationId || fallbackStation),
  });
  const lines = args.lines.map((line): StoreLine => {
    if (unavailable.has(line.itemId as ItemId)) flags.push({ kind: 'eighty_sixed', itemId: line.itemId, name: line.name });
    try {
      // The channel's own prices (an item may cost more online); no time given, so no daypart
      // check: the cloud took the order when the item was served.
      const priced = priceLine(index, {
        lineId: line.lineId as LineId, itemId: line.itemId as ItemId, quantity: line.quantity, modifierOptionIds: line.modifierOptionIds as ModifierOptionId[],
        ...(line.weightGrams !== undefined ? { weightGrams: line.weightGrams } : {}), ...(line.note !== undefined ? { note: line.note } : {}),
        ...(line.components ? { components: line.components.map((c) => ({ slotId: c.slotId, itemId: c.itemId, modifierOptionIds: c.modifiers.map((m) => m.optionId) })) } : {}),
      }, undefined, undefined, { channel: args.channel });
      const stationId = index.items.get(priced.itemId)?.stationId ?? fallbackStation;
      return { priced, stationId };
    } catch (error) {
      if (!(error instanceof BrigadeError)) throw error;
      flags.push({ kind: 'item_unknown', itemId: line.itemId, name: line.name });
      return cloudLine(line);
    }
  });
  const storeTotal = totalLines(index, lines.map((l) => l.priced)).total;
  if (args.paidOnline > 0 && storeTotal !== args.cloudTotal) {
    flags.push({ kind: 'price_differs', storeTotal, cloudTotal: args.cloudTotal });
    return { lines: args.lines.map(cloudLine), flags };
  }
  return { lines, flags };
}

function cloudPriced(line: OnlineLine): PricedLine {
  return {
    lineId: line.lineId as LineId,
    itemId: line.itemId as ItemId,
    name: line.name,
    quantity: line.quantity,
    ...(line.weightGrams !== undefined ? { weightGrams: line.weightGrams } : {}),
    modifiers: line.modifiers.map((m) => ({ optionId: m.optionId as ModifierOptionId, groupName: m.groupName, name: m.name, priceDelta: m.priceDelta as Cents })),
    ...(line.note !== undefined ? { note: line.note } : {}),
    ...(line.components ? { components: line.components.map((c) => ({
      slotId: c.slotId as ComboSlotId, slotName: c.slotName, itemId: c.itemId as ItemId, name: c.name, upcharge: c.upcharge as Cents,
      modifiers: c.modifiers.map((m) => ({ optionId: m.optionId as ModifierOptionId, groupName: m.groupName, name: m.name, priceDelta: m.priceDelta as Cents })),
      amount: c.amount as Cents,
    })) } : {}),
    unitPrice: line.unitPrice as Cents,
    lineAmount: line.lineAmount as Cents,
    taxes: line.taxes.map((t) => ({ taxRateId: t.taxRateId as TaxRateId, amount: t.amount as Cents })),
    tax: line.tax as Cents,
    lineTotal: line.lineTotal as Cents,
  };
}

/** The customer was shown the cloud's number; on the rare clash within a day, a suffix keeps it unique. */
function freeNumber(tx: CommandTx, businessDay: string, wanted: string): string {
  for (let n = 1; ; n++) {
    const number = n === 1 ? wanted : `${wanted}-${n}`;
    const taken = tx.orm.select({ id: orders.id }).from(orders).where(and(eq(orders.businessDay, businessDay), eq(orders.number, number))).get();
    if (!taken) return number;
  }
}

function intakeFlags(tx: CommandTx, orderId: string): OnlineIntakeFlag[] {
  const row = tx.orm.select({ flags: onlineIntake.flags }).from(onlineIntake).where(eq(onlineIntake.orderId, orderId)).get();
  return row ? (JSON.parse(row.flags) as OnlineIntakeFlag[]) : [];
}
