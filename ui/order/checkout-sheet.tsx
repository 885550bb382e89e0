/**
 * Review the order, say who collects it, and pay. The order id is made once per cart, so
 * pressing Pay again after a lost reply cannot place (or charge) the order twice.
 */
import { type LineId, type LineRequest, type MenuIndex, type OrderId, type PricedOrder, formatMoney, newId } from '@brigade/sync/model';
import { type FormEvent, useMemo, useState } from 'react';
import { CloudApiError } from '../cloud-shared/cloud-http';
import { Dialog } from '../shared/dialog';
import { TotalsView } from '../shared/totals-view';
import { type PickupProblems, orderBody, pickupProblems } from './checkout';
import { rememberOrder } from './last-order';
import { placeOrder } from './online-api';
import { trackUrl } from './routes';

/** Refusals that mean the page's menu is out of date. */
const MENU_CHANGED = new Set(['PRICE_MISMATCH', 'ITEM_UNKNOWN', 'ITEM_UNAVAILABLE', 'MODIFIER_UNKNOWN', 'MODIFIER_REQUIRED', 'MODIFIER_TOO_MANY']);

interface Props {
  storeId: string;
  index: MenuIndex;
  lines: readonly LineRequest[];
  priced: PricedOrder;
  payment: 'card' | 'at_pickup';
  tableToken: string | null;
  tableLabel: string | null;
  onChangeQuantity: (lineId: LineId, delta: number) => void;
  onClose: () => void;
  onPaused: () => void;
  /** The cloud's menu differs from the page's: load it again (the cart is re-priced). */
  onMenuChanged: () => void;
  navigate: (url: string) => void;
}

export function CheckoutSheet({ storeId, lines, priced, payment, tableToken, tableLabel, onChangeQuantity, onClose, onPaused, onMenuChanged, navigate }: Props) {
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [problems, setProblems] = useState<PickupProblems>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // A new id whenever the lines change: the same cart retried keeps its id.
  const orderId = useMemo(() => (lines.length >= 0 ? newId<OrderId>() : ''), [lines]);
  const currency = priced.totals.currency;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = pickupProblems({ name, phone });
    setProblems(found);
    if (found.name || found.phone) return;
    setBusy(true);
    setFailure(null);
    try {
      const placed = await placeOrder(storeId, orderBody(orderId, lines, priced, { name, phone }, tableToken));
      const id = placed.order.id || orderId;
      rememberOrder({ storeId, orderId: id, number: placed.order.number });
      navigate(trackUrl(storeId, id));
    } catch (error) {
      if (error instanceof CloudApiError && error.code === 'STORE_PAUSED') onPaused();
      if (error instanceof CloudApiError && MENU_CHANGED.has(error.code)) onMenuChanged();
      setFailure(error instanceof CloudApiError ? error.message : 'Your order could not be placed. Try again.');
      setBusy(false);
    }
  };

  return (
    <Dialog title={tableLabel ? `Your order · table ${tableLabel}` : 'Your order'} onClose={onClose} className="checkout-sheet">
      <ul className="cart-lines" aria-label="Items">
        {priced.lines.map((line) => (
          <li key={line.lineId} className="cart-line">
            <span className="cart-line-text">
              <span>{line.name}</span>
              {line.modifiers.length > 0 && <span className="muted">{line.modifiers.map((m) => m.name).join(', ')}</span>}
            </span>
            <span className="stepper" role="group" aria-label={`Quantity of ${line.name}`}>
              <button type="button" className="btn" aria-label={`One fewer ${line.name}`} onClick={() => onChangeQuantity(line.lineId, -1)}>−</button>
              <output>{line.quantity}</output>
              <button type="button" className="btn" aria-label={`One more ${line.name}`} disabled={line.quantity >= 99} onClick={() => onChangeQuantity(line.lineId, 1)}>+</button>
            </span>
            <span className="price">{formatMoney(line.lineTotal, currency)}</span>
          </li>
        ))}
      </ul>
      <TotalsView totals={priced.totals} />
      <form className="pickup-form" onSubmit={(e) => void submit(e)} noValidate>
        <label>
          Name for the order
          <input name="name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={problems.name ? true : undefined} aria-describedby="name-problem" />
        </label>
        {problems.name && <p id="name-problem" className="hint hint-error">{problems.name}</p>}
        <label>
          Phone
          <input name="phone" type="tel" autoComplete="tel" inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} aria-invalid={problems.phone ? true : undefined} aria-describedby="phone-problem" />
        </label>
        {problems.phone && <p id="phone-problem" className="hint hint-error">{problems.phone}</p>}
        {failure && <p role="alert" className="notice notice-error" data-testid="checkout-error">{failure}</p>}
        <button type="submit" className="btn btn-primary btn-big" disabled={busy || lines.length === 0}>
          {busy ? 'Placing your order…' : payment === 'card' ? `Pay ${formatMoney(priced.totals.total, currency)}` : `Place order · pay ${formatMoney(priced.totals.total, currency)} at pickup`}
        </button>
        <p className="muted small">{tableLabel ? 'We bring it to your table.' : 'Pickup at the counter. We text you when it is ready.'}</p>
      </form>
    </Dialog>
  );
}
