/** What the customer sees in each state of the kiosk machine. */
import { type LineRequest, type MenuIndex, type MenuItem, formatMoney } from '@brigade/sync/model';
import { useState } from 'react';
import type { SnapshotFrom } from 'xstate';
import { Dialog } from '../shared/dialog';
import { ComboPicker } from '../shared/combo-picker';
import { comboLine, newLine, priceDraft, unavailableLines } from '../shared/draft-order';
import { ModifierPicker } from '../shared/modifier-picker';
import { MenuBrowser } from '../shared/menu-browser';
import { initialSelection, selectedOptionIds, unitPrice } from '../shared/modifier-rules';
import type { LiveMenu } from '../shared/use-menu';
import type { KioskEvent, kioskMachine } from './kiosk-machine';
import { KioskGiftCard } from './kiosk-gift-card';
import { KioskLinkDot } from './kiosk-link-dot';
import { upsellFor } from './upsell';

type State = SnapshotFrom<typeof kioskMachine>;

/** Kiosk orders are sold at the kiosk's prices (channel prices), shown and charged alike. */
export const KIOSK_SALE = { channel: 'kiosk' } as const;
type Send = (event: KioskEvent) => void;

interface Props {
  state: State;
  send: Send;
  menu: LiveMenu;
  accessible: boolean;
  onAccessible: (on: boolean) => void;
}

export function KioskScreens({ state, send, menu, accessible, onAccessible }: Props) {
  if (state.matches('welcome')) {
    return (
      <>
        <div className="kiosk-status"><KioskLinkDot /></div>
        <button type="button" className="kiosk-welcome" onClick={() => send({ type: 'START' })}>
          <span className="kiosk-welcome-title">Touch to order</span>
          <span className="kiosk-welcome-sub">Burgers, sides and drinks — pay by card right here</span>
        </button>
      </>
    );
  }
  const index = menu.index;
  if (!index) return <p className="loading">Loading the menu…</p>;
  const flow = (name: string) => state.matches({ session: { flow: name } } as never);
  return (
    <>
      {/* Low on the screen, so a customer in a wheelchair can reach the switch that lowers everything else. */}
      <button type="button" className="btn kiosk-access-toggle" aria-pressed={accessible} onClick={() => onAccessible(!accessible)}>
        {accessible ? 'Standard view' : 'Accessible view'}
      </button>
      <header className="kiosk-header">
        <h1>Order here</h1>
        <KioskLinkDot />
      </header>
      <main className="kiosk-main">
        {flow('browsing') && <Browse index={index} menu={menu} cart={state.context.cart} send={send} />}
        {flow('cart') && <Cart index={index} menu={menu} cart={state.context.cart} send={send} />}
        {state.matches({ session: { flow: { paying: 'giftCard' } } }) && state.context.order && <KioskGiftCard order={state.context.order} send={send} />}
        {flow('paying') && !state.matches({ session: { flow: { paying: 'giftCard' } } }) && (
          <section className="kiosk-center" role="status" aria-live="polite">
            {state.matches({ session: { flow: { paying: 'creating' } } }) ? (
              <p className="kiosk-big">Sending your order…</p>
            ) : (
              <>
                <p className="kiosk-big">Follow the card reader</p>
                <p>Tap, insert or swipe your card to pay {state.context.order ? formatMoney(state.context.order.totals.total, state.context.order.totals.currency) : ''}.</p>
              </>
            )}
          </section>
        )}
        {flow('failed') && (
          <section className="kiosk-center" role="alert">
            <p className="kiosk-big">Payment did not go through</p>
            <p>{state.context.error}</p>
            <div className="kiosk-actions">
              <button type="button" className="btn btn-big btn-primary" onClick={() => send({ type: 'RETRY' })}>Try again</button>
              <button type="button" className="btn btn-big" onClick={() => send({ type: 'BACK' })}>Back to cart</button>
            </div>
          </section>
        )}
        {flow('confirmed') && state.context.order && (
          <section className="kiosk-center" aria-labelledby="thanks">
            <h2 id="thanks" className="kiosk-big">Thank you!</h2>
            <p>Your order number</p>
            <p className="kiosk-order-number" data-testid="kiosk-order-number">{state.context.order.number}</p>
            <p>Receipt printed — please take it. We will call your number.</p>
            <button type="button" className="btn btn-big btn-primary" onClick={() => send({ type: 'FINISH' })}>Done</button>
          </section>
        )}
      </main>
      {state.matches({ session: { idle: 'asking' } }) && (
        <Dialog title="Are you still there?" onClose={() => send({ type: 'ACTIVITY' })}>
          <p>Your order will be cleared soon.</p>
          <button type="button" className="btn btn-big btn-primary" autoFocus onClick={() => send({ type: 'ACTIVITY' })}>Yes, I am still here</button>
        </Dialog>
      )}
    </>
  );
}

