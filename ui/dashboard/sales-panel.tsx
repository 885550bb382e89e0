/** Today's sales (business day), refreshed every few seconds; the chart code loads on demand. */
import { cents, formatMoney } from '@brigade/sync/model';
import { Suspense, lazy } from 'react';
import { hourlySeries } from './dashboard-format';
import type { OwnerClient } from './owner-api';
import { usePoll } from './use-poll';

const SalesChart = lazy(() => import('./sales-chart'));
const REFRESH_MS = 5_000;

export function SalesPanel({ client, storeId }: { client: OwnerClient; storeId: string }) {
  const { data: sales, error } = usePoll(() => client.sales(storeId), REFRESH_MS, `sales-${storeId}`);
  if (!sales) return <section className="card" aria-label="Today's sales">{error ? <p role="alert" className="hint hint-error">{error}</p> : <p>Loading sales…</p>}</section>;
  const money = (amount: number) => formatMoney(cents(amount), sales.currency);
  return (
    <section className="card" aria-labelledby="sales-h">
      <h2 id="sales-h">Today <span className="muted">({sales.businessDay})</span></h2>
      {error && <p className="hint hint-error">{error} Showing the last figures.</p>}
      <dl className="figures">
        <div><dt>Orders</dt><dd data-testid="sales-orders">{sales.orders}</dd></div>
        <div><dt>Gross</dt><dd data-testid="sales-gross">{money(sales.gross)}</dd></div>
        <div><dt>Tax</dt><dd>{money(sales.tax)}</dd></div>
        <div><dt>Refunded</dt><dd>{money(sales.refunded)}</dd></div>
      </dl>
      <div className="grid-2">
        <div>
          <h3>Tenders</h3>
          {sales.tenders.length === 0 ? <p className="muted">No payments yet.</p> : (
            <table className="table"><thead><tr><th>Tender</th><th>Count</th><th>Amount</th><th>Tips</th></tr></thead>
              <tbody>{sales.tenders.map((t) => <tr key={t.tender}><td>{t.tender}</td><td>{t.count}</td><td>{money(t.amount)}</td><td>{money(t.tips)}</td></tr>)}</tbody>
            </table>
          )}
        </div>
        <div>
          <h3>Top items</h3>
          {sales.topItems.length === 0 ? <p className="muted">No items sold yet.</p> : (
            <table className="table"><thead><tr><th>Item</th><th>Qty</th><th>Sales</th></tr></thead>
              <tbody>{sales.topItems.map((i) => <tr key={i.itemId}><td>{i.name}</td><td>{i.quantity}</td><td>{money(i.sales)}</td></tr>)}</tbody>
            </table>
          )}
        </div>
      </div>
      <h3>Sales by hour</h3>
      <Suspense fallback={<p className="muted">Loading chart…</p>}>
        <SalesChart series={hourlySeries(sales.byHour)} currency={sales.currency} />
      </Suspense>
    </section>
  );
}
