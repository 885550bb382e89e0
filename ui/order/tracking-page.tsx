/** The live tracking page: the order's number, its five steps and what is happening now. */
import { cents, formatMoney } from '@brigade/sync/model';
import { lastOrder } from './last-order';
import { storeUrl } from './routes';
import { statusHeadline, trackingSteps } from './tracking';
import { useOrderStatus } from './use-order-status';

interface Props {
  storeId: string;
  orderId: string;
  navigate: (url: string) => void;
}

const CONNECTION_TEXT = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', done: 'Final' } as const;

export function TrackingPage({ storeId, orderId, navigate }: Props) {
  const { order, connection, error } = useOrderStatus(orderId);
  const remembered = lastOrder();
  const number = order?.number ?? (remembered?.orderId === orderId ? remembered.number : null);
  const back = (
    <a href={storeUrl(storeId)} onClick={(e) => { e.preventDefault(); navigate(storeUrl(storeId)); }}>Back to the menu</a>
  );
  if (error) {
    return (
      <main className="order-page">
        <p role="alert" className="notice notice-error">{error}</p>
        {back}
      </main>
    );
  }
  if (!order) return <main className="order-page" aria-busy="true"><h1>Your order</h1><p>Loading your order…</p></main>;
  return (
    <main className="order-page tracking-page">
      <header className="store-header">
        <h1>Your order {number ? <span data-testid="order-number">{number}</span> : null}</h1>
        <span className={`badge badge-${connection === 'live' ? 'online' : connection === 'done' ? 'online' : 'reconnecting'}`}><span className="badge-dot" />{CONNECTION_TEXT[connection]}</span>
      </header>
      <p className="status-headline" role="status" aria-live="polite" data-testid="status-headline">{statusHeadline(order.status)}</p>
      <ol className="track-steps" aria-label="Order progress">
        {trackingSteps(order.status).map((step) => (
          <li key={step.key} className={`track-step track-${step.state}`} aria-current={step.state === 'current' ? 'step' : undefined}>
            <span className="track-dot" aria-hidden="true" />
            {step.label}
            <span className="sr-only">{step.state === 'done' ? ' (done)' : step.state === 'current' ? ' (now)' : ''}</span>
          </li>
        ))}
      </ol>
      <p className="muted">
        {order.tableLabel ? `Table ${order.tableLabel}` : order.customerName ? `Pickup for ${order.customerName}` : 'Pickup'} · {formatMoney(cents(order.total), order.currency)}
      </p>
      {back}
    </main>
  );
}
