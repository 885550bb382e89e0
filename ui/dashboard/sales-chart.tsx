/** The hourly sales bar chart; its own chunk (recharts is large), loaded by sales-panel. */
import { cents, formatMoney } from '@brigade/sync/model';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

interface Props {
  series: { hour: number; label: string; orders: number; gross: number }[];
  currency: string;
}

export default function SalesChart({ series, currency }: Props) {
  const money = (value: number) => formatMoney(cents(Math.round(value)), currency);
  const total = series.reduce((n, h) => n + h.gross, 0);
  return (
    <figure className="chart" aria-label={`Sales by hour, ${money(total)} in total`}>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={series} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" interval={2} fontSize={12} />
          <YAxis tickFormatter={(v: number) => money(v)} width={80} fontSize={12} />
          <Tooltip formatter={(v) => money(Number(v))} labelFormatter={(l) => (typeof l === 'string' ? `Hour ${l}` : '')} />
          <Bar dataKey="gross" name="Gross" fill="#1f5fbf" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="sr-only">
        {series.filter((h) => h.orders > 0).map((h) => `${h.label}: ${h.orders} orders, ${money(h.gross)}`).join('; ') || 'No sales yet today.'}
      </figcaption>
    </figure>
  );
}
