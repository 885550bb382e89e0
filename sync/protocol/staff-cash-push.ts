/**
 * Staff and cash facts the edge pushes to the cloud (docs/staff-and-cash.md § Sync), so the
 * owner sees shifts, over/short, timesheets and Z reports without the audit log:
 * - `drawer.session`: the whole session as it now stands, with a `version` that grows by one
 *   per change (open, each movement, each no-sale, the close); the highest version wins, as
 *   for `order.snapshot`, so an older snapshot arriving late changes nothing.
 * - `timeclock.punch`: one punch, deduplicated by id; a manager's correction re-sends it with
 *   `correctedAt`, and the latest correction wins.
 * - `report.z`: a closed day's figures, once per Z number; never changed afterwards.
 * Names ride along because the cloud keeps no staff list: the owner reads who, not an id.
 */
import type { DayReport } from '../model/reports';
import type { DrawerSessionHeader, PunchKind } from '../model/drawer';

/** Who did something at the store, as the store named them at the time. */
export type StaffNames = Readonly<Record<string, string>>;

/** A pay-in, pay-out or drop: cash a person moved by hand, with their reason. */
export interface PushedDrawerMovement {
  readonly id: string;
  readonly kind: 'pay_in' | 'pay_out' | 'drop';
  readonly amount: number;
  readonly reason: string | null;
  readonly staffId: string | null;
  readonly approvedBy: string | null;
  readonly at: string;
}

/** A no-sale on the session's till while it was open (the audit entry's id). */
export interface PushedNoSale {
  readonly id: string;
  readonly at: string;
  readonly staffId: string | null;
  readonly approvedBy: string | null;
  readonly reason: string | null;
}

export interface DrawerSessionSnapshot extends DrawerSessionHeader {
  readonly float: number;
  /** Null while open: the count is blind and happens at the close. */
  readonly counted: number | null;
  /** float + cash sales − cash refunds + pay-ins − pay-outs − drops, as of this snapshot. */
  readonly expected: number;
  readonly overShort: number | null;
  /**
   * Every movement of the session summed by kind. Cash sales and refunds are only summed (one
   * per cash payment would make a busy till's snapshot grow all day).
   */
  readonly cash: {
    readonly sales: number; readonly salesCount: number; readonly refunds: number; readonly refundsCount: number;
    readonly payIns: number; readonly payOuts: number; readonly drops: number; readonly movementCount: number;
  };
  /** The pay-ins, pay-outs and drops one by one: all of them, or the latest DRAWER_MOVEMENTS_MAX of `cash.movementCount`. */
  readonly movements: readonly PushedDrawerMovement[];
  readonly noSales: readonly PushedNoSale[];
  readonly names: StaffNames;
}

export interface PushedPunch {
  readonly id: string;
  readonly staffId: string;
  readonly staffName: string;
  readonly kind: PunchKind;
  readonly at: string;
  readonly businessDay: string;
  readonly deviceId: string | null;
  /** Set with a correction: the time first recorded. */
  readonly originalAt: string | null;
  readonly correctedBy: string | null;
  readonly correctedAt: string | null;
  readonly correctionReason: string | null;
}

export interface PushedZReport {
  readonly id: string;
  readonly sequence: number;
  readonly businessDay: string;
  readonly closedBy: string | null;
  readonly closedByName: string | null;
  readonly report: DayReport;
}

export type StaffCashMutation =
  | { readonly name: 'drawer.session'; readonly args: { readonly session: DrawerSessionSnapshot; readonly version: number } }
  | { readonly name: 'timeclock.punch'; readonly args: PushedPunch }
  | { readonly name: 'report.z'; readonly args: PushedZReport };

/** Bounds the push schema enforces, so one store cannot fill a row. */
export const DRAWER_MOVEMENTS_MAX = 1000;
export const DRAWER_NO_SALES_MAX = 500;
export const STAFF_NAMES_MAX = 64;
