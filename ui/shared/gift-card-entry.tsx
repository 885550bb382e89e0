/**
 * Paying from a gift card, for the POS tender dialog and the kiosk: type (or scan) the card
 * number, see what it holds and what the store can take from it now (offline caps), pay up
 * to the amount due. The number is checked (check digit) before anything is sent.
 */
import { type Cents, type Order, type Payment, cents, formatMoney, isValidCardNumber } from '@brigade/sync/model';
import { useState } from 'react';
import { errorMessage } from './api-client';
import './gift-card-entry.css';
import { useHub } from './hub-context';
import type { RetryMemo } from './retry-memo';

export interface GiftCardView {
  card: string;
  balance: number | null;
  known: boolean;
  available: number;
}

interface Props {
  order: Order;
  memo: RetryMemo;
  onPaid: (order: Order, payment: Payment) => void;
  onBack: () => void;
  /** Bigger keys and wording for customers (kiosk). */
  kiosk?: boolean;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'C', '0', '⌫'];

export function GiftCardEntry({ order, memo, onPaid, onBack, kiosk = false }: Props) {
  const { client } = useHub();
  const [number, setNumber] = useState('');
  const [view, setView] = useState<GiftCardView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const currency = order.totals.currency;
  const money = (c: number) => formatMoney(c as Cents, currency);
  const due = Math.max(0, order.totals.total - order.paid);
  const valid = isValidCardNumber(number);
  const amount = view ? Math.min(due, view.available, view.balance ?? Number.POSITIVE_INFINITY) : 0;

  const press = (key: string) => {
    setView(null);
    setError(null);
    if (key === 'C') setNumber('');
    else if (key === '⌫') setNumber((n) => n.slice(0, -1));
    else setNumber((n) => (n.length < 19 ? n + key : n));
  };

  const check = async () => {
    setBusy(true);
    setError(null);
    try {
      setView(await client.get<GiftCardView>(`/api/gift-cards/${number}`));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const pay = async () => {
    setBusy(true);
    setError(null);
    try {
      const action = `gift:${order.id}:${number}:${amount}`;
      const result = await memo.run(action, (id) =>
        client.command('gift.redeem', { orderId: order.id, paymentId: id('payment'), cardNumber: number, amount: cents(amount) }, { commandId: id('command') }),
      );
      onPaid(result.order, result.payment);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={kiosk ? 'gift-entry gift-entry-kiosk' : 'gift-entry'}>
      <label className="gift-number">
        {kiosk ? 'Enter your gift card number' : 'Gift card number'}
        <input inputMode="numeric" autoComplete="off" value={number} aria-invalid={number.length >= 12 && !valid}
          onChange={(e) => { setView(null); setError(null); setNumber(e.target.value.replace(/[^0-9]/g, '').slice(0, 19)); }} />
      </label>
      <div className="gift-keys" role="group" aria-label="Card number keys">
        {KEYS.map((k) => (
          <button key={k} type="button" className="btn btn-big" disabled={busy} onClick={() => press(k)}>{k}</button>
        ))}
      </div>
      {number.length >= 12 && !valid && <p role="alert" className="hint-error">That number is not valid. Check the digits.</p>}
      {view && (
        <p className="gift-balance" role="status" data-testid="gift-balance">
          {view.balance === null ? 'Card from another store: its balance is checked when the store syncs.' : `Balance ${money(view.balance)}.`}
          {' '}{amount > 0 ? `Pays ${money(amount)} of ${money(due)}.` : 'Nothing can be taken from this card now.'}
        </p>
      )}
      {error && <p role="alert" className="hint-error">{error}</p>}
      <div className="dialog-footer">
        <button type="button" className="btn btn-big" onClick={onBack} disabled={busy}>Back</button>
        {view ? (
          <button type="button" className="btn btn-big btn-primary btn-wide" disabled={busy || amount <= 0} onClick={() => void pay()}>
            {busy ? 'Paying…' : `Pay ${money(amount)} with gift card`}
          </button>
        ) : (
          <button type="button" className="btn btn-big btn-primary btn-wide" disabled={busy || !valid} onClick={() => void check()}>Check card</button>
        )}
      </div>
    </div>
  );
}
