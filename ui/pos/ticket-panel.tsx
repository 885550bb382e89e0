/**
 * The ticket: the draft being rung up (priced locally with the hub's own engine), or, once
 * sent, the hub's order with its status, payment and receipt actions.
 */
import { type DiningOption, type ItemId, type LineId, type LineRequest, type MenuIndex, type Order, type PricedLine, type PricedOrder, cents, formatMoney } from '@brigade/sync/model';
import { type ReactNode, useState } from 'react';
import { errorMessage } from '../shared/api-client';
import { changeQuantity, priceDraft, unavailableLines } from '../shared/draft-order';
import { useHub } from '../shared/hub-context';
import { useToasts } from '../shared/toasts';
import { TotalsView } from '../shared/totals-view';
import { REGISTER_SALE } from './register-sale';
import { ApprovalCancelled, useStaff } from './staff-session';

const DINING_OPTIONS: readonly (readonly [DiningOption, string])[] = [['take_out', 'Take out'], ['eat_in', 'Eat in']];

interface Props {
  index: MenuIndex;
  unavailable: ReadonlySet<ItemId>;
  lines: LineRequest[];
  order: Order | null;
  busy: boolean;
  onLines: (lines: LineRequest[]) => void;
  onPay: () => void;
  /** Eat in, pay later: the order goes to the kitchen now. */
  onSend: () => void;
  onNewOrder: () => void;
  onOrder: (order: Order) => void;
  diningOption: DiningOption;
  onDiningOption: (option: DiningOption) => void;
  /** More actions on the ticket (gift cards, loyalty). */
  extra?: ReactNode;
}

export function TicketPanel({ index, unavailable, lines, order, busy, onLines, onPay, onSend, onNewOrder, onOrder, diningOption, onDiningOption, extra }: Props) {
  const currency = index.menu.currency;
  if (order) return <SentOrder order={order} onNewOrder={onNewOrder} onPay={onPay} onOrder={onOrder} extra={extra} />;
  let priced: PricedOrder | null = null;
  let problem: string | null = null;
  try {
    priced = priceDraft(index, lines, REGISTER_SALE);
  } catch (error) {
    problem = errorMessage(error);
  }
  const soldOut = new Set<LineId>(unavailableLines(lines, unavailable));
  return (
    <aside className="ticket" aria-label="Current order">
      <h2>New order</h2>
      <div className="segmented" role="radiogroup" aria-label="Dining option">
        {DINING_OPTIONS.map(([value, label]) => (
          <button key={value} type="button" role="radio" aria-checked={diningOption === value} className="btn" onClick={() => onDiningOption(value)}>{label}</button>
        ))}
      </div>
      {lines.length === 0 && <p className="muted">Tap items to add them.</p>}
      <ul className="ticket-lines">
        {priced?.lines.map((line) => (
          <li key={line.lineId} className={soldOut.has(line.lineId) ? 'line line-unavailable' : 'line'}>
            <LineText line={line} currency={currency} />
            {soldOut.has(line.lineId) && <span className="sold-out">Sold out — remove</span>}
            <div className="stepper" role="group" aria-label={`Quantity of ${line.name}`}>
              <button type="button" className="btn" aria-label={`Remove one ${line.name}`} onClick={() => onLines(changeQuantity(lines, line.lineId, -1))}>−</button>
              <output>{line.weightGrams !== undefined ? `${line.weightGrams} g` : line.quantity}</output>
              <button type="button" className="btn" aria-label={`Add one ${line.name}`} onClick={() => onLines(changeQuantity(lines, line.lineId, 1))}>+</button>
            </div>
          </li>
        ))}
      </ul>
      {problem && <p role="alert" className="hint-error">{problem}</p>}
      {priced && <TotalsView totals={priced.totals} />}
      <div className="ticket-actions">
        <button type="button" className="btn" disabled={lines.length === 0} onClick={() => onLines([])}>Clear</button>
        <button type="button" className="btn btn-big" disabled={!priced || lines.length === 0 || soldOut.size > 0 || busy} onClick={onSend}>Send to kitchen</button>
        <button type="button" className="btn btn-primary btn-big btn-wide" disabled={!priced || lines.length === 0 || soldOut.size > 0 || busy} onClick={onPay}>
          Pay {priced ? formatMoney(priced.totals.total, currency) : ''}
        </button>
        {extra}
      </div>
    </aside>
  );
}

