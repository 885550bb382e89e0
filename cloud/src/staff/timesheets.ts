/**
 * Timesheets from time punches: each person's punches in time order pair into shifts (clock in,
 * breaks, clock out). A shift counts on the business day of its clock-in, so a late close past
 * midnight stays on the day it started. Punches out of order are tolerated (a clock-in while
 * in closes the earlier shift where it last punched) rather than hidden, since the owner is
 * the one who should see them.
 */
import type { TimesheetRow, TimesheetShift } from '@brigade/sync/protocol';

export interface PunchRow {
  readonly staffId: string;
  readonly staffName: string;
  readonly kind: 'clock_in' | 'clock_out' | 'break_start' | 'break_end';
  readonly at: string;
  readonly businessDay: string;
  readonly correctedAt: string | null;
}

interface OpenShift {
  businessDay: string;
  clockIn: string;
  lastAt: string;
  clockOut: string | null;
  breaks: { start: string; end: string | null }[];
  corrected: boolean;
}

const MINUTE = 60_000;

function minutesBetween(from: string, to: string): number {
  return Math.max(0, Date.parse(to) - Date.parse(from)) / MINUTE;
}

/** Worked and break minutes of a shift; an open shift or break runs up to `now`. */
function finish(shift: OpenShift, now: string): TimesheetShift {
  const end = shift.clockOut ?? (now > shift.lastAt ? now : shift.lastAt);
  const breakMinutes = shift.breaks.reduce((sum, b) => sum + minutesBetween(b.start, b.end ?? end), 0);
  return {
    clockIn: shift.clockIn,
    clockOut: shift.clockOut,
    breaks: shift.breaks.map((b) => ({ start: b.start, end: b.end })),
    workedMinutes: Math.floor(minutesBetween(shift.clockIn, end) - breakMinutes),
    breakMinutes: Math.floor(breakMinutes),
    corrected: shift.corrected,
  };
}

/**
 * Rows per person and business day, for the days in [from, to]. `punches` may hold punches of
 * days around the range (a shift that started before it is left out, one that ends after it is
 * completed by its clock-out).
 */
export function timesheetsFrom(punches: readonly PunchRow[], range: { from: string; to: string }, now: string): TimesheetRow[] {
  const byStaff = new Map<string, PunchRow[]>();
  for (const p of punches) byStaff.set(p.staffId, [...(byStaff.get(p.staffId) ?? []), p]);
  const rows: TimesheetRow[] = [];
  for (const [staffId, own] of byStaff) {
    const sorted = [...own].sort((a, b) => a.at.localeCompare(b.at));
    const name = sorted.at(-1)?.staffName ?? '';
    const shifts: { day: string; shift: TimesheetShift; open: boolean }[] = [];
    let current: OpenShift | null = null;
    const close = (): void => {
      if (current) shifts.push({ day: current.businessDay, shift: finish(current, now), open: current.clockOut === null });
      current = null;
    };
    for (const p of sorted) {
      if (p.kind === 'clock_in') {
        close();
        current = { businessDay: p.businessDay, clockIn: p.at, lastAt: p.at, clockOut: null, breaks: [], corrected: p.correctedAt !== null };
        continue;
      }
      const shift: OpenShift | null = current;
      if (!shift) continue;
      shift.lastAt = p.at;
      shift.corrected ||= p.correctedAt !== null;
      const lastBreak = shift.breaks.at(-1);
      if (p.kind === 'break_start') shift.breaks.push({ start: p.at, end: null });
      else if (p.kind === 'break_end' && lastBreak && lastBreak.end === null) lastBreak.end = p.at;
      else if (p.kind === 'clock_out') {
        if (lastBreak && lastBreak.end === null) lastBreak.end = p.at;
        shift.clockOut = p.at;
        close();
      }
    }
    close();
    const days = new Map<string, { shifts: TimesheetShift[]; open: boolean }>();
    for (const s of shifts) {
      if (s.day < range.from || s.day > range.to) continue;
      const day = days.get(s.day) ?? { shifts: [], open: false };
      day.shifts.push(s.shift);
      day.open ||= s.open;
      days.set(s.day, day);
    }
    for (const [businessDay, day] of days) {
      rows.push({
        staffId, name, businessDay, shifts: day.shifts, open: day.open,
        workedMinutes: day.shifts.reduce((sum, s) => sum + s.workedMinutes, 0),
        breakMinutes: day.shifts.reduce((sum, s) => sum + s.breakMinutes, 0),
      });
    }
  }
  return rows.sort((a, b) => a.businessDay.localeCompare(b.businessDay) || a.name.localeCompare(b.name) || a.staffId.localeCompare(b.staffId));
}
