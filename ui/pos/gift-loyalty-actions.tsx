/**
 * On the ticket: sell or top up a gift card (a line activated when the order is paid), and
 * attach a loyalty account so the order earns points. A draft is sent to the hub first, as
 * Pay would, so the card line joins the same order.
 */
import { type DiningOption, type LineRequest, type MenuIndex, type Order, cents, formatMoney, isValidCardNumber, newId, priceCheck } from '@brigade/sync/model';
import { useState } from 'react';
import { Dialog } from '../shared/dialog';
import { toWireLines } from '../shared/draft-order';
import { useHub } from '../shared/hub-context';
import { useToasts } from '../shared/toasts';
import { REGISTER_SALE } from './register-sale';

interface Props {
  index: MenuIndex;
  lines: LineRequest[];
  diningOption: DiningOption;
  order: Order | null;
  onOrder: (order: Order) => void;
}

const AMOUNTS = [2500, 5000, 10_000];

export function GiftLoyaltyActions({ index, lines, diningOption, order, onOrder }: Props) {
  const [open, setOpen] = useState<'gift' | 'loyalty' | null>(null);
  const paid = order !== null && order.paid >= order.totals.total && order.totals.total > 0;
  if (paid) return null;
  return (
    <>
      <button type="button" className="btn btn-big" onClick={() => setOpen('gift')}>Sell gift card</button>
      <button type="button" className="btn btn-big" onClick={() => setOpen('loyalty')}>Loyalty</button>
      {open === 'gift' && <GiftSaleDialog index={index} lines={lines} diningOption={diningOption} order={order} onOrder={onOrder} onClose={() => setOpen(null)} />}
      {open === 'loyalty' && <LoyaltyDialog index={index} lines={lines} diningOption={diningOption} order={order} onOrder={onOrder} onClose={() => setOpen(null)} />}
    </>
  );
}

type DialogProps = Props & { onClose: () => void };

/** The order the card or account goes on: the one on the ticket, the draft sent now, or none yet. */
function useOrderForExtras({ index, lines, diningOption, order, onOrder }: Props) {
  const { client } = useHub();
  return async (): Promise<Order | null> => {
    if (order) return order;
    if (lines.length === 0) return null;
    const { order: created } = await client.command('order.create', {
      orderId: newId(), channel: REGISTER_SALE.channel, diningOption, lines: toWireLines(lines),
      expectedTotal: priceCheck(index, { lines, diningOption, sale: REGISTER_SALE }).totals.total,
    });
    onOrder(created);
    return created;
  };
}

function GiftSaleDialog(props: DialogProps) {
  const { client } = useHub();
  const toasts = useToasts();
  const ensureOrder = useOrderForExtras(props);
  const currency = props.index.menu.currency;
  const [kind, setKind] = useState<'sell' | 'load'>('sell');
  const [card, setCard] = useState('');
  const [amount, setAmount] = useState(AMOUNTS[0] ?? 2500);
  const [busy, setBusy] = useState(false);
  const valid = isValidCardNumber(card);
  const add = async () => {
    setBusy(true);
    try {
      const target = await ensureOrder();
      const args = { orderId: target?.id ?? newId(), lineId: newId(), cardNumber: card, amount: cents(amount) };
      const { order } = await client.command(kind === 'sell' ? 'gift.sell' : 'gift.load', args);
      props.onOrder(order);
      props.onClose();
    } catch (error) {
      toasts.error(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="Gift card" onClose={props.onClose}>
      <div className="segmented" role="radiogroup" aria-label="Gift card action">
        <button type="button" role="radio" className="btn" aria-checked={kind === 'sell'} onClick={() => setKind('sell')}>New card</button>
        <button type="button" role="radio" className="btn" aria-checked={kind === 'load'} onClick={() => setKind('load')}>Top up</button>
      </div>
      <label className="gift-number">Card number
        <input inputMode="numeric" autoComplete="off" value={card} aria-invalid={card.length >= 12 && !valid} onChange={(e) => setCard(e.target.value.replace(/[^0-9]/g, '').slice(0, 19))} />
      </label>
      {card.length >= 12 && !valid && <p role="alert" className="hint-error">That number is not valid. Check the digits.</p>}
      <div className="quick-cash" role="group" aria-label="Card value">
        {AMOUNTS.map((a) => (
          <button key={a} type="button" className="btn btn-big" aria-pressed={amount === a} onClick={() => setAmount(a)}>{formatMoney(cents(a), currency)}</button>
        ))}
      </div>
      <label>Other value
        <input type="number" inputMode="decimal" min={1} value={amount / 100} onChange={(e) => setAmount(Math.max(0, Math.round(Number(e.target.value) * 100)))} />
      </label>
      <p className="muted">The card is activated when the order is paid.</p>
      <div className="dialog-footer">
        <button type="button" className="btn" onClick={props.onClose}>Cancel</button>
        <button type="button" className="btn btn-primary btn-big" disabled={!valid || amount <= 0 || busy} onClick={() => void add()}>
          Add {formatMoney(cents(amount), currency)} card to order
        </button>
      </div>
    </Dialog>
  );
}

function LoyaltyDialog(props: DialogProps) {
  const { client } = useHub();
  const toasts = useToasts();
  const ensureOrder = useOrderForExtras(props);
  const [account, setAccount] = useState('');
  const [busy, setBusy] = useState(false);
  const attach = async () => {
    setBusy(true);
    try {
      const target = await ensureOrder();
      if (!target) throw new Error('Add items first: points are earned on an order.');
      const result = await client.command('loyalty.attach', { orderId: target.id, account });
      toasts.info(`Loyalty account …${result.account.slice(-4)} added: ${result.points} points so far.`);
      props.onClose();
    } catch (error) {
      toasts.error(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="Loyalty" onClose={props.onClose}>
      <label>Phone number or loyalty card
        <input inputMode="tel" autoComplete="off" value={account} onChange={(e) => setAccount(e.target.value.slice(0, 24))} />
      </label>
      <p className="muted">The order earns points when it is paid.</p>
      <div className="dialog-footer">
        <button type="button" className="btn" onClick={props.onClose}>Cancel</button>
        <button type="button" className="btn btn-primary btn-big" disabled={account.trim().length < 7 || busy} onClick={() => void attach()}>Add to order</button>
      </div>
    </Dialog>
  );
}
