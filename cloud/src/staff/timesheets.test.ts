/** Timesheets: punches pair into shifts with breaks excluded, per person and business day. */
import { describe, expect, it } from 'vitest';
import { type PunchRow, timesheetsFrom } from './timesheets';

const p = (staffId: string, kind: PunchRow['kind'], at: string, businessDay = at.slice(0, 10), correctedAt: string | null = null): PunchRow =>
  ({ staffId, staffName: staffId === 'a' ? 'Ann' : 'Bob', kind, at, businessDay, correctedAt });
const range = { from: '2026-03-10', to: '2026-03-10' };

describe('timesheetsFrom', () => {
  it('counts worked minutes without breaks, and a clock-out past midnight on the day the shift began', () => {
    const rows = timesheetsFrom([
      p('a', 'clock_in', '2026-03-10T16:00:00.000Z'),
      p('a', 'break_start', '2026-03-10T19:00:00.000Z'),
      p('a', 'break_end', '2026-03-10T19:45:00.000Z'),
      // 01:30 the next morning is still the 10th's business day at the store, and so is the shift.
      p('a', 'clock_out', '2026-03-11T01:30:00.000Z', '2026-03-11'),
    ], range, '2026-03-11T12:00:00.000Z');
    expect(rows).toEqual([{
      staffId: 'a', name: 'Ann', businessDay: '2026-03-10', open: false, workedMinutes: 9 * 60 + 30 - 45, breakMinutes: 45,
      shifts: [{ clockIn: '2026-03-10T16:00:00.000Z', clockOut: '2026-03-11T01:30:00.000Z', breaks: [{ start: '2026-03-10T19:00:00.000Z', end: '2026-03-10T19:45:00.000Z' }], workedMinutes: 525, breakMinutes: 45, corrected: false }],
    }]);
  });

  it('shows an open shift up to now, and an open break as a break', () => {
    const rows = timesheetsFrom([
      p('b', 'clock_in', '2026-03-10T10:00:00.000Z'),
      p('b', 'break_start', '2026-03-10T12:00:00.000Z'),
    ], range, '2026-03-10T12:20:00.000Z');
    expect(rows.map((r) => [r.name, r.open, r.workedMinutes, r.breakMinutes])).toEqual([['Bob', true, 120, 20]]);
  });

  it('keeps two shifts of one day apart, flags a corrected punch, and leaves days outside the range out', () => {
    const rows = timesheetsFrom([
      p('a', 'clock_in', '2026-03-09T10:00:00.000Z'),
      p('a', 'clock_out', '2026-03-09T11:00:00.000Z'),
      p('a', 'clock_in', '2026-03-10T08:00:00.000Z'),
      p('a', 'clock_out', '2026-03-10T09:00:00.000Z', '2026-03-10', '2026-03-10T20:00:00.000Z'),
      p('a', 'clock_in', '2026-03-10T17:00:00.000Z'),
      p('a', 'clock_out', '2026-03-10T17:10:30.000Z'),
    ], range, '2026-03-11T00:00:00.000Z');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.shifts.map((s) => [s.workedMinutes, s.corrected])).toEqual([[60, true], [10, false]]);
    expect(rows[0]?.workedMinutes).toBe(70);
  });
});
