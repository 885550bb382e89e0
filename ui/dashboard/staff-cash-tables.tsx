/** The three lists of "Shifts & cash": drawer sessions, timesheets and Z reports. */
import { cents, formatMoney } from '@brigade/sync/model';
import type { DrawerSessionView, TimesheetRow, ZReportView } from '@brigade/sync/protocol';
import { countText, minutesText, overShortLevel, overShortText, reconciliationText } from './staff-cash-format';

export interface Formatters {
  readonly money: (amount: number) => string;
  readonly time: (iso: string | null) => string;
  readonly currency: string;
}

export function makeFormatters(currency: string, timeZone: string): Formatters {
  const clock = new Intl.DateTimeFormat(undefined, { timeZone, hour: '2-digit', minute: '2-digit', month: 'short', day: 'numeric' });
  return {
    money: (amount) => formatMoney(cents(amount), currency),
    time: (iso) => (iso ? clock.format(new Date(iso)) : '—'),
    currency,
  };
}

function OverShort({ value, currency }: { value: number | null; currency: string }) {
  const level = overShortLevel(value);
  return <strong className={`over-short over-short-${level}`} data-over-short={level}>{overShortText(value, currency)}</strong>;
}

export function DrawerSessionList({ sessions, f }: { sessions: readonly DrawerSessionView[]; f: Formatters }) {
  if (sessions.length === 0) return <p className="muted">No drawer sessions on these days.</p>;
  return (
    <ul className="drawer-sessions">
      {sessions.map((s) => (
        <li key={s.id} className="card drawer-session" data-testid="drawer-session" data-status={s.status}>
          <div className="drawer-session-head">
            <span>
              Till <code>{s.deviceId.slice(-6)}</code> · {s.businessDay} · opened {f.time(s.openedAt)} by {s.openedBy ?? '—'}
              {s.status === 'closed' ? <> · closed {f.time(s.closedAt)} by {s.closedBy ?? '—'}</> : <span className="pill pill-warn">open</span>}
            </span>
            <OverShort value={s.overShort} currency={f.currency} />
          </div>
          <dl className="figures figures-small">
            <div><dt>Float</dt><dd>{f.money(s.float)}</dd></div>
            <div><dt>Cash sales</dt><dd>{f.money(s.cashSales)}</dd></div>
            <div><dt>Cash refunds</dt><dd>{f.money(s.cashRefunds)}</dd></div>
            <div><dt>Pay-ins</dt><dd>{f.money(s.payIns)}</dd></div>
            <div><dt>Pay-outs</dt><dd>{f.money(s.payOuts)}</dd></div>
            <div><dt>Drops</dt><dd>{f.money(s.drops)}</dd></div>
            <div><dt>Expected</dt><dd data-testid="drawer-expected">{f.money(s.expected)}</dd></div>
            <div><dt>Counted</dt><dd data-testid="drawer-counted">{s.counted === null ? '—' : f.money(s.counted)}</dd></div>
          </dl>
          {(s.movements.length > 0 || s.noSales.length > 0) && (
            <details>
              <summary>{countText(s.movements.length, 'cash movement')} · {countText(s.noSales.length, 'no-sale')}</summary>
              <ul className="movement-list">
                {s.movements.map((m) => (
                  <li key={m.id}>{f.time(m.at)} · {m.kind.replace('_', '-')} {f.money(m.amount)} · {m.reason ?? ''} · {m.by ?? '—'}{m.approvedBy && m.approvedBy !== m.by ? ` (approved by ${m.approvedBy})` : ''}</li>
                ))}
                {s.noSales.map((n) => (
                  <li key={`${n.at}-${n.by ?? ''}`} data-testid="no-sale">{f.time(n.at)} · no-sale: {n.reason ?? '—'} · {n.by ?? '—'}{n.approvedBy && n.approvedBy !== n.by ? ` (approved by ${n.approvedBy})` : ''}</li>
                ))}
              </ul>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}

export function TimesheetTable({ rows, f }: { rows: readonly TimesheetRow[]; f: Formatters }) {
  if (rows.length === 0) return <p className="muted">Nobody clocked in on these days.</p>;
  return (
    <table className="table" data-testid="timesheets">
      <thead><tr><th>Name</th><th>Day</th><th>Shifts</th><th>Worked</th><th>Breaks</th></tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.staffId}-${r.businessDay}`}>
            <td>{r.name} {r.open && <span className="pill pill-warn">clocked in</span>}</td>
            <td>{r.businessDay}</td>
            <td>
              {r.shifts.map((s) => (
                <div key={s.clockIn}>
                  {f.time(s.clockIn)} – {s.clockOut ? f.time(s.clockOut) : 'still in'}
                  {s.breaks.length > 0 && <span className="muted"> · {s.breaks.length} break{s.breaks.length > 1 ? 's' : ''}</span>}
                  {s.corrected && <span className="pill pill-warn">corrected</span>}
                </div>
              ))}
            </td>
            <td data-testid="timesheet-worked">{minutesText(r.workedMinutes)}</td>
            <td>{minutesText(r.breakMinutes)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ZReportTable({ reports, f }: { reports: readonly ZReportView[]; f: Formatters }) {
  if (reports.length === 0) return <p className="muted">No day closed on these days.</p>;
  return (
    <table className="table" data-testid="z-reports">
      <thead><tr><th>Z</th><th>Day</th><th>Net</th><th>Payments</th><th>Tips</th><th>Cash expected</th><th>Counted</th><th>Over/short</th><th>No-sales</th><th>Synced payments</th></tr></thead>
      <tbody>
        {reports.map((z) => (
          <tr key={z.id} data-testid="z-report">
            <td>#{z.sequence}<div className="muted small">{z.closedBy ?? ''}</div></td>
            <td>{z.businessDay}</td>
            <td>{f.money(z.net)}</td>
            <td>{f.money(z.payments)}</td>
            <td>{f.money(z.tips)}</td>
            <td>{f.money(z.cashExpected)}</td>
            <td>{z.cashCounted === null ? '—' : f.money(z.cashCounted)}</td>
            <td><OverShort value={z.overShort} currency={f.currency} /></td>
            <td>{z.noSales}</td>
            <td className={z.reconciles ? 'health-ok' : 'health-bad'} data-testid="z-reconciles">{reconciliationText(z, f.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
