/**
 * "Online orders today": the owner cancels and refunds an order the store has not taken over
 * yet (after a confirmation). Orders the store owns are refunded at the till, so they get no
 * button here; the cloud would refuse them anyway.
 */
import { useState } from 'react';
import { cents, formatMoney } from '@brigade/sync/model';
import { CloudApiError } from '../cloud-shared/cloud-http';
import type { OnlineOrderSummary, OwnerClient } from './owner-api';
import { usePoll } from './use-poll';

const REFRESH_MS = 10_000;

export function canRefundOnline(order: OnlineOrderSummary): boolean {
  return order.owner === 'cloud' && order.status !== 'cancelled';
}

export function onlineStatusText(order: OnlineOrderSummary): string {
  if (order.status === 'cancelled') return order.paymentStatus === 'refunded' ? 'cancelled — refunded' : 'cancelled';
  const status = order.status.replace('_', ' ');
  return order.owner === 'edge' ? `${status} (at the store)` : `${status}, ${order.paymentStatus}`;
}

export function OnlineOrdersPanel({ client, storeId }: { client: OwnerClient; storeId: string }) {
  const list = usePoll(() => client.onlineOrders(storeId), REFRESH_MS, `online-${storeId}`);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const refund = async (order: OnlineOrderSummary) => {
    const money = formatMoney(cents(order.total), order.currency);
    const what = order.paymentStatus === 'paid' ? `and refund ${money} to ${order.customerName}` : `(${order.customerName} has not paid)`;
    if (!window.confirm(`Cancel order ${order.number} ${what}?`)) return;
    setMessage(null);
    setBusy(order.id);
    try {
      await client.refundOnlineOrder(storeId, order.id);
      list.reload();
    } catch (e) {
      setMessage(e instanceof CloudApiError ? e.message : 'That did not work. Try again.');
      list.reload();
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="card" aria-labelledby="online-orders-h">
      <h2 id="online-orders-h">Online orders today</h2>
      {list.error && <p role="alert" className="hint hint-error">{list.error}</p>}
      {list.data?.length === 0 && <p className="muted">No online orders yet today.</p>}
      <ul className="online-orders">
        {list.data?.map((o) => (
          <li key={o.id}>
            <strong>{o.number}</strong> {o.customerName} · {formatMoney(cents(o.total), o.currency)} · <span className="muted">{onlineStatusText(o)}</span>
            {canRefundOnline(o) && (
              <button type="button" className="btn" disabled={busy === o.id} onClick={() => void refund(o)}>Cancel and refund</button>
            )}
          </li>
        ))}
      </ul>
      {message && <p role="alert" className="hint hint-error">{message}</p>}
    </section>
  );
}
