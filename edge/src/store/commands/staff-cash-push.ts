/**
 * The outbox rows of staff and cash (sync/protocol/staff-cash-push.ts), written by the drawer,
 * time clock and report commands inside their own transaction. A drawer session goes up whole
 * when a person changes it (open, pay-in, pay-out, drop, no-sale, close), not on every cash
 * sale: a sale would cost the payment path a read of the session's history, and the close
 * carries the day's cash sales anyway. Its version counts those changes, so it grows by one
 * each time and never repeats.
 */
import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import { type DayReport, expectedCash } from '@brigade/sync/model';
import { DRAWER_MOVEMENTS_MAX, DRAWER_NO_SALES_MAX, STAFF_NAMES_MAX, type DrawerSessionSnapshot, type PushedDrawerMovement, type PushedNoSale } from '@brigade/sync/protocol';
import { auditLog, drawerMovements, drawerSessions, staff, timePunches } from '@brigade/sync/schema/sqlite';
import type { CommandTx } from '../command-tx';
import type { Orm } from '../store-context';

/** The push schema's bounds (a longer name is cut rather than stopping the store's queue with a 400). */
const NAME_MAX = 80;

function namesOf(orm: Orm, ids: readonly (string | null)[]): Record<string, string> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))].slice(0, STAFF_NAMES_MAX);
  if (wanted.length === 0) return {};
  return Object.fromEntries(orm.select({ id: staff.id, name: staff.name }).from(staff).where(inArray(staff.id, wanted)).all().map((s) => [s.id, s.name.slice(0, NAME_MAX)]));
}

function noSalesOf(orm: Orm, session: typeof drawerSessions.$inferSelect): PushedNoSale[] {
  const window = [gte(auditLog.at, session.openedAt), ...(session.closedAt === null ? [] : [lte(auditLog.at, session.closedAt)])];
  return orm.select().from(auditLog)
    .where(and(eq(auditLog.action, 'drawer.open'), eq(auditLog.deviceId, session.deviceId), ...window))
    .orderBy(auditLog.at, auditLog.id).all()
    .map((a) => {
      const detail = JSON.parse(a.detail) as { reason?: unknown };
      return { id: a.id, at: a.at, staffId: a.staffId, approvedBy: a.approvedBy, reason: typeof detail.reason === 'string' ? detail.reason : null };
    });
}

/** Queues the session as it now stands; call after the command's own writes (and its audit entry, for a no-sale). */
export function pushDrawerSession(tx: CommandTx, sessionId: string): void {
  const session = tx.orm.select().from(drawerSessions).where(eq(drawerSessions.id, sessionId)).get();
  if (!session) return;
  const rows = tx.orm.select().from(drawerMovements).where(eq(drawerMovements.sessionId, session.id)).orderBy(drawerMovements.createdAt, drawerMovements.id).all();
  const cash = { sales: 0, salesCount: 0, refunds: 0, refundsCount: 0, payIns: 0, payOuts: 0, drops: 0, movementCount: 0 };
  const movements: PushedDrawerMovement[] = [];
  for (const m of rows) {
    if (m.kind === 'sale') {
      cash.sales += m.amount;
      cash.salesCount += 1;
    } else if (m.kind === 'refund') {
      cash.refunds += m.amount;
      cash.refundsCount += 1;
    } else {
      if (m.kind === 'pay_in') cash.payIns += m.amount;
      else if (m.kind === 'pay_out') cash.payOuts += m.amount;
      else cash.drops += m.amount;
      cash.movementCount += 1;
      movements.push({ id: m.id, kind: m.kind, amount: m.amount, reason: m.reason, staffId: m.staffId, approvedBy: m.approvedBy, at: m.createdAt });
    }
  }
  // Beyond the schema's bound only the latest are listed; the totals above stay whole.
  const listed = movements.slice(-DRAWER_MOVEMENTS_MAX);
  const noSales = noSalesOf(tx.orm, session);
  const closed = session.status === 'closed';
  const snapshot: DrawerSessionSnapshot = {
    id: session.id,
    deviceId: session.deviceId,
    businessDay: session.businessDay,
    status: session.status,
    openedBy: session.openedBy,
    openedAt: session.openedAt,
    float: session.float,
    closedBy: session.closedBy,
    closedAt: session.closedAt,
    counted: closed ? session.counted : null,
    expected: session.expected ?? expectedCash(session.float, rows),
    overShort: closed ? session.overShort : null,
    cash,
    movements: listed,
    // The version counts every no-sale; the list keeps the latest the schema allows.
    noSales: noSales.slice(-DRAWER_NO_SALES_MAX),
    names: namesOf(tx.orm, [session.openedBy, session.closedBy, ...listed.flatMap((m) => [m.staffId, m.approvedBy]), ...noSales.flatMap((n) => [n.staffId, n.approvedBy])]),
  };
  tx.push({ name: 'drawer.session', args: { session: snapshot, version: 1 + cash.movementCount + noSales.length + (closed ? 1 : 0) } });
}

/** A no-sale opened this till's drawer: its open session (if any) goes up with the no-sale on it. */
export function pushNoSale(tx: CommandTx, deviceId: string | null): void {
  if (deviceId === null) return;
  const open = tx.orm.select({ id: drawerSessions.id }).from(drawerSessions).where(and(eq(drawerSessions.deviceId, deviceId), eq(drawerSessions.status, 'open'))).get();
  if (open) pushDrawerSession(tx, open.id);
}

/** Queues a punch as it now stands: once when punched, again with each correction. */
export function pushPunch(tx: CommandTx, punchId: string): void {
  const punch = tx.orm.select().from(timePunches).where(eq(timePunches.id, punchId)).get();
  if (!punch) return;
  tx.push({
    name: 'timeclock.punch',
    args: {
      id: punch.id, staffId: punch.staffId, staffName: namesOf(tx.orm, [punch.staffId])[punch.staffId] ?? '', kind: punch.kind, at: punch.at,
      businessDay: punch.businessDay, deviceId: punch.deviceId, originalAt: punch.originalAt, correctedBy: punch.correctedBy,
      correctedAt: punch.correctedAt, correctionReason: punch.correctionReason,
    },
  });
}

export function pushZReport(tx: CommandTx, z: { id: string; report: DayReport }): void {
  const sequence = z.report.sequence;
  if (sequence === null) throw new Error('only a Z report goes up as report.z');
  const closedBy = z.report.closedBy;
  tx.push({
    name: 'report.z',
    args: { id: z.id, sequence, businessDay: z.report.businessDay, closedBy, closedByName: closedBy === null ? null : (namesOf(tx.orm, [closedBy])[closedBy] ?? null), report: z.report },
  });
}
