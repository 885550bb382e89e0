/**
 * Loyalty points in the tender dialog: a reward, taken as a discount before tax (the store's
 * point value per point), so the tax comes down with it. The points offered are the most the
 * store will accept, by the same limit it applies (`loyaltyDiscountLimit`).
 */
import { type Cents, type CheckView, type Order, formatMoney, loyaltyDiscountLimit, redeemablePoints } from '@brigade/sync/model';
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

interface Props {
  order: Order;
  memo: RetryMemo;
  /** The order with the points taken off, and what they took off before tax. */
  onRedeemed: (order: Order, discount: Cents) => void;
  onBack: () => void;
}

export function PointsTender({ order, memo, onRedeemed, onBack }: Props) {
  const { client } = useHub();
  const [typed, setTyped] = useState('');
  const [account, setAccount] = useState<Account | null>(null);
  const [limit, setLimit] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const money = (c: number) => formatMoney(c as Cents, order.totals.currency);
  const usable = account ? Math.min(account.available, redeemablePoints(account.points, account.pointValue, limit)) : 0;

  const look = async () => {
    setBusy(true);
    setError(null);
    try {
      const [found, { check }] = await Promise.all([
        client.get<Account>(`/api/loyalty/${encodeURIComponent(typed.trim())}`),
        client.get<{ check: CheckView }>(`/api/checks/${order.id}`),
      ]);
      // What is left before tax, as the store reckons it: the check's own figures.
      setLimit(loyaltyDiscountLimit(check.totals, check.order.paid));
      setAccount(found);
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
      onRedeemed(result.order, result.discount);
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
          {account.points} points. {usable > 0 ? `${usable} points take ${money(usable * account.pointValue)} off before tax.` : 'Not enough points to use on this order now.'}
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
