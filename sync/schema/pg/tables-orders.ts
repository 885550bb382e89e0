/**
 * Orders and store facts. In-store orders are owned by their edge and only ingested here
 * (`order.snapshot`, the highest version wins). Online orders are born in the cloud
 * (`owner = 'cloud'`) and reach the store through the `online_orders` shape; the store takes
 * them over once they are paid. Availability (86), audit and stock are edge-owned and
 * append-only or last-writer-wins per store, so nothing here needs merging.
 */
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { organisations, stores } from './tables-tenancy';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const orders = pgTable(
  'orders',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id),
    storeId: text('store_id').notNull().references(() => stores.id),
    owner: text('owner', { enum: ['edge', 'cloud'] }).notNull(),
    version: integer('version').notNull(),
    number: text('number').notNull(),
    businessDay: text('business_day').notNull(),
    channel: text('channel').notNull(),
    status: text('status').notNull(),
    paymentStatus: text('payment_status').notNull(),
    currency: text('currency').notNull(),
    subtotal: bigint('subtotal', { mode: 'number' }).notNull(),
    tax: bigint('tax', { mode: 'number' }).notNull(),
    total: bigint('total', { mode: 'number' }).notNull(),
    paid: bigint('paid', { mode: 'number' }).notNull(),
    refunded: bigint('refunded', { mode: 'number' }).notNull(),
    /** The whole `Order` as its owner last stated it. */
    document: jsonb('document').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    ingestedAt: ts('ingested_at').notNull().defaultNow(),
  },
  (t) => [index('orders_store_day').on(t.storeId, t.businessDay), index('orders_store_created').on(t.storeId, t.createdAt)],
);

/** The shape the store follows for its online orders; one row per order born in the cloud. */
export const onlineOrders = pgTable(
  'online_orders',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull().references(() => stores.id),
    organisationId: text('organisation_id').notNull().references(() => organisations.id),
    status: text('status', { enum: ['pending_payment', 'submitted', 'accepted', 'cancelled'] }).notNull(),
    paymentStatus: text('payment_status').notNull(),
    customerName: text('customer_name').notNull(),
    tableLabel: text('table_label'),
    total: bigint('total', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    document: jsonb('document').notNull(),
    paymentIntentId: text('payment_intent_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('online_orders_store').on(t.storeId)],
);

export const itemAvailability = pgTable(
  'item_availability',
  {
    storeId: text('store_id').notNull().references(() => stores.id),
    organisationId: text('organisation_id').notNull().references(() => organisations.id),
    itemId: text('item_id').notNull(),
    unavailable: boolean('unavailable').notNull(),
    /** When the store decided; the latest decision wins (the edge is the only writer). */
    at: text('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.itemId] })],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id),
    storeId: text('store_id').references(() => stores.id),
    at: text('at').notNull(),
    action: text('action').notNull(),
    staffId: text('staff_id'),
    approvedBy: text('approved_by'),
    deviceId: text('device_id'),
    orderId: text('order_id'),
    detail: jsonb('detail').notNull(),
    source: text('source', { enum: ['edge', 'cloud'] }).notNull(),
  },
  (t) => [index('audit_log_store').on(t.storeId, t.at)],
);

export const stockMovements = pgTable(
  'stock_movements',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id),
    storeId: text('store_id').notNull().references(() => stores.id),
    itemId: text('item_id').notNull(),
    delta: integer('delta').notNull(),
    reason: text('reason').notNull(),
    orderId: text('order_id'),
    occurredAt: text('occurred_at').notNull(),
  },
  (t) => [index('stock_movements_store_item').on(t.storeId, t.itemId)],
);
