/**
 * Cash drawers and the time clock as the screens and the store see them. A drawer session
 * belongs to one terminal's drawer: it opens with a float, collects that terminal's cash
 * sales and refunds, pay-ins, pay-outs and drops, and closes with a blind count.
 */
import type { Cents } from './money';

export type DrawerMovementKind = 'sale' | 'refund' | 'pay_in' | 'pay_out' | 'drop';

/** Cash counted as notes and coins: `value` in minor units, `count` pieces of it. */
export interface Denomination {
  readonly value: number;
  readonly count: number;
}

export interface DrawerMovement {
  readonly id: string;
  readonly kind: DrawerMovementKind;
  /** Always positive; `kind` says whether cash came in or went out. */
  readonly amount: Cents;
  readonly reason: string | null;
  readonly paymentId: string | null;
  readonly staffId: string | null;
  readonly approvedBy: string | null;
  readonly at: string;
}

/**
 * Which till's session on which day, who opened and closed it and when: the part the store's
 * session, the pushed snapshot and the owner's view share (their figures differ in shape).
 */
export interface DrawerSessionHeader {
  readonly id: string;
  readonly deviceId: string;
  readonly businessDay: string;
  readonly status: 'open' | 'closed';
  readonly openedBy: string | null;
  readonly openedAt: string;
  readonly closedBy: string | null;
  readonly closedAt: string | null;
}

export interface DrawerSession extends DrawerSessionHeader {
  readonly float: Cents;
  readonly counted: Cents | null;
  /** Hidden from whoever counts blind (no `reports.view`) while the session is open. */
  readonly expected: Cents | null;
  readonly overShort: Cents | null;
  readonly movements: readonly DrawerMovement[];
}

/** Cash going into the drawer counts up, cash leaving it counts down. */
export function signedMovement(kind: DrawerMovementKind, amount: number): number {
  return kind === 'sale' || kind === 'pay_in' ? amount : -amount;
}

/** What should be in the drawer: the float plus every movement, signed. */
export function expectedCash(float: number, movements: readonly { kind: DrawerMovementKind; amount: number }[]): Cents {
  return movements.reduce((sum, m) => sum + signedMovement(m.kind, m.amount), float) as Cents;
}

/** The total of a count by denomination. */
export function denominationTotal(pieces: readonly Denomination[]): Cents {
  return pieces.reduce((sum, p) => sum + p.value * p.count, 0) as Cents;
}

export type PunchKind = 'clock_in' | 'clock_out' | 'break_start' | 'break_end';

export interface TimePunch {
  readonly id: string;
  readonly staffId: string;
  readonly kind: PunchKind;
  readonly at: string;
  /** The time first recorded, when a manager corrected it. */
  readonly originalAt: string | null;
  readonly correctedBy: string | null;
  readonly correctionReason: string | null;
  readonly deviceId: string | null;
  readonly businessDay: string;
}

export type ClockState = 'out' | 'in' | 'on_break';

/** Where a member of staff stands after their last punch. */
export function clockStateAfter(kind: PunchKind | null): ClockState {
  if (kind === 'clock_in' || kind === 'break_end') return 'in';
  if (kind === 'break_start') return 'on_break';
  return 'out';
}

/** The punches that may follow a state; anything else is out of order. */
export function allowedPunches(state: ClockState): readonly PunchKind[] {
  if (state === 'out') return ['clock_in'];
  if (state === 'in') return ['break_start', 'clock_out'];
  return ['break_end'];
}

/** One shift of one person today, as the POS lists it. */
export interface Shift {
  readonly staffId: string;
  readonly name: string;
  readonly clockIn: TimePunch;
  readonly clockOut: TimePunch | null;
  readonly breaks: readonly { start: TimePunch; end: TimePunch | null }[];
  /** Minutes worked so far, breaks excluded (up to now for an open shift). */
  readonly workedMinutes: number;
  readonly state: ClockState;
}
