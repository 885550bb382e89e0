/** Expo: orders with each station's progress; tapping a station still working bumps its part. */
import type { StoreInfo } from '../shared/hub-types';
import type { ExpoOrder } from './expo-board';
import { ageLevel, ageMs, formatAge } from './ticket-age';
import { CHANNEL_LABEL } from './ticket-card';

interface Props {
  orders: readonly ExpoOrder[];
  now: number;
  store: StoreInfo | null;
  onBump: (ticketId: string) => void;
}

export function ExpoView({ orders, now, store, onBump }: Props) {
  const stationName = (id: string) => store?.stations.find((s) => s.id === id)?.name ?? id;
  if (orders.length === 0) return <p className="kds-empty">All caught up.</p>;
  return (
    <>
      {orders.map((order) => {
        const age = ageMs(order.createdAt, now);
        const level = ageLevel(age);
        return (
          <article key={order.orderId} className={`ticket-card expo-card age-${level}`} data-order-number={order.orderNumber} aria-label={`Order ${order.orderNumber}`}>
            <span className="ticket-head">
              <span className="ticket-number">{order.orderNumber}</span>
              <span className="ticket-timer" data-level={level}>{formatAge(age)}</span>
            </span>
            <span className="ticket-meta">{order.tableLabel ? `Table ${order.tableLabel}` : CHANNEL_LABEL[order.channel]}{order.customerName ? ` · ${order.customerName}` : ''}</span>
            <ul className="expo-parts">
              {order.parts.map((part) => (
                <li key={part.ticketId}>
                  <button type="button" className={`btn expo-part ${part.done ? 'expo-done' : ''}`} disabled={part.done}
                    aria-label={`${stationName(part.stationId)} ${part.done ? 'done' : 'working, bump'}`} onClick={() => onBump(part.ticketId)}>
                    {part.done ? '✓ ' : ''}{stationName(part.stationId)}
                  </button>
                </li>
              ))}
            </ul>
          </article>
        );
      })}
    </>
  );
}