export function LineText({ line, currency }: { line: PricedLine & { voided?: boolean }; currency: string }) {
  return (
    <div className={line.voided ? 'line-text voided' : 'line-text'}>
      <div className="line-head">
        <span>{line.weightGrams !== undefined ? `${line.weightGrams} g` : `${line.quantity} ×`} {line.name}</span>
        <span className="price">{formatMoney(line.lineAmount, currency)}</span>
      </div>
      {line.modifiers.length > 0 && (
        <ul className="line-mods">
          {line.modifiers.map((m) => (
            <li key={m.optionId}>{m.name}{m.priceDelta > 0 ? ` +${formatMoney(m.priceDelta, currency)}` : ''}</li>
          ))}
        </ul>
      )}
      {line.note && <p className="line-note">{line.note}</p>}
      {line.voided && <span className="status status-voided">Voided</span>}
    </div>
  );
}

function SentOrder({ order, onNewOrder, onPay, onOrder, extra }: { order: Order; onNewOrder: () => void; onPay: () => void; onOrder: (o: Order) => void; extra?: ReactNode }) {
  const { client } = useHub();
  const toasts = useToasts();
  const { managerApproval } = useStaff();
  const [printing, setPrinting] = useState(false);
  const currency = order.totals.currency;
  const paid = order.paymentStatus === 'paid';

  const fire = () => {
    client.command('order.fire', { orderId: order.id }).then((r) => onOrder(r.order), toasts.error);
  };
  const reprint = () => {
    setPrinting(true);
    client.command('receipt.print', { orderId: order.id }).then(() => toasts.info('Receipt sent to the printer.'), toasts.error).finally(() => setPrinting(false));
  };
  const voidLine = async (lineId: LineId, name: string) => {
    try {
      const managerPin = await managerApproval(`Void ${name}`);
      const { order: updated } = await client.command('order.voidLine', { orderId: order.id, lineId, reason: 'Voided at the counter', ...(managerPin ? { managerPin } : {}) });
      onOrder(updated);
    } catch (error) {
      if (!(error instanceof ApprovalCancelled)) toasts.error(error);
    }
  };

  return (
    <aside className="ticket" aria-label={`Order ${order.number}`}>
      <h2>Order <span data-testid="order-number">{order.number}</span> <span className={`status status-${order.status}`}>{order.status}</span></h2>
      <p className="muted">{order.diningOption === 'eat_in' ? 'Eat in' : order.diningOption === 'delivery' ? 'Delivery' : 'Take out'}</p>
      <ul className="ticket-lines">
        {order.lines.map((line) => (
          <li key={line.lineId} className="line">
            <LineText line={line} currency={currency} />
            {!line.voided && !paid && (
              <button type="button" className="btn btn-ghost" onClick={() => void voidLine(line.lineId, line.name)}>Void</button>
            )}
          </li>
        ))}
      </ul>
      <TotalsView totals={order.totals} />
      <p className="payment-state">{paid ? `Paid ${formatMoney(order.paid, currency)}` : `Paid so far ${formatMoney(order.paid, currency)}`}</p>
      <div className="ticket-actions">
        {paid ? (
          <button type="button" className="btn" onClick={reprint} disabled={printing}>Reprint receipt</button>
        ) : (
          <button type="button" className="btn btn-primary btn-big btn-wide" onClick={onPay}>Pay {formatMoney(cents(order.totals.total - order.paid), currency)}</button>
        )}
        {order.status === 'open' && <button type="button" className="btn btn-big" onClick={fire}>Send to kitchen</button>}
        <button type="button" className="btn btn-big" onClick={onNewOrder}>New order</button>
        {extra}
      </div>
    </aside>
  );
}
