/**
 * The owner's staff and cash views of one store over a range of business days, read from what
 * the store pushed (staff-cash-appliers.ts). A Z report is checked against the payments of the
 * orders the store synced: each tender's payments taken in the Z's period must add up to the
 * Z's figure, to the cent; a difference means orders are still on their way, or worse.
 */
import { and, asc, between, eq, sql } from 'drizzle-orm';
import type { DayReport } from '@brigade/sync/model';
import type {
  DrawerSessionSnapshot, DrawerSessionView, TenderReconciliation, TimesheetRow, ZReportView,
} from '@brigade/sync/protocol';
import { drawerSessions, timePunches, zReports } from '@brigade/sync/schema/pg';
import type { CloudDb } from '../db/database';
import { queryRows } from '../db/database';
import { timesheetsFrom } from './timesheets';

export interface DayRange {
  readonly from: string;
  readonly to: string;
}

function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

function sessionView(s: DrawerSessionSnapshot): DrawerSessionView {
  const name = (id: string | null): string | null => (id === null ? null : (s.names[id] ?? id));
  return {
    id: s.id, deviceId: s.deviceId, businessDay: s.businessDay, status: s.status,
    openedBy: name(s.openedBy), openedAt: s.openedAt, closedBy: name(s.closedBy), closedAt: s.closedAt,
    float: s.float, cashSales: s.cash.sales, cashRefunds: s.cash.refunds, payIns: s.cash.payIns, payOuts: s.cash.payOuts, drops: s.cash.drops,
    expected: s.expected, counted: s.counted, overShort: s.overShort,
    movements: s.movements.map((m) => ({ id: m.id, kind: m.kind, amount: m.amount, reason: m.reason, by: name(m.staffId), approvedBy: name(m.approvedBy), at: m.at })),
    noSales: s.noSales.map((n) => ({ at: n.at, by: name(n.staffId), approvedBy: name(n.approvedBy), reason: n.reason })),
  };
}

export async function drawerSessionsOf(db: CloudDb, storeId: string, range: DayRange): Promise<DrawerSessionView[]> {
  const rows = await db.select({ document: drawerSessions.document }).from(drawerSessions)
    .where(and(eq(drawerSessions.storeId, storeId), between(drawerSessions.businessDay, range.from, range.to)))
    .orderBy(asc(drawerSessions.openedAt), asc(drawerSessions.id));
  return rows.map((r) => sessionView(r.document as DrawerSessionSnapshot));
}

export async function timesheetsOf(db: CloudDb, storeId: string, range: DayRange, now: Date): Promise<TimesheetRow[]> {
  // The day after the range too: a shift that started in it may clock out after the day rolled over.
  const punches = await db.select({
    staffId: timePunches.staffId, staffName: timePunches.staffName, kind: timePunches.kind, at: timePunches.at,
    businessDay: timePunches.businessDay, correctedAt: timePunches.correctedAt,
  }).from(timePunches)
    .where(and(eq(timePunches.storeId, storeId), between(timePunches.businessDay, range.from, dayAfter(range.to))))
    .orderBy(asc(timePunches.at), asc(timePunches.id));
  return timesheetsFrom(punches, range, now.toISOString());
}

async function syncedPayments(db: CloudDb, storeId: string, report: DayReport): Promise<Map<string, number>> {
  // The store's first Z covers everything before it; its `from` only says when the store began.
  const after = report.sequence === 1 ? '' : report.from;
  const rows = await queryRows<{ tender: string; amount: string }>(
    db,
    sql`SELECT p->>'tender' AS tender, coalesce(sum((p->>'amount')::bigint), 0)::text AS amount
        FROM orders, jsonb_array_elements(document->'payments') p
        WHERE store_id = ${storeId} AND owner = 'edge' AND p->>'createdAt' > ${after} AND p->>'createdAt' <= ${report.to}
        GROUP BY 1`,
  );
  return new Map(rows.map((r) => [r.tender, Number(r.amount)]));
}

export async function zReportsOf(db: CloudDb, storeId: string, range: DayRange): Promise<ZReportView[]> {
  const rows = await db.select().from(zReports)
    .where(and(eq(zReports.storeId, storeId), between(zReports.businessDay, range.from, range.to)))
    .orderBy(asc(zReports.sequence));
  const views: ZReportView[] = [];
  for (const row of rows) {
    const r = row.report as DayReport;
    const synced = await syncedPayments(db, storeId, r);
    const tenderNames = [...new Set([...r.tenders.map((t) => t.tender as string), ...synced.keys()])].sort();
    const tenders: TenderReconciliation[] = tenderNames.map((tender) => {
      const reported = r.tenders.find((t) => t.tender === tender)?.amount ?? 0;
      const fromOrders = synced.get(tender) ?? 0;
      return { tender, reported, synced: fromOrders, difference: fromOrders - reported };
    });
    views.push({
      id: row.id, sequence: row.sequence, businessDay: row.businessDay, from: r.from, to: r.to, closedBy: row.closedByName ?? row.closedBy,
      gross: r.gross, net: r.net, tax: r.tax, payments: r.payments, tips: r.tips, refunds: r.refunds.amount,
      cashExpected: r.cash.expected, cashCounted: r.cash.counted, overShort: r.cash.overShort, noSales: r.cash.noSales, unsynced: r.unsynced,
      tenders, reconciles: tenders.every((t) => t.difference === 0),
    });
  }
  return views;
}
