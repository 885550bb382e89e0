/**
 * The owner dashboard's views of a store's staff and cash (`GET /api/stores/:id/drawer-sessions`,
 * `/timesheets`, `/z-reports`), written by the cloud and read by the dashboard. Amounts are
 * integer minor units of `currency`.
 */
import type { DrawerSessionHeader } from '../model/drawer';

export interface DrawerMovementView {
  readonly id: string;
  readonly kind: 'pay_in' | 'pay_out' | 'drop';
  readonly amount: number;
  readonly reason: string | null;
  readonly by: string | null;
  readonly approvedBy: string | null;
  readonly at: string;
}

export interface DrawerSessionView extends DrawerSessionHeader {
  readonly float: number;
  readonly cashSales: number;
  readonly cashRefunds: number;
  readonly payIns: number;
  readonly payOuts: number;
  readonly drops: number;
  readonly expected: number;
  readonly counted: number | null;
  /** counted − expected: positive is over, negative short; null until counted. */
  readonly overShort: number | null;
  readonly movements: readonly DrawerMovementView[];
  readonly noSales: readonly { readonly at: string; readonly by: string | null; readonly approvedBy: string | null; readonly reason: string | null }[];
}

export interface TimesheetShift {
  readonly clockIn: string;
  readonly clockOut: string | null;
  readonly breaks: readonly { readonly start: string; readonly end: string | null }[];
  /** Minutes worked, breaks excluded; for an open shift, up to the last punch. */
  readonly workedMinutes: number;
  readonly breakMinutes: number;
  /** A punch a manager corrected is flagged for the owner. */
  readonly corrected: boolean;
}

export interface TimesheetRow {
  readonly staffId: string;
  readonly name: string;
  readonly businessDay: string;
  readonly shifts: readonly TimesheetShift[];
  readonly workedMinutes: number;
  readonly breakMinutes: number;
  /** The person is still clocked in (or on a break) at their last punch. */
  readonly open: boolean;
}

export interface TenderReconciliation {
  readonly tender: string;
  /** What the Z says the tender took (tips excluded). */
  readonly reported: number;
  /** Σ of the same tender's payments in the Z's period, from the orders the store synced. */
  readonly synced: number;
  readonly difference: number;
}

export interface ZReportView {
  readonly id: string;
  readonly sequence: number;
  readonly businessDay: string;
  readonly from: string;
  readonly to: string;
  readonly closedBy: string | null;
  readonly gross: number;
  readonly net: number;
  readonly tax: number;
  readonly payments: number;
  readonly tips: number;
  readonly refunds: number;
  readonly cashExpected: number;
  readonly cashCounted: number | null;
  readonly overShort: number | null;
  readonly noSales: number;
  /** Changes the store still had to push when it closed the day. */
  readonly unsynced: number;
  readonly tenders: readonly TenderReconciliation[];
  /** Every tender's synced payments add up to the Z's figure, to the cent. */
  readonly reconciles: boolean;
}

export interface StaffCashRange {
  readonly from: string;
  readonly to: string;
  readonly currency: string;
}

export interface DrawerSessionsResponse extends StaffCashRange {
  readonly sessions: readonly DrawerSessionView[];
}

export interface TimesheetsResponse extends StaffCashRange {
  readonly rows: readonly TimesheetRow[];
}

export interface ZReportsResponse extends StaffCashRange {
  readonly reports: readonly ZReportView[];
}

/** The longest range of business days one request may ask for. */
export const STAFF_CASH_RANGE_MAX_DAYS = 62;
