/**
 * Durable queues and logs written in the same transaction as the state they describe:
 * print jobs, the exactly-once command log, the audit trail, the outbox to the cloud and
 * the hub's event log for screens that reconnect.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const printJobs = sqliteTable(
  'print_jobs',
  {
    id: text('id').primaryKey(),
    /** What makes a job the same job: e.g. kitchen:<order>:<station>:<fireSeq>. */
    idemKey: text('idem_key').notNull().unique(),
    kind: text('kind', { enum: ['receipt', 'kitchen', 'drawer', 'report'] }).notNull(),
    /** 'receipt' or 'kitchen'; kitchen jobs also name their station. */
    printerRole: text('printer_role').notNull(),
    stationId: text('station_id'),
    orderId: text('order_id'),
    /** The screen whose action made the job: with several tills, its drawer is the one to open. */
    deviceId: text('device_id'),
    payload: text('payload').notNull(),
    status: text('status', { enum: ['queued', 'sending', 'printed', 'held', 'uncertain', 'failed', 'cancelled'] }).notNull(),
    attempts: integer('attempts').notNull(),
    reprint: integer('reprint', { mode: 'boolean' }).notNull(),
    printerId: text('printer_id'),
    nextAttemptAt: text('next_attempt_at').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    printedAt: text('printed_at'),
    lastError: text('last_error'),
  },
  (t) => [index('print_jobs_due').on(t.status, t.nextAttemptAt), index('print_jobs_order').on(t.orderId)],
);

/** One row per applied command: a repeated commandId returns `result` instead of applying again. */
export const commands = sqliteTable('commands', {
  commandId: text('command_id').primaryKey(),
  name: text('name').notNull(),
  argsHash: text('args_hash').notNull(),
  result: text('result').notNull(),
  createdAt: text('created_at').notNull(),
});

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    at: text('at').notNull(),
    action: text('action').notNull(),
    staffId: text('staff_id'),
    approvedBy: text('approved_by'),
    deviceId: text('device_id'),
    orderId: text('order_id'),
    commandId: text('command_id'),
    detail: text('detail').notNull(),
  },
  (t) => [index('audit_log_at').on(t.at)],
);

export const outbox = sqliteTable('outbox', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  mutationId: text('mutation_id').notNull().unique(),
  name: text('name').notNull(),
  args: text('args').notNull(),
  createdAt: text('created_at').notNull(),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
});

/** The hub's live events, kept (last 10,000) so a reconnecting screen can catch up. */
export const hubEvents = sqliteTable('hub_events', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  type: text('type').notNull(),
  /** 'store', 'station:<id>' or 'order:<id>': which screens receive it. */
  topic: text('topic').notNull(),
  payload: text('payload').notNull(),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

/** Where the edge stopped following each cloud shape: resumed from here after a restart. */
export const shapePositions = sqliteTable('shape_positions', {
  shape: text('shape').primaryKey(),
  handle: text('handle').notNull(),
  offset: text('offset').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** The rows of each followed shape, as the cloud sent them (JSON), keyed by the shape's row key. */
export const shapeRows = sqliteTable(
  'shape_rows',
  {
    shape: text('shape').notNull(),
    key: text('key').notNull(),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shape, t.key] })],
);
