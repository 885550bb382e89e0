/**
 * Sync bookkeeping. Push: `sync_clients` holds the last applied seq per (node, epoch) and is
 * locked by each push transaction; `applied_mutations` is the dedupe ledger. Shapes: triggers
 * append every change of a synced table to `change_capture`; a publisher moves only committed
 * changes, in commit order, to `shape_log`, whose `offset` is what edges resume from.
 */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { organisations, stores } from './tables-tenancy';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** `xid8`: the 64-bit transaction id, compared with the snapshot's xmin by the publisher. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

export const syncClients = pgTable(
  'sync_clients',
  {
    nodeId: text('node_id').notNull(),
    epoch: bigint('epoch', { mode: 'number' }).notNull(),
    storeId: text('store_id').notNull().references(() => stores.id),
    organisationId: text('organisation_id').notNull().references(() => organisations.id),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.nodeId, t.epoch] })],
);

export const appliedMutations = pgTable(
  'applied_mutations',
  {
    mutationId: text('mutation_id').primaryKey(),
    nodeId: text('node_id').notNull(),
    epoch: bigint('epoch', { mode: 'number' }).notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    storeId: text('store_id').notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: ['applied', 'rejected'] }).notNull(),
    code: text('code'),
    message: text('message'),
    txid: bigint('txid', { mode: 'number' }),
    appliedAt: ts('applied_at').notNull().defaultNow(),
  },
  (t) => [index('applied_mutations_client').on(t.nodeId, t.epoch, t.seq)],
);

export const pushRejections = pgTable(
  'push_rejections',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: text('organisation_id').notNull(),
    storeId: text('store_id').notNull(),
    nodeId: text('node_id').notNull(),
    epoch: bigint('epoch', { mode: 'number' }).notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    mutationId: text('mutation_id').notNull(),
    name: text('name').notNull(),
    code: text('code').notNull(),
    message: text('message').notNull(),
    args: jsonb('args'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('push_rejections_store').on(t.storeId, t.at)],
);

export const changeCapture = pgTable('change_capture', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  xid: xid8('xid').notNull().default(sql`pg_current_xact_id()`),
  tableName: text('table_name').notNull(),
  storeId: text('store_id').notNull(),
  op: text('op', { enum: ['insert', 'update', 'delete'] }).notNull(),
  /** Column → value as text in Postgres display format (null for SQL NULL). */
  row: jsonb('row').notNull(),
});

export const shapeLog = pgTable(
  'shape_log',
  {
    offset: bigserial('offset', { mode: 'number' }).primaryKey(),
    tableName: text('table_name').notNull(),
    storeId: text('store_id').notNull(),
    op: text('op', { enum: ['insert', 'update', 'delete'] }).notNull(),
    row: jsonb('row').notNull(),
    txid: bigint('txid', { mode: 'number' }).notNull(),
  },
  (t) => [index('shape_log_shape').on(t.tableName, t.storeId, t.offset)],
);

/** The current handle of each (table, store) shape; rotation replaces it and moves `start_offset`. */
export const shapeHandles = pgTable(
  'shape_handles',
  {
    tableName: text('table_name').notNull(),
    storeId: text('store_id').notNull(),
    handle: text('handle').notNull(),
    startOffset: bigint('start_offset', { mode: 'number' }).notNull(),
    rotations: integer('rotations').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.storeId] })],
);
