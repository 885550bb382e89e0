/**
 * Orders, their lines, payments and kitchen tickets. Orders and payments are never deleted:
 * a voided order keeps its rows with status `voided`.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const orders = sqliteTable(
  'orders',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull(),
    businessDay: text('business_day').notNull(),
    channel: text('channel', { enum: ['counter', 'kiosk', 'online', 'table'] }).notNull(),
    diningOption: text('dining_option', { enum: ['eat_in', 'take_out', 'delivery'] }).notNull(),
    status: text('status', { enum: ['open', 'submitted', 'accepted', 'preparing', 'ready', 'completed', 'cancelled', 'voided'] }).notNull(),
    paymentStatus: text('payment_status', { enum: ['unpaid', 'partially_paid', 'paid', 'partially_refunded', 'refunded'] }).notNull(),
    /** OrderTotals as JSON, recomputed from the non-voided lines on every change. */
    totals: text('totals').notNull(),
    total: integer('total').notNull(),
    paid: integer('paid').notNull(),
    refunded: integer('refunded').notNull(),
    /** Grows by one per change; sent with every `order.snapshot` so the cloud keeps the newest. */
    version: integer('version').notNull(),
    /** The last fire sequence number used for this order (0 before the first fire). */
    fireSeq: integer('fire_seq').notNull(),
    customerName: text('customer_name'),
    tableLabel: text('table_label'),
    note: text('note'),
    createdBy: text('created_by'),
    deviceId: text('device_id'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('orders_day_number').on(t.businessDay, t.number), index('orders_status').on(t.status, t.createdAt)],
);

export const orderLines = sqliteTable(
  'order_lines',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull().references(() => orders.id),
    position: integer('position').notNull(),
    itemId: text('item_id').notNull(),
    stationId: text('station_id').notNull(),
    /** The PricedLine exactly as priced when the line was added (prices never change later). */
    priced: text('priced').notNull(),
    voided: integer('voided', { mode: 'boolean' }).notNull(),
    voidReason: text('void_reason'),
    firedIn: integer('fired_in'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('order_lines_order').on(t.orderId, t.position)],
);

export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull().references(() => orders.id),
    tender: text('tender', { enum: ['cash', 'card', 'online', 'gift_card', 'loyalty'] }).notNull(),
    amount: integer('amount').notNull(),
    tip: integer('tip').notNull(),
    tendered: integer('tendered'),
    change: integer('change'),
    status: text('status', { enum: ['captured', 'refunded', 'partially_refunded'] }).notNull(),
    refunded: integer('refunded').notNull(),
    reference: text('reference'),
    cardBrand: text('card_brand'),
    last4: text('last4'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('payments_order').on(t.orderId)],
);

export const refunds = sqliteTable(
  'refunds',
  {
    id: text('id').primaryKey(),
    paymentId: text('payment_id').notNull().references(() => payments.id),
    orderId: text('order_id').notNull().references(() => orders.id),
    amount: integer('amount').notNull(),
    reason: text('reason').notNull(),
    approvedBy: text('approved_by'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('refunds_payment').on(t.paymentId)],
);

export const kitchenTickets = sqliteTable(
  'kitchen_tickets',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull().references(() => orders.id),
    stationId: text('station_id').notNull(),
    fireSeq: integer('fire_seq').notNull(),
    status: text('status', { enum: ['new', 'bumped'] }).notNull(),
    /** KitchenTicketItem[] as JSON. */
    items: text('items').notNull(),
    createdAt: text('created_at').notNull(),
    bumpedAt: text('bumped_at'),
  },
  (t) => [uniqueIndex('kitchen_tickets_fire').on(t.orderId, t.stationId, t.fireSeq), index('kitchen_tickets_station').on(t.stationId, t.status)],
);

/** Human order numbers: one counter per business day, so numbers restart each day. */
export const orderCounters = sqliteTable('order_counters', {
  businessDay: text('business_day').primaryKey(),
  lastNumber: integer('last_number').notNull(),
});
