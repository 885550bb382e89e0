/**
 * Closing the day: the Z report takes the next number, freezes the period's figures, prints
 * on the receipt printer and goes up to the cloud as `report.z`. Every drawer must be
 * counted first, so the cash on the Z is cash somebody counted.
 */
import { eq } from 'drizzle-orm';
import { BrigadeError, type DayReport } from '@brigade/sync/model';
import { drawerSessions, staff, zReports } from '@brigade/sync/schema/sqlite';
import { defineCommand } from '../command-registry';
import type { Orm } from '../store-context';
import { BEGINNING, computeDayReport, lastZ } from './report-figures';
import { pushZReport } from './staff-cash-push';

function staffName(orm: Orm, id: string | null): string | null {
  if (id === null) return null;
  return orm.select({ name: staff.name }).from(staff).where(eq(staff.id, id)).get()?.name ?? null;
}

export const reportCloseDay = defineCommand({
  name: 'report.closeDay',
  roles: ['pos'],
  needsStaff: true,
  needsManager: true,
  run(tx, ctx, args) {
    if (tx.orm.select({ id: zReports.id }).from(zReports).where(eq(zReports.id, args.reportId)).get()) {
      throw new BrigadeError('VALIDATION_FAILED', 'A Z report with this id already exists.', { reportId: args.reportId });
    }
    const open = tx.orm.select({ id: drawerSessions.id, deviceId: drawerSessions.deviceId }).from(drawerSessions).where(eq(drawerSessions.status, 'open')).all();
    if (open.length > 0) throw new BrigadeError('DRAWERS_STILL_OPEN', undefined, { open: open.length, sessionId: open[0]?.id ?? null });
    const previous = lastZ(ctx.store.sqlite);
    const from = previous?.periodTo ?? BEGINNING;
    if (from >= tx.now) throw new BrigadeError('DAY_ALREADY_CLOSED', undefined, { sequence: previous?.sequence ?? null });
    const sequence = (previous?.sequence ?? 0) + 1;
    const closedBy = ctx.actor.staff?.id ?? ctx.approvedBy;
    const report = computeDayReport(ctx.store, { kind: 'z', from, to: tx.now, sequence, closedBy });
    tx.orm.insert(zReports).values({
      id: args.reportId, sequence, businessDay: report.businessDay, periodFrom: from, periodTo: tx.now, closedBy, report: JSON.stringify(report), createdAt: tx.now,
    }).run();
    const printJobId = tx.printJob({
      idemKey: `report:z:${args.reportId}`, printerRole: 'receipt', payload: { kind: 'report', report, closedByName: staffName(tx.orm, closedBy), reprint: false },
    });
    tx.audit('report.closeDay', {
      detail: {
        reportId: args.reportId, sequence, businessDay: report.businessDay, from, to: tx.now, gross: report.gross, net: report.net,
        payments: report.payments, tips: report.tips, refunds: report.refunds.amount, cashExpected: report.cash.expected,
        cashCounted: report.cash.counted, overShort: report.cash.overShort, printJobId,
      },
    });
    // The whole report goes up as its own mutation: as one JSON string in the audit detail it
    // outgrew the push schema's 1,000 characters on a day with several tenders and tax rates,
    // which would have refused the store's whole push.
    pushZReport(tx, { id: args.reportId, report });
    return { reportId: args.reportId, report, printJobId };
  },
});

export const reportReprintZ = defineCommand({
  name: 'report.reprintZ',
  roles: ['pos'],
  needsStaff: true,
  needsManager: true,
  run(tx, ctx, args) {
    const row = tx.orm.select().from(zReports).where(eq(zReports.id, args.reportId)).get();
    if (!row) throw new BrigadeError('REPORT_NOT_FOUND', undefined, { reportId: args.reportId });
    const report = JSON.parse(row.report) as DayReport;
    const printJobId = tx.printJob({
      idemKey: `report:z:${row.id}:reprint:${ctx.commandId}`, printerRole: 'receipt',
      payload: { kind: 'report', report, closedByName: staffName(tx.orm, row.closedBy), reprint: true }, reprint: true,
    });
    tx.audit('report.reprintZ', { detail: { reportId: row.id, sequence: row.sequence, printJobId } });
    return { reportId: row.id, sequence: row.sequence, printJobId };
  },
});

export const reportPrintX = defineCommand({
  name: 'report.printX',
  roles: ['pos'],
  needsStaff: true,
  needsManager: true,
  run(tx, ctx) {
    const from = lastZ(ctx.store.sqlite)?.periodTo ?? BEGINNING;
    const report = computeDayReport(ctx.store, { kind: 'x', from, to: tx.now, sequence: null, closedBy: null });
    const printJobId = tx.printJob({ idemKey: `report:x:${ctx.commandId}`, printerRole: 'receipt', payload: { kind: 'report', report, closedByName: null, reprint: false } });
    tx.audit('report.printX', { detail: { printJobId, businessDay: report.businessDay, payments: report.payments, cashExpected: report.cash.expected } });
    return { report, printJobId };
  },
});
