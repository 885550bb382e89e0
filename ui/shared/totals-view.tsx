import { type OrderTotals, formatMoney } from '@brigade/sync/model';

export function TotalsView({ totals }: { totals: OrderTotals }) {
  const c = totals.currency;
  return (
    <dl className="totals" aria-label="Totals">
      <dt>Subtotal</dt>
      <dd data-testid="subtotal">{formatMoney(totals.subtotal, c)}</dd>
      {totals.taxes.map((t) => (
        <div key={t.taxRateId} style={{ display: 'contents' }}>
          <dt className="muted">{t.name}{totals.taxInclusive ? ' (included)' : ''}</dt>
          <dd className="muted">{formatMoney(t.amount, c)}</dd>
        </div>
      ))}
      <dt className="grand">Total</dt>
      <dd className="grand" data-testid="total">{formatMoney(totals.total, c)}</dd>
    </dl>
  );
}
