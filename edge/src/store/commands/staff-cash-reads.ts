/** Reads for the staff and cash screens: the matrix, today's shifts, drawers, X and Z reports. */
import { desc, eq, gt, inArray } from 'drizzle-orm';
import {
  BrigadeError, type Cents, type DayReport, type DrawerMovement, type DrawerSession, type Permission, type PermissionMatrix,
  type PunchKind, type Shift, type StaffRole, type TimePunch, clockStateAfter, expectedCash,
} from '@brigade/sync/model';
import { drawerSessions, staff, timePunches, zReports } from '@brigade/sync/schema/sqlite';
import { businessDayOf, iso } from '../clock';
import type { StoreContext } from '../store-context';
import { movementsOf, openSessionOf } from './drawer-session-commands';
import { BEGINNING, computeDayReport, lastZ } from './report-figures';
import { permissionMatrix, permissionsManagedByOwner, roleHas } from './staff-permission-check';

export interface ZReportSummary {
  id: string;
  sequence: number;
  businessDay: string;
  periodFrom: string;
  periodTo: string;
  closedBy: string | null;
}

export interface StaffCashReads {
  permissions(): PermissionMatrix;
  /** True once the owner manages the matrix from the dashboard: the POS shows it read-only. */
  permissionsManagedByOwner(): boolean;
  roleHas(role: StaffRole, permission: Permission): boolean;
  /** Shifts of a business day (today's by default), oldest first. */
  shifts(businessDay?: string): Shift[];
  /** The open session of a terminal's drawer; `expected` is left out for a blind count. */
  drawerSession(deviceId: string, opts: { showExpected: boolean }): DrawerSession | null;
  /** Sessions of the period since the last Z, newest first. */
  drawerSessions(): DrawerSession[];
  xReport(): DayReport;
  zReports(limit?: number): ZReportSummary[];
  zReport(id: string): DayReport;
}

type SessionRow = typeof drawerSessions.$inferSelect;
type PunchRow = typeof timePunches.$inferSelect;

function sessionFromRow(store: StoreContext, row: SessionRow, showExpected: boolean): DrawerSession {
  const movements: DrawerMovement[] = movementsOf(store.orm, row.id).map((m) => ({
    id: m.id, kind: m.kind, amount: m.amount as Cents, reason: m.reason, paymentId: m.paymentId, staffId: m.staffId,
    approvedBy: m.approvedBy, at: m.createdAt,
  }));
  const closed = row.status === 'closed';
  const expected = closed ? row.expected : showExpected ? expectedCash(row.float, movements) : null;
  const money = (n: number | null): Cents | null => (n === null ? null : (n as Cents));
  return {
    id: row.id, deviceId: row.deviceId, businessDay: row.businessDay, status: row.status, openedBy: row.openedBy, openedAt: row.openedAt,
    float: row.float as Cents, closedBy: row.closedBy, closedAt: row.closedAt, counted: money(row.counted), expected: money(expected), overShort: money(row.overShort),
    // A blind count sees what was paid in and out, not the sales that would give the total away.
    movements: showExpected || closed ? movements : movements.filter((m) => m.kind !== 'sale' && m.kind !== 'refund'),
  };
}

function punchFromRow(row: PunchRow): TimePunch {
  return {
    id: row.id, staffId: row.staffId, kind: row.kind, at: row.at, originalAt: row.originalAt, correctedBy: row.correctedBy,
    correctionReason: row.correctionReason, deviceId: row.deviceId, businessDay: row.businessDay,
  };
}

