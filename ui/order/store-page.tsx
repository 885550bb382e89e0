/** A store's ordering page: name, paused banner, table banner, the menu by category, the cart. */
import { type ItemId, type LineId, type LineRequest, type MenuIndex, type MenuItem, type ModifierOptionId, formatMoney, indexMenu } from '@brigade/sync/model';
import { useMemo, useState } from 'react';
import { ModifierPicker } from '../shared/modifier-picker';
import { addOrMerge, changeQuantity, newLine } from '../shared/draft-order';
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
  const cart = priceCart(index, lines, unavailable);
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
      <MenuSections index={index} unavailable={unavailable} canOrder={canOrder} onPick={(item) => (item.modifierGroupIds.length > 0 ? setPicking(item) : add(item, [], 1))} />
      {picking && <ModifierPicker index={index} item={picking} addLabel="Add to order" onAdd={(options, quantity) => add(picking, options, quantity)} onClose={() => setPicking(null)} />}
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

interface SectionsProps {
  index: MenuIndex;
  unavailable: ReadonlySet<ItemId>;
  canOrder: boolean;
  onPick: (item: MenuItem) => void;
}

function MenuSections({ index, unavailable, canOrder, onPick }: SectionsProps) {
  const currency = index.menu.currency;
  const categories = [...index.menu.categories].sort((a, b) => a.sortOrder - b.sortOrder);
  return (
    <>
      <nav className="category-nav" aria-label="Categories">
        {categories.map((c) => <a key={c.id} href={`#cat-${c.id}`}>{c.name}</a>)}
      </nav>
      {categories.map((category) => {
        const items = index.menu.items.filter((i) => i.active && !i.soldByWeight && i.categoryId === category.id).sort((a, b) => a.sortOrder - b.sortOrder);
        if (items.length === 0) return null;
        return (
          <section key={category.id} id={`cat-${category.id}`} className="menu-section" aria-labelledby={`cat-h-${category.id}`}>
            <h2 id={`cat-h-${category.id}`}>{category.name}</h2>
            <ul className="menu-list">
              {items.map((item) => {
                const soldOut = unavailable.has(item.id);
                return (
                  <li key={item.id}>
                    <button type="button" className="menu-item" disabled={soldOut || !canOrder} data-item-id={item.id}
                      aria-label={`${item.name}, ${formatMoney(item.price, currency)}${soldOut ? ', sold out' : ''}`} onClick={() => onPick(item)}>
                      {item.imageUrl && <img src={item.imageUrl} alt="" loading="lazy" width={72} height={72} />}
                      <span className="menu-item-text">
                        <span className="item-name">{item.name}</span>
                        {item.description && <span className="muted item-description">{item.description}</span>}
                      </span>
                      <span className="price">{soldOut ? 'Sold out' : formatMoney(item.price, currency)}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}
