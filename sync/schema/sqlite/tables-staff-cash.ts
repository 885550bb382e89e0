/**
 * Staff and cash on the edge: the store's changes to the permission matrix, time punches,
 * drawer sessions with their cash movements, and the numbered Z reports. Punches, sessions,
 * movements and Z reports are history: corrected, never deleted.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { staff } from './tables-store';

/**
 * Overrides of the default matrix (`DEFAULT_ROLE_PERMISSIONS` in sync/model/permissions.ts):
 * a role holds a permission by default unless a row here says otherwise, so a store keeps
 * today's behaviour until someone changes it, and new permissions reach old stores.
 */
export const rolePermissions = sqliteTable(
  'role_permissions',
  {
    role: text('role', { enum: ['cashier', 'server', 'bartender', 'manager', 'owner'] }).notNull(),
    permission: text('permission').notNull(),
    granted: integer('granted', { mode: 'boolean' }).notNull(),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.role, t.permission] })],
);

export const timePunches = sqliteTable(
  'time_punches',
  {
    id: text('id').primaryKey(),
    staffId: text('staff_id').notNull().references(() => staff.id),
    kind: text('kind', { enum: ['clock_in', 'clock_out', 'break_start', 'break_end'] }).notNull(),
    at: text('at').notNull(),
    businessDay: text('business_day').notNull(),
    deviceId: text('device_id'),
    /** The time first recorded, kept when a manager corrects `at`. */
    originalAt: text('original_at'),
    correctedBy: text('corrected_by'),
    correctedAt: text('corrected_at'),
    correctionReason: text('correction_reason'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('time_punches_staff').on(t.staffId, t.at), index('time_punches_day').on(t.businessDay)],
);

export const drawerSessions = sqliteTable(
  'drawer_sessions',
  {
    id: text('id').primaryKey(),
    /** The terminal whose drawer this is: its cash sales and refunds land in this session. */
    deviceId: text('device_id').notNull(),
    businessDay: text('business_day').notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
    openedBy: text('opened_by'),
    openedAt: text('opened_at').notNull(),
    float: integer('float').notNull(),
    /** Denomination[] as JSON when the float was counted by denomination. */
    floatDenominations: text('float_denominations'),
    closedBy: text('closed_by'),
    closedAt: text('closed_at'),
    counted: integer('counted'),
    countedDenominations: text('counted_denominations'),
    expected: integer('expected'),
    overShort: integer('over_short'),
  },
  // One open session per drawer, enforced by the database as well as by the command.
  (t) => [uniqueIndex('drawer_sessions_one_open').on(t.deviceId).where(sql`status = 'open'`), index('drawer_sessions_opened').on(t.openedAt)],
);

export const drawerMovements = sqliteTable(
  'drawer_movements',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id').notNull().references(() => drawerSessions.id),
    kind: text('kind', { enum: ['sale', 'refund', 'pay_in', 'pay_out', 'drop'] }).notNull(),
    /** Always positive; the kind gives the direction. */
    amount: integer('amount').notNull(),
    reason: text('reason'),
    paymentId: text('payment_id'),
    refundId: text('refund_id'),
    staffId: text('staff_id'),
    approvedBy: text('approved_by'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('drawer_movements_session').on(t.sessionId), index('drawer_movements_at').on(t.createdAt)],
);

/** Closed business days: each Z report with its consecutive number and its figures (DayReport JSON). */
export const zReports = sqliteTable('z_reports', {
  id: text('id').primaryKey(),
  sequence: integer('sequence').notNull().unique(),
  businessDay: text('business_day').notNull(),
  periodFrom: text('period_from').notNull(),
  periodTo: text('period_to').notNull(),
  closedBy: text('closed_by'),
  report: text('report').notNull(),
  createdAt: text('created_at').notNull(),
});
