/**
 * Staff and cash as the owner reads them: each store's drawer sessions (the newest snapshot
 * the edge pushed; `version` decides), its time punches (deduplicated by id; a later
 * correction wins) and its Z reports (one per number, never changed once stored). The edge
 * owns all three; the cloud only ingests them (docs/staff-and-cash.md § Sync).
 */
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { organisations, stores } from './tables-tenancy';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const money = (name: string) => bigint(name, { mode: 'number' });

export const drawerSessions = pgTable(
  'drawer_sessions',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id),
    storeId: text('store_id').notNull().references(() => stores.id),
    version: integer('version').notNull(),
    deviceId: text('device_id').notNull(),
    businessDay: text('business_day').notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
    openedAt: text('opened_at').notNull(),
    closedAt: text('closed_at'),
    float: money('float').notNull(),
    expected: money('expected').notNull(),
    counted: money('counted'),
    overShort: money('over_short'),
    /** The whole `DrawerSessionSnapshot` as the store last stated it (movements, no-sales, names). */
    document: jsonb('document').notNull(),
    ingestedAt: ts('ingested_at').notNull().defaultNow(),
  },
  (t) => [index('drawer_sessions_store_day').on(t.storeId, t.businessDay)],
);

export const timePunches = pgTable(
  'time_punches',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id),
    storeId: text('store_id').notNull().references(() => stores.id),
    staffId: text('staff_id').notNull(),
    staffName: text('staff_name').notNull(),
    kind: text('kind', { enum: ['clock_in', 'clock_out', 'break_start', 'break_end'] }).notNull(),
    at: text('at').notNull(),
    businessDay: text('business_day').notNull(),
    deviceId: text('device_id'),
    originalAt: text('original_at'),
    correctedBy: text('corrected_by'),
    correctedAt: text('corrected_at'),
    correctionReason: text('correction_reason'),
    ingestedAt: ts('ingested_at').notNull().defaultNow(),
  },
  (t) => [index('time_punches_store_day').on(t.storeId, t.businessDay), index('time_punches_store_staff').on(t.storeId, t.staffId, t.at)],
);

export const zReports = pgTable(
  'z_reports',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id),
    storeId: text('store_id').notNull().references(() => stores.id),
    sequence: integer('sequence').notNull(),
    businessDay: text('business_day').notNull(),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    closedBy: text('closed_by'),
    closedByName: text('closed_by_name'),
    currency: text('currency').notNull(),
    /** The DayReport exactly as the store printed it. */
    report: jsonb('report').notNull(),
    ingestedAt: ts('ingested_at').notNull().defaultNow(),
  },
  // A store's Z numbers are consecutive and final: a second report under one number is refused.
  (t) => [uniqueIndex('z_reports_store_sequence').on(t.storeId, t.sequence), index('z_reports_store_day').on(t.storeId, t.businessDay)],
);
