/** Paying part of an order with loyalty points, at the store's point value, in the tender dialog. */
import { type Cents, type Order, type Payment, formatMoney } from '@brigade/sync/model';
import { useState } from 'react';
import { errorMessage } from '../shared/api-client';
import { useHub } from '../shared/hub-context';
import type { RetryMemo } from '../shared/retry-memo';

interface Account {
  account: string;
  points: number;
  available: number;
  pointValue: number;
}

export function PointsTender({ order, memo, onPaid, onBack }: { order: Order; memo: RetryMemo; onPaid: (order: Order, payment: Payment) => void; onBack: () => void }) {
  const { client } = useHub();
  const [typed, setTyped] = useState('');
  const [account, setAccount] = useState<Account | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const money = (c: number) => formatMoney(c as Cents, order.totals.currency);
  const due = Math.max(0, order.totals.total - order.paid);
  const usable = account && account.pointValue > 0 ? Math.min(account.points, account.available, Math.floor(due / account.pointValue)) : 0;

  const look = async () => {
    setBusy(true);
    setError(null);
    try {
      setAccount(await client.get<Account>(`/api/loyalty/${encodeURIComponent(typed.trim())}`));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const pay = async () => {
    if (!account) return;
    setBusy(true);
    setError(null);
    try {
      const result = await memo.run(`points:${order.id}:${account.account}:${usable}`, (id) =>
        client.command('loyalty.redeem', { orderId: order.id, paymentId: id('payment'), account: account.account, points: usable }, { commandId: id('command') }));
      onPaid(result.order, result.payment);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="points-tender">
      <label>Phone number or loyalty card
        <input inputMode="tel" autoComplete="off" value={typed} onChange={(e) => { setTyped(e.target.value.slice(0, 24)); setAccount(null); }} />
      </label>
      {account && (
        <p role="status" data-testid="points-balance">
          {account.points} points. {usable > 0 ? `${usable} points pay ${money(usable * account.pointValue)}.` : 'Not enough points to pay with now.'}
        </p>
      )}
      {error && <p role="alert" className="hint-error">{error}</p>}
      <div className="dialog-footer">
        <button type="button" className="btn btn-big" onClick={onBack} disabled={busy}>Back</button>
        {account ? (
          <button type="button" className="btn btn-big btn-primary" disabled={busy || usable <= 0} onClick={() => void pay()}>Use {usable} points</button>
        ) : (
          <button type="button" className="btn btn-big btn-primary" disabled={busy || typed.trim().length < 7} onClick={() => void look()}>Find account</button>
        )}
      </div>
    </div>
  );
}
