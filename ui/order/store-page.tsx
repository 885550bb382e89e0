/** A store's ordering page: name, paused banner, table banner, the menu by category, the cart. */
import { type LineId, type LineRequest, type MenuItem, type ModifierOptionId, formatMoney, indexMenu } from '@brigade/sync/model';
import { useMemo, useState } from 'react';
import { ComboPicker } from '../shared/combo-picker';
import { ModifierPicker } from '../shared/modifier-picker';
import { addOrMerge, changeQuantity, comboLine, newLine } from '../shared/draft-order';
import { MenuSections } from './menu-sections';
import { CheckoutSheet } from './checkout-sheet';
import { itemCount, priceCart } from './checkout';
import { PAUSED_MESSAGE } from './messages';
import { storeUrl } from './routes';
import { type TableState, useStorePage } from './use-store-page';

interface Props {
  storeId: string;
  tableToken: string | null;
  navigate: (url: string) => void;
}

export function StorePage({ storeId, tableToken, navigate }: Props) {
  const { page, table, reload } = useStorePage(storeId, tableToken);
  const [lines, setLines] = useState<LineRequest[]>([]);
  const [picking, setPicking] = useState<MenuItem | null>(null);
  const [checkingOut, setCheckingOut] = useState(false);
  const [pausedByCloud, setPausedByCloud] = useState(false);
  const index = useMemo(() => (page.state === 'ready' ? indexMenu(page.page.menu) : null), [page]);

  if (page.state === 'loading') return <main className="order-page" aria-busy="true"><p>Loading the menu…</p></main>;
  if (page.state === 'failed' || !index) {
    return (
      <main className="order-page">
        <p role="alert" className="notice notice-error">{page.state === 'failed' ? page.message : 'The store could not be loaded.'}</p>
        <button type="button" className="btn" onClick={reload}>Try again</button>
      </main>
    );
  }
  const { store, unavailable } = page.page;
  const paused = store.paused || pausedByCloud;
  const tableRefused = table.state === 'refused';
  const canOrder = !paused && !tableRefused && table.state !== 'checking';
  // Priced as the cloud prices it: the channel's prices, dayparts on the store's clock.
  const channel = table.state === 'ok' ? 'table' : 'online';
  const sale = { channel, ...(store.timezone ? { at: new Date(), timeZone: store.timezone } : {}) } as const;
  const cart = priceCart(index, lines, unavailable, sale);
  const priced = cart.priced;

  const add = (item: MenuItem, options: ModifierOptionId[], quantity: number) => {
    setLines((current) => addOrMerge(current, newLine(item.id, options, quantity)));
    setPicking(null);
  };

  return (
    <main className="order-page">
      <header className="store-header">
        <h1>{store.name}</h1>
        <TableBanner table={table} />
      </header>
      {paused && <p role="alert" className="notice notice-paused" data-testid="paused-banner">{PAUSED_MESSAGE}</p>}
      {tableRefused && (
        <div role="alert" className="notice notice-error" data-testid="table-refused">
          <p>{table.message}</p>
          <a href={storeUrl(storeId)} onClick={(e) => { e.preventDefault(); navigate(storeUrl(storeId)); }}>Order for pickup instead</a>
        </div>
      )}
      {cart.removed.length > 0 && <p role="status" className="notice notice-paused">No longer available, left out of your order: {cart.removed.join(', ')}.</p>}
      <MenuSections index={index} unavailable={unavailable} canOrder={canOrder} channel={channel} timeZone={store.timezone}
        onPick={(item) => (item.modifierGroupIds.length > 0 || item.combo ? setPicking(item) : add(item, [], 1))} />
      {picking && !picking.combo && (
        <ModifierPicker index={index} item={picking} addLabel="Add to order" channel={channel} onAdd={(options, quantity) => add(picking, options, quantity)} onClose={() => setPicking(null)} />
      )}
      {picking?.combo && (
        <ComboPicker index={index} combo={picking} unavailable={unavailable} channel={channel} onClose={() => setPicking(null)}
          onAdd={(components, quantity) => {
            setLines((current) => addOrMerge(current, comboLine(picking.id, components, quantity)));
            setPicking(null);
          }} />
      )}
      {priced && canOrder && (
        <div className="cart-bar">
          <button type="button" className="btn btn-primary btn-big cart-button" onClick={() => setCheckingOut(true)}>
            View order · {itemCount(cart.lines)} {itemCount(cart.lines) === 1 ? 'item' : 'items'} · {formatMoney(priced.totals.total, priced.totals.currency)}
          </button>
        </div>
      )}
      {checkingOut && priced && (
        <CheckoutSheet
          storeId={storeId}
          index={index}
          lines={cart.lines}
          priced={priced}
          payment={page.page.payment}
          tableToken={table.state === 'ok' ? tableToken : null}
          tableLabel={table.state === 'ok' ? table.label : null}
          onChangeQuantity={(lineId: LineId, delta: number) => setLines((current) => changeQuantity(current, lineId, delta))}
          onClose={() => setCheckingOut(false)}
          onMenuChanged={reload}
          onPaused={() => {
            setPausedByCloud(true);
            setCheckingOut(false);
          }}
          navigate={navigate}
        />
      )}
    </main>
  );
}

function TableBanner({ table }: { table: TableState }) {
  if (table.state === 'ok') return <p className="table-banner" data-testid="table-label">Ordering for table {table.label}</p>;
  if (table.state === 'checking') return <p className="muted">Checking your table…</p>;
  return null;
}
