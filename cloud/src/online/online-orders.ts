/**
 * Online orders are born in the cloud (owner = cloud): priced here with the shared pricing
 * engine from the store's menu, refused while the store is paused, written in one
 * transaction to `orders` and to the `online_orders` shape the store follows. They are paid
 * through Stripe; the store takes an order over once it is paid (see push appliers).
 * The client's order id is the idempotency key: the same id again returns the same order.
 */
import { eq, sql } from 'drizzle-orm';
import { BrigadeError, type LineRequest, type Order, type OrderId, type Cents, indexMenu, priceOrder } from '@brigade/sync/model';
import { CloudError } from '@brigade/sync/protocol';
import { onlineOrders, orders } from '@brigade/sync/schema/pg';
import type { CloudContext } from '../context';
import { businessDayOf } from '../reports/business-day';
import { loadStoreMenu } from './store-menu';
import { verifyTableToken } from './table-tokens';

export interface OnlineOrderRequest {
  readonly orderId: string;
  readonly lines: readonly LineRequest[];
  readonly customerName: string;
  readonly diningOption: 'take_out' | 'delivery' | 'eat_in';
  readonly tableToken?: string;
  readonly note?: string;
  readonly expectedTotal?: number;
}

export type OnlineOrderRow = typeof onlineOrders.$inferSelect;

export async function createOnlineOrder(ctx: CloudContext, storeId: string, request: OnlineOrderRequest, payOnline: boolean): Promise<{ row: OnlineOrderRow; created: boolean }> {
  const db = ctx.database.db;
  const existing = (await db.select().from(onlineOrders).where(eq(onlineOrders.id, request.orderId)).limit(1))[0];
  if (existing) {
    if (existing.storeId !== storeId) throw new BrigadeError('COMMAND_ID_REUSED');
    return { row: existing, created: false };
  }
  const { store, menu, unavailable } = await loadStoreMenu(db, storeId);
  if (store.onlineOrderingPaused) {
    throw new CloudError('STORE_PAUSED', store.pausedReason === 'offline' ? 'This store is offline right now, so it cannot take online orders.' : undefined);
  }
  const table = request.tableToken ? await verifyTableToken(db, ctx.settings.tableTokenSecret, storeId, request.tableToken) : null;
  // Online prices, and dayparts on the store's own clock (breakfast refused after 11:00 there).
  const sale = { channel: table ? 'table' : 'online', at: ctx.now(), timeZone: store.timezone } as const;
  const priced = priceOrder(indexMenu(menu), request.lines, unavailable, undefined, sale);
  if (priced.lines.length === 0) throw new BrigadeError('ORDER_EMPTY');
  if (request.expectedTotal !== undefined && request.expectedTotal !== priced.totals.total) throw new BrigadeError('PRICE_MISMATCH', undefined, { total: priced.totals.total });
  const now = ctx.now();
  const at = now.toISOString();
  const stationOf = new Map(menu.items.map((i) => [i.id, i.stationId]));
  const status = payOnline ? 'pending_payment' : 'submitted';
  const order: Order = {
    id: request.orderId as OrderId,
    number: `W-${request.orderId.slice(-4).toUpperCase()}`,
    businessDay: businessDayOf(now, store.timezone, store.businessDayEndsAt),
    channel: table ? 'table' : 'online',
    diningOption: table ? 'eat_in' : request.diningOption,
    status: 'submitted',
    paymentStatus: 'unpaid',
    lines: priced.lines.map((l) => ({ ...l, stationId: stationOf.get(l.itemId) ?? ('' as never), voided: false, firedIn: null })),
    totals: priced.totals,
    paid: 0 as Cents,
    refunded: 0 as Cents,
    payments: [],
    customerName: request.customerName,
    tableLabel: table?.label ?? null,
    note: request.note ?? null,
    createdBy: null,
    deviceId: null,
    createdAt: at,
    updatedAt: at,
  };
  const row = await db.transaction(async (tx) => {
    await tx.insert(orders).values({
      id: order.id, organisationId: store.organisationId, storeId, owner: 'cloud', version: 1, number: order.number, businessDay: order.businessDay,
      channel: order.channel, status: order.status, paymentStatus: order.paymentStatus, currency: order.totals.currency, subtotal: order.totals.subtotal,
      tax: order.totals.tax, total: order.totals.total, paid: 0, refunded: 0, document: order, createdAt: at, updatedAt: at,
    });
    const inserted = await tx
      .insert(onlineOrders)
      .values({ id: order.id, storeId, organisationId: store.organisationId, status, paymentStatus: 'unpaid', customerName: request.customerName, tableLabel: order.tableLabel, total: order.totals.total, currency: order.totals.currency, document: order })
      .returning();
    return inserted[0];
  });
  if (!row) throw new Error('online order insert returned nothing');
  // Not awaited: an unpaid order is nothing the store acts on, so the customer need not wait
  // for it to reach the shape log (the publisher's own timer would catch it within a second).
  ctx.changes.kick().catch(() => undefined);
  return { row, created: true };
}

export async function attachPaymentIntent(ctx: CloudContext, orderId: string, paymentIntentId: string): Promise<void> {
  await ctx.database.db.update(onlineOrders).set({ paymentIntentId, updatedAt: sql`now()` }).where(eq(onlineOrders.id, orderId));
}

/**
 * A succeeded payment: the order is paid and submitted to the store. Idempotent — Stripe may
 * deliver an event more than once — and checked against the amount the cloud priced.
 */
export async function markOnlineOrderPaid(ctx: CloudContext, orderId: string, paymentIntentId: string, amount: number, currency: string): Promise<boolean> {
  const changed = await ctx.database.db.transaction(async (tx) => {
    const row = (await tx.select().from(onlineOrders).where(eq(onlineOrders.id, orderId)).for('update').limit(1))[0];
    if (!row || row.paymentIntentId !== paymentIntentId) return false;
    if (row.total !== amount || row.currency.toLowerCase() !== currency.toLowerCase()) return false;
    if (row.status !== 'pending_payment') return false;
    const document = { ...(row.document as Order), paymentStatus: 'paid', paid: row.total, updatedAt: ctx.now().toISOString() };
    await tx.update(onlineOrders).set({ status: 'submitted', paymentStatus: 'paid', document, updatedAt: sql`now()` }).where(eq(onlineOrders.id, orderId));
    await tx.update(orders).set({ paymentStatus: 'paid', paid: row.total, document, updatedAt: ctx.now().toISOString() }).where(eq(orders.id, orderId));
    return true;
  });
  if (changed) await ctx.changes.kick();
  return changed;
}