/** Pairs a person's punches of one day into shifts; an open shift counts up to `now`. */
export function shiftsFromPunches(punches: readonly TimePunch[], names: ReadonlyMap<string, string>, now: Date): Shift[] {
  const shifts: Shift[] = [];
  const byStaff = new Map<string, TimePunch[]>();
  for (const p of punches) byStaff.set(p.staffId, [...(byStaff.get(p.staffId) ?? []), p]);
  for (const [staffId, list] of byStaff) {
    let current: { clockIn: TimePunch; clockOut: TimePunch | null; breaks: { start: TimePunch; end: TimePunch | null }[]; last: PunchKind } | null = null;
    const finish = (): void => {
      if (!current) return;
      const end = Date.parse(current.clockOut?.at ?? iso(now));
      const onBreak = current.breaks.reduce((sum, b) => sum + (Date.parse(b.end?.at ?? iso(now)) - Date.parse(b.start.at)), 0);
      const workedMinutes = Math.max(0, Math.floor((end - Date.parse(current.clockIn.at) - onBreak) / 60_000));
      shifts.push({ staffId, name: names.get(staffId) ?? staffId, clockIn: current.clockIn, clockOut: current.clockOut, breaks: current.breaks, workedMinutes, state: clockStateAfter(current.last) });
      current = null;
    };
    for (const p of [...list].sort((a, b) => a.at.localeCompare(b.at))) {
      if (p.kind === 'clock_in') {
        finish();
        current = { clockIn: p, clockOut: null, breaks: [], last: 'clock_in' };
      } else if (current) {
        current.last = p.kind;
        if (p.kind === 'break_start') current.breaks.push({ start: p, end: null });
        else if (p.kind === 'break_end') {
          const open = current.breaks.at(-1);
          if (open && open.end === null) open.end = p;
        } else {
          current.clockOut = p;
          finish();
        }
      }
    }
    finish();
  }
  return shifts.sort((a, b) => a.clockIn.at.localeCompare(b.clockIn.at));
}

export function createStaffCashReads(store: StoreContext): StaffCashReads {
  return {
    permissions: () => permissionMatrix(store.orm),
    permissionsManagedByOwner: () => permissionsManagedByOwner(store.orm),
    roleHas: (role, permission) => roleHas(store.orm, role, permission),
    shifts(businessDay) {
      const row = store.storeRow();
      const day = businessDay ?? businessDayOf(store.now(), row.timezone, row.businessDayEndHour);
      const punches = store.orm.select().from(timePunches).where(eq(timePunches.businessDay, day)).all().map(punchFromRow);
      const ids = [...new Set(punches.map((p) => p.staffId))];
      const names = new Map(ids.length === 0 ? [] : store.orm.select({ id: staff.id, name: staff.name }).from(staff).where(inArray(staff.id, ids)).all().map((s) => [s.id, s.name] as const));
      return shiftsFromPunches(punches, names, store.now());
    },
    drawerSession(deviceId, opts) {
      const row = openSessionOf(store.orm, deviceId);
      return row ? sessionFromRow(store, row, opts.showExpected) : null;
    },
    drawerSessions() {
      const from = lastZ(store.sqlite)?.periodTo ?? BEGINNING;
      return store.orm.select().from(drawerSessions).where(gt(drawerSessions.openedAt, from)).orderBy(desc(drawerSessions.openedAt)).all()
        .map((r) => sessionFromRow(store, r, true));
    },
    xReport() {
      const from = lastZ(store.sqlite)?.periodTo ?? BEGINNING;
      return computeDayReport(store, { kind: 'x', from, to: iso(store.now()), sequence: null, closedBy: null });
    },
    zReports(limit = 30) {
      return store.orm.select({
        id: zReports.id, sequence: zReports.sequence, businessDay: zReports.businessDay, periodFrom: zReports.periodFrom, periodTo: zReports.periodTo, closedBy: zReports.closedBy,
      }).from(zReports).orderBy(desc(zReports.sequence)).limit(Math.min(Math.max(1, limit), 500)).all();
    },
    zReport(id) {
      const row = store.orm.select({ report: zReports.report }).from(zReports).where(eq(zReports.id, id)).get();
      if (!row) throw new BrigadeError('REPORT_NOT_FOUND', undefined, { reportId: id });
      return JSON.parse(row.report) as DayReport;
    },
  };
}
