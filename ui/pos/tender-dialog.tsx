/** The payment dialog, driven by `tenderMachine`: cash with quick amounts and change, or card on the reader. */
import { type Cents, type Order, type Payment, cents, currencyDigits, formatMoney } from '@brigade/sync/model';
import { useMachine } from '@xstate/react';
import { useMemo, useState } from 'react';
import { fromPromise } from 'xstate';
import { Dialog } from '../shared/dialog';
import { GiftCardEntry } from '../shared/gift-card-entry';
import { PointsTender } from './points-tender';
import { useHub } from '../shared/hub-context';
import type { RetryMemo } from '../shared/retry-memo';
import { useCardAvailability } from './hardware';
import { type CaptureInput, changeDue, quickCashAmounts, tenderMachine } from './tender-machine';

interface Props {
  order: Order;
  /** Keeps a capture's ids across the cashier's retries when the hub's answer was lost. */
  memo: RetryMemo;
  onPaid: (order: Order, payment: Payment) => void;
  /** The order changed without a payment (points taken off as a discount). */
  onOrder?: (order: Order) => void;
  onClose: () => void;
  /** A tip chosen before paying (table service), added to what this tender takes. */
  tip?: Cents;
}

export function TenderDialog({ order, memo, onPaid, onOrder, onClose, tip }: Props) {
  const { client } = useHub();
  const currency = order.totals.currency;
  const due = cents(Math.max(0, order.totals.total - order.paid));
  const machine = useMemo(
    () =>
      tenderMachine.provide({
        actors: {
          capture: fromPromise<Payment, CaptureInput>(async ({ input }) => {
            const action = `capture:${order.id}:${input.tender}:${input.amount}:${input.tendered ?? ''}`;
            const result = await memo.run(action, (id) =>
              client.command('payment.capture', {
                orderId: order.id,
                paymentId: id('payment'),
                tender: input.tender,
                amount: input.amount,
                ...(input.tendered !== undefined ? { tendered: input.tendered } : {}),
                ...(tip ? { tip } : {}),
              }, { commandId: id('command') }),
            );
            onPaid(result.order, result.payment);
            return result.payment;
          }),
        },
      }),
    [client, order.id, onPaid, memo, tip],
  );
  const [state, send] = useMachine(machine, { input: { due, currency } });
  // Said before the customer reaches for a card: the store's policy when the reader or the internet is down.
  const availability = useCardAvailability();
  const cardOff = availability !== null && !availability.card;
  const [cancelling, setCancelling] = useState(false);
  const [giftCard, setGiftCard] = useState<'entering' | 'points' | 'paid' | null>(null);
  // Points are a discount: what they took off is shown, and the total due falls with the tax.
  const [pointsOff, setPointsOff] = useState<Cents | null>(null);
  const cancelOnReader = () => {
    setCancelling(true);
    // The reader stops waiting; the payment then answers "declined: cancelled" and nothing is charged.
    client.post('/api/payments/cancel', {}).catch(() => undefined).finally(() => setCancelling(false));
  };
  const ctx = state.context;
  const money = (c: Cents) => formatMoney(c, currency);

  return (
    <Dialog title={`Pay order ${order.number}`} onClose={() => (state.matches('card') || state.matches('capturingCash') ? undefined : onClose())} className="tender">
      <p className="due">Due <strong data-testid="amount-due">{money(ctx.due)}</strong></p>
      {state.matches('choosing') && cardOff && (
        <p className="card-unavailable" role="alert">{availability.reason ?? 'Card payments unavailable — take cash.'}</p>
      )}
      {state.matches('choosing') && giftCard === 'entering' && (
        <GiftCardEntry order={order} memo={memo} onBack={() => setGiftCard(null)}
          onPaid={(paid, payment) => { onPaid(paid, payment); setGiftCard('paid'); }} />
      )}
      {state.matches('choosing') && giftCard === 'points' && (
        <PointsTender order={order} memo={memo} onBack={() => setGiftCard(null)}
          onRedeemed={(discounted, discount) => { onOrder?.(discounted); setPointsOff(discount); setGiftCard('paid'); }} />
      )}
      {giftCard === 'paid' && (
        <div className="paid" role="status">
          <p className="reader-title">{pointsOff !== null ? 'Points taken off' : 'Gift card accepted'}</p>
          {pointsOff !== null && <p data-testid="points-discount">Loyalty discount −{money(pointsOff)}, before tax.</p>}
          {due > 0 && <p>Still due: <strong data-testid="gift-remaining">{money(due)}</strong>. Tap Pay again for the rest.</p>}
          <button type="button" className="btn btn-big btn-ok" onClick={onClose} autoFocus>Done</button>
        </div>
      )}
      {state.matches('choosing') && giftCard === null && (
        <div className="tender-choices">
          <button type="button" className="btn btn-big btn-primary" onClick={() => send({ type: 'CASH' })}>Cash</button>
          <button type="button" className="btn btn-big btn-primary" disabled={cardOff} onClick={() => send({ type: 'CARD' })}>Card</button>
          <button type="button" className="btn btn-big btn-primary" onClick={() => setGiftCard('entering')}>Gift card</button>
          <button type="button" className="btn btn-big" onClick={() => setGiftCard('points')}>Points</button>
        </div>
      )}
      {(state.matches('cash') || state.matches('capturingCash')) && (
        <CashPanel due={due} currency={currency} tendered={ctx.tendered} busy={state.matches('capturingCash')} error={ctx.error}
          onTendered={(amount) => send({ type: 'SET_TENDERED', amount })} onExact={() => send({ type: 'EXACT' })}
          onPay={() => send({ type: 'PAY' })} onBack={() => send({ type: 'BACK' })} />
      )}
      {state.matches('card') && (
        <div className="reader" role="status" aria-live="polite">
          <p className="reader-title">Follow the card reader</p>
          <p>Ask the customer to tap, insert or swipe their card for {money(due)}.</p>
          <button type="button" className="btn" disabled={cancelling} onClick={cancelOnReader}>{cancelling ? 'Cancelling…' : 'Cancel on the reader'}</button>
        </div>
      )}
      {state.matches('declined') && (
        <div role="alert" className="declined">
          <p className="reader-title">Declined</p>
          <p>{ctx.error}</p>
          <div className="tender-choices">
            <button type="button" className="btn btn-big btn-primary" onClick={() => send({ type: 'RETRY' })}>Try card again</button>
            <button type="button" className="btn btn-big" onClick={() => send({ type: 'CASH' })}>Take cash</button>
          </div>
        </div>
      )}
      {state.matches('paid') && (
        <div className="paid" role="status">
          {ctx.payment?.tender === 'cash' ? (
            <>
              <p>Change due</p>
              <p className="change-due" data-testid="change-due">{money(changeDue(ctx))}</p>
            </>
          ) : (
            <p className="reader-title">Approved</p>
          )}
          <button type="button" className="btn btn-big btn-ok" onClick={onClose} autoFocus>Done</button>
        </div>
      )}
      {ctx.error && state.matches('cash') && <p role="alert" className="hint-error">{ctx.error}</p>}
      {state.matches('choosing') && giftCard === null && <button type="button" className="btn" onClick={onClose}>Cancel</button>}
    </Dialog>
  );
}

