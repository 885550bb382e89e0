/**
 * "Shifts & cash" in a store's page: its drawer sessions with over/short, timesheets and Z
 * reports for a business day (or the seven days up to it), from what the store pushed. The
 * day starts as the store's current business day, which the cloud decides.
 */
import { useState } from 'react';
import type { OwnerClient } from './owner-api';
import { type DayRange, staffCashApi } from './staff-cash-api';
import { shiftDay } from './staff-cash-format';
import { DrawerSessionList, TimesheetTable, ZReportTable, makeFormatters } from './staff-cash-tables';
import { usePoll } from './use-poll';
import './staff-cash.css';

const REFRESH_MS = 15_000;

export function StaffCashPanel({ client, storeId, timezone }: { client: OwnerClient; storeId: string; timezone: string }) {
  const [day, setDay] = useState<string | null>(null);
  const [span, setSpan] = useState<1 | 7>(1);
  const range: DayRange | null = day === null ? null : { from: shiftDay(day, 1 - span), to: day };
  const key = `${storeId}-${range?.from ?? 'today'}-${range?.to ?? ''}`;
  const sessions = usePoll(() => staffCashApi.drawerSessions(client, storeId, range), REFRESH_MS, `drawers-${key}`);
  const sheets = usePoll(() => staffCashApi.timesheets(client, storeId, range), REFRESH_MS, `sheets-${key}`);
  const zs = usePoll(() => staffCashApi.zReports(client, storeId, range), REFRESH_MS, `z-${key}`);
  const shown = sessions.data ?? sheets.data ?? zs.data;
  const currentDay = day ?? shown?.to ?? null;
  const f = makeFormatters(shown?.currency ?? 'USD', timezone);
  const error = sessions.error ?? sheets.error ?? zs.error;
  const chooseSpan = (value: 1 | 7) => {
    setSpan(value);
    if (day === null && currentDay !== null) setDay(currentDay);
  };

  return (
    <section className="card staff-cash" aria-labelledby="staff-cash-h">
      <h2 id="staff-cash-h">Shifts &amp; cash</h2>
      <div className="inline-form day-picker">
        <button type="button" className="btn" disabled={currentDay === null} onClick={() => currentDay && setDay(shiftDay(currentDay, -1))} aria-label="Previous day">◀</button>
        <label>
          Business day
          <input type="date" value={currentDay ?? ''} onChange={(e) => setDay(e.target.value === '' ? null : e.target.value)} />
        </label>
        <button type="button" className="btn" disabled={currentDay === null} onClick={() => currentDay && setDay(shiftDay(currentDay, 1))} aria-label="Next day">▶</button>
        <label>
          Show
          <select value={span} onChange={(e) => chooseSpan(e.target.value === '7' ? 7 : 1)}>
            <option value={1}>that day</option>
            <option value={7}>7 days up to it</option>
          </select>
        </label>
      </div>
      {error && <p role="alert" className="hint hint-error">{error}</p>}
      <h3>Drawer sessions</h3>
      {sessions.data ? <DrawerSessionList sessions={sessions.data.sessions} f={f} /> : <p className="muted">Loading…</p>}
      <h3>Timesheets</h3>
      <div className="table-scroll">{sheets.data ? <TimesheetTable rows={sheets.data.rows} f={f} /> : <p className="muted">Loading…</p>}</div>
      <h3>Z reports</h3>
      <div className="table-scroll">{zs.data ? <ZReportTable reports={zs.data.reports} f={f} /> : <p className="muted">Loading…</p>}</div>
    </section>
  );
}
