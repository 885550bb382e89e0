/** X report (the day so far), close the day (Z, printed), and past Z reports with reprint. */
import { type DayReport, formatMoney, newId } from '@brigade/sync/model';
import { useCallback, useEffect, useState } from 'react';
import { useHub } from '../shared/hub-context';
import { useToasts } from '../shared/toasts';
import { useApproval } from './use-approval';
import './staff-cash.css';

interface ZSummary {
  id: string;
  sequence: number;
  businessDay: string;
  periodTo: string;
}

export function ReportsPanel() {
  const { client } = useHub();
  const toasts = useToasts();
  const approved = useApproval();
  const [report, setReport] = useState<DayReport | null>(null);
  const [past, setPast] = useState<ZSummary[]>([]);

  const reload = useCallback(() => {
    client.get<{ report: DayReport }>('/api/reports/x').then((r) => setReport(r.report), toasts.error);
    client.get<{ reports: ZSummary[] }>('/api/reports/z').then((r) => setPast(r.reports), () => undefined);
  }, [client, toasts]);
  useEffect(reload, [reload]);

  const closeDay = async () => {
    const done = await approved('Close the day', (pin) => client.command('report.closeDay', { reportId: newId(), ...pin }));
    if (done) {
      setReport(done.report);
      toasts.info(`Z report #${done.report.sequence ?? ''} printed.`);
      client.get<{ reports: ZSummary[] }>('/api/reports/z').then((r) => setPast(r.reports), () => undefined);
    }
  };
  const reprint = (id: string) => void approved('Reprint a Z report', (pin) => client.command('report.reprintZ', { reportId: id, ...pin }))
    .then((r) => r && toasts.info(`Z report #${r.sequence} sent to the printer.`));

  return (
    <div className="reports">
      <div className="report-actions">
        <button type="button" className="btn btn-big" onClick={reload}>Refresh X report</button>
        <button type="button" className="btn btn-big" onClick={() => void approved('Print the X report', (pin) => client.command('report.printX', { ...pin })).then((r) => r && toasts.info('X report sent to the printer.'))}>
          Print X report
        </button>
        <button type="button" className="btn btn-big btn-primary" onClick={() => void closeDay()}>Close the day (print Z)</button>
      </div>
      {report ? <ReportView report={report} /> : <p className="muted">Loading…</p>}
      {past.length > 0 && (
        <section>
          <h3>Closed days</h3>
          <ul className="z-list">
            {past.map((z) => (
              <li key={z.id}>Z #{z.sequence} · {z.businessDay} <button type="button" className="btn" onClick={() => reprint(z.id)}>Reprint</button></li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function ReportView({ report }: { report: DayReport }) {
  const money = (n: number) => formatMoney(n as Parameters<typeof formatMoney>[0], report.currency);
  const rows: [string, string][] = [
    ['Orders', String(report.orders.count)],
    ['Gross sales', money(report.gross)],
    ['Discounts', money(report.discounts)],
    ['Comps', money(report.comps)],
    [`Voids (${report.voids.count})`, money(report.voids.amount)],
    [`Refunds (${report.refunds.count})`, money(report.refunds.amount)],
    ['Net sales', money(report.net)],
    ...report.taxes.map((t): [string, string] => [`${t.name} ${t.rateBps / 100}%`, money(t.amount)]),
    ...report.tenders.map((t): [string, string] => [`${t.tender} (${t.count})`, `${money(t.amount)}${t.tips ? ` + tips ${money(t.tips)}` : ''}`]),
    ['Cash expected', money(report.cash.expected)],
    ['Cash counted', report.cash.counted === null ? '—' : money(report.cash.counted)],
    ['Over / short', report.cash.overShort === null ? '—' : money(report.cash.overShort)],
  ];
  return (
    <table className="report" aria-label={report.kind === 'z' ? `Z report ${report.sequence ?? ''}` : 'X report'}>
      <caption>{report.kind === 'z' ? `Z report #${report.sequence ?? ''}` : 'X report'} · {report.businessDay}{report.unsynced > 0 ? ` · ${report.unsynced} changes not synced` : ''}</caption>
      <tbody>{rows.map(([label, value]) => <tr key={label}><th scope="row">{label}</th><td>{value}</td></tr>)}</tbody>
    </table>
  );
}