interface CashProps {
  due: Cents;
  currency: string;
  tendered: Cents;
  busy: boolean;
  error: string | null;
  onTendered: (amount: Cents) => void;
  onExact: () => void;
  onPay: () => void;
  onBack: () => void;
}

function CashPanel({ due, currency, tendered, busy, onTendered, onExact, onPay, onBack }: CashProps) {
  const digits = currencyDigits(currency);
  const [typed, setTyped] = useState('');
  const money = (c: Cents) => formatMoney(c, currency);
  const typedCents = (text: string): Cents => cents(Math.round(Number(text || '0') * 10 ** digits));
  return (
    <div className="cash">
      <div className="quick-cash" role="group" aria-label="Quick amounts">
        {quickCashAmounts(due).map((amount) => (
          <button key={amount} type="button" className="btn btn-big" disabled={busy} aria-pressed={tendered === amount}
            onClick={() => (amount === due ? onExact() : onTendered(amount))}>
            {amount === due ? `Exact ${money(amount)}` : money(amount)}
          </button>
        ))}
      </div>
      <label className="tendered">
        Cash received
        <input type="number" inputMode="decimal" min="0" step={1 / 10 ** digits} value={typed} disabled={busy}
          onChange={(e) => { setTyped(e.target.value); if (!Number.isNaN(Number(e.target.value))) onTendered(typedCents(e.target.value)); }} />
      </label>
      <p>Received <strong>{money(tendered)}</strong> · Change <strong>{money(cents(Math.max(0, tendered - due)))}</strong></p>
      <div className="dialog-footer">
        <button type="button" className="btn" onClick={onBack} disabled={busy}>Back</button>
        <button type="button" className="btn btn-primary btn-big btn-wide" onClick={onPay} disabled={busy}>{busy ? 'Opening drawer…' : 'Take cash'}</button>
      </div>
    </div>
  );
}