function CartButton({ index, cart, send }: { index: MenuIndex; cart: readonly LineRequest[]; send: Send }) {
  const count = cart.reduce((n, l) => n + l.quantity, 0);
  let total = '';
  try {
    total = formatMoney(priceDraft(index, cart, KIOSK_SALE).totals.total, index.menu.currency);
  } catch {
    total = '';
  }
  return (
    <button type="button" className="btn btn-primary btn-big kiosk-cart-button" disabled={count === 0} onClick={() => send({ type: 'VIEW_CART' })}>
      View order ({count}) {total}
    </button>
  );
}

function Browse({ index, menu, cart, send }: { index: MenuIndex; menu: LiveMenu; cart: readonly LineRequest[]; send: Send }) {
  const [picking, setPicking] = useState<MenuItem | null>(null);
  const pick = (item: MenuItem) => {
    if (item.modifierGroupIds.length > 0 || item.combo) setPicking(item);
    else send({ type: 'ADD_LINE', line: newLine(item.id, [], 1) });
  };
  return (
    <>
      <MenuBrowser index={index} unavailable={menu.unavailable} onPick={pick} withoutWeighed timeZone={menu.timeZone} channel={KIOSK_SALE.channel} />
      <CartButton index={index} cart={cart} send={send} />
      {picking?.combo && (
        <ComboPicker index={index} combo={picking} unavailable={menu.unavailable} channel={KIOSK_SALE.channel} onClose={() => setPicking(null)}
          onAdd={(components, quantity) => {
            send({ type: 'ADD_LINE', line: comboLine(picking.id, components, quantity) });
            setPicking(null);
          }} />
      )}
      {picking && !picking.combo && (
        <ModifierPicker index={index} item={picking} channel={KIOSK_SALE.channel} onClose={() => setPicking(null)}
          onAdd={(ids, quantity) => {
            send({ type: 'ADD_LINE', line: newLine(picking.id, ids, quantity) });
            setPicking(null);
          }} />
      )}
    </>
  );
}

function Cart({ index, menu, cart, send }: { index: MenuIndex; menu: LiveMenu; cart: readonly LineRequest[]; send: Send }) {
  const currency = index.menu.currency;
  const priced = priceDraft(index, cart, KIOSK_SALE);
  const soldOut = new Set(unavailableLines(cart, menu.unavailable));
  const upsell = upsellFor(index, cart, menu.unavailable);
  return (
    <section className="kiosk-cart" aria-labelledby="cart-title">
      <h2 id="cart-title">Your order</h2>
      <ul className="kiosk-lines">
        {priced.lines.map((line) => (
          <li key={line.lineId} className={soldOut.has(line.lineId) ? 'line line-unavailable' : 'line'}>
            <div className="line-text">
              <strong>{line.quantity} × {line.name}</strong>
              {line.modifiers.length > 0 && <span className="muted"> · {line.modifiers.map((m) => m.name).join(', ')}</span>}
              {line.components?.map((c) => (
                <span key={c.slotId} className="muted line-component"> · {c.name}{c.modifiers.length > 0 ? ` (${c.modifiers.map((m) => m.name).join(', ')})` : ''}</span>
              ))}
              {soldOut.has(line.lineId) && <span className="sold-out"> Sold out</span>}
            </div>
            <span className="price">{formatMoney(line.lineTotal, currency)}</span>
            <div className="stepper" role="group" aria-label={`Quantity of ${line.name}`}>
              <button type="button" className="btn" aria-label={`Remove one ${line.name}`} onClick={() => send({ type: 'CHANGE_QTY', lineId: line.lineId, delta: -1 })}>−</button>
              <output>{line.quantity}</output>
              <button type="button" className="btn" aria-label={`Add one ${line.name}`} onClick={() => send({ type: 'CHANGE_QTY', lineId: line.lineId, delta: 1 })}>+</button>
            </div>
          </li>
        ))}
      </ul>
      {upsell && (
        <div className="upsell" role="region" aria-label="Suggestion">
          <p className="upsell-title">Add {upsell.name.toLowerCase()}?</p>
          <button type="button" className="btn btn-big btn-ok"
            onClick={() => send({ type: 'ADD_LINE', line: newLine(upsell.id, selectedOptionIds(index, upsell, initialSelection(index, upsell)), 1) })}>
            Add {upsell.name} · {formatMoney(unitPrice(index, upsell, initialSelection(index, upsell), KIOSK_SALE.channel), currency)}
          </button>
        </div>
      )}
      <dl className="totals">
        <dt>Tax</dt><dd>{formatMoney(priced.totals.tax, currency)}</dd>
        <dt className="grand">Total</dt><dd className="grand" data-testid="kiosk-total">{formatMoney(priced.totals.total, currency)}</dd>
      </dl>
      <div className="kiosk-actions">
        <button type="button" className="btn btn-big" onClick={() => send({ type: 'BACK' })}>Add more</button>
        <button type="button" className="btn btn-big btn-primary btn-wide" disabled={cart.length === 0 || soldOut.size > 0} onClick={() => send({ type: 'CHECKOUT' })}>
          Pay by card {formatMoney(priced.totals.total, currency)}
        </button>
        <button type="button" className="btn btn-big btn-wide" disabled={cart.length === 0 || soldOut.size > 0} onClick={() => send({ type: 'CHECKOUT_GIFT' })}>
          Pay with gift card
        </button>
      </div>
    </section>
  );
}
