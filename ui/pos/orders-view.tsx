/** Recent orders, live: READY stands out when the kitchen bumps, and the cashier marks it collected. */
import { type OnlineIntake, type Order, type OrderStatus, cents, formatMoney } from '@brigade/sync/model';
import { useCallback, useState } from 'react';
import { useHub, useHubEvents, useResync } from '../shared/hub-context';
import { RetryMemo } from '../shared/retry-memo';
import { useToasts } from '../shared/toasts';
import { OrderActions } from './order-actions';
import { flagLines, isOnlineOrder, orderTag } from './online-orders';
import { TenderDialog } from './tender-dialog';

const FINISHED: readonly OrderStatus[] = ['completed', 'cancelled', 'voided'];

export function mergeOrder(orders: readonly Order[], order: Order): Order[] {
  const rest = orders.filter((o) => o.id !== order.id);
  return [order, ...rest].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

export function OrdersView() {
  const { client } = useHub();
  const toasts = useToasts();
  const [orders, setOrders] = useState<Order[]>([]);
  const [showFinished, setShowFinished] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);

  const [intake, setIntake] = useState<ReadonlyMap<string, OnlineIntake>>(new Map());

  const reloadIntake = useCallback(() => {
    client.get<{ orders: OnlineIntake[] }>('/api/online-orders?limit=100').then((r) => setIntake(new Map(r.orders.map((o) => [o.orderId, o]))), toasts.error);
  }, [client, toasts]);
  const reload = useCallback(() => {
    client.get<Order[] | { orders: Order[] }>('/api/orders?limit=100').then((r) => setOrders(Array.isArray(r) ? r : r.orders), toasts.error);
    reloadIntake();
  }, [client, toasts, reloadIntake]);
  useResync(reload);
  useHubEvents((event) => {
    if (event.type !== 'order.updated') return;
    setOrders((list) => mergeOrder(list, event.order));
    // Flags are written when the order is taken over: fetch them for an online order not seen yet.
    if (isOnlineOrder(event.order) && !intake.has(event.order.id)) reloadIntake();
  });

  const visible = orders.filter((o) => showFinished || !FINISHED.includes(o.status));
  return (
    <section className="orders" aria-labelledby="orders-title">
      <div className="orders-head">
        <h2 id="orders-title">Orders</h2>
        <label className="toggle">
          <input type="checkbox" checked={showFinished} onChange={(e) => setShowFinished(e.target.checked)} /> Show collected and voided
        </label>
      </div>
      {visible.length === 0 && <p className="muted">No orders yet.</p>}
      <ul className="order-list">
        {visible.map((order) => {
          const tag = orderTag(order);
          const flags = flagLines(intake.get(order.id));
          return (
          <li key={order.id} className={`order-row ${order.status === 'ready' ? 'order-ready' : ''} ${flags.length > 0 ? 'order-flagged' : ''}`} data-order-number={order.number}>
            <button type="button" className="order-summary" aria-expanded={openId === order.id} onClick={() => setOpenId(openId === order.id ? null : order.id)}>
              <span className="order-number">{order.number}</span>
              {tag ? <span className="order-tag" data-testid="order-tag">{tag}{order.customerName ? ` · ${order.customerName}` : ''}</span> : <span className="muted">{order.channel}</span>}
              <span className={`status status-${order.status}`} data-testid="order-status">{order.status}</span>
              <span className="muted">{order.paymentStatus.replace('_', ' ')}</span>
              <span className="price">{formatMoney(order.totals.total, order.totals.currency)}</span>
            </button>
            {flags.length > 0 && (
              <ul className="order-flags" aria-label={`Needs attention: order ${order.number}`}>
                {flags.map((f) => <li key={f}>⚠ {f}</li>)}
              </ul>
            )}
            {order.status === 'ready' && <CollectButton order={order} onOrder={(o) => setOrders((list) => mergeOrder(list, o))} />}
            {openId === order.id && <OrderActions order={order} onOrder={(o) => setOrders((list) => mergeOrder(list, o))} />}
          </li>
          );
        })}
      </ul>
    </section>
  );
}

function CollectButton({ order, onOrder }: { order: Order; onOrder: (order: Order) => void }) {
  const { client } = useHub();
  const toasts = useToasts();
  // The order as it was when payment began: the dialog keeps showing the change due after the
  // payment made the live order paid.
  const [paying, setPaying] = useState<Order | null>(null);
  const [memo] = useState(() => new RetryMemo());
  const due = order.totals.total - order.paid;
  return (
    <>
      {due > 0 ? (
        // A pay-at-pickup online order (a cloud without card payments) is paid at the counter first.
        <button type="button" className="btn btn-primary" onClick={() => setPaying(order)}>
          Take payment {formatMoney(cents(due), order.totals.currency)}
        </button>
      ) : (
        <button type="button" className="btn btn-ok" onClick={() => void client.command('order.complete', { orderId: order.id }).catch(toasts.error)}>
          {/* An online order is handed over to the customer who paid on the phone. */}
          {isOnlineOrder(order) ? 'Hand over' : 'Collected'}
        </button>
      )}
      {paying && <TenderDialog order={paying} memo={memo} onPaid={(paid) => onOrder(paid)} onOrder={(discounted) => { setPaying(discounted); onOrder(discounted); }} onClose={() => setPaying(null)} />}
    </>
  );
}
