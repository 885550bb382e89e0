/** Categories as tabs and items as large tiles; 86'd items stay visible, marked sold out. */
import { type CategoryId, type ItemId, type MenuIndex, type MenuItem, formatMoney } from '@brigade/sync/model';
import { useState } from 'react';

interface Props {
  index: MenuIndex;
  unavailable: ReadonlySet<ItemId>;
  onPick: (item: MenuItem) => void;
  /** Screens without a scale (kiosk) leave out items sold by weight. */
  withoutWeighed?: boolean;
}

export function MenuBrowser({ index, unavailable, onPick, withoutWeighed = false }: Props) {
  const categories = [...index.menu.categories].sort((a, b) => a.sortOrder - b.sortOrder);
  const [categoryId, setCategoryId] = useState<CategoryId | undefined>(categories[0]?.id);
  const items = index.menu.items.filter((i) => i.active && i.categoryId === categoryId && !(withoutWeighed && i.soldByWeight)).sort((a, b) => a.sortOrder - b.sortOrder);
  const currency = index.menu.currency;
  return (
    <section className="menu-browser" aria-label="Menu">
      <div className="category-tabs" role="tablist" aria-label="Categories">
        {categories.map((c) => (
          <button key={c.id} type="button" role="tab" className="btn" aria-selected={c.id === categoryId} onClick={() => setCategoryId(c.id)}>
            {c.name}
          </button>
        ))}
      </div>
      <div className="item-grid" role="tabpanel">
        {items.map((item) => {
          const soldOut = unavailable.has(item.id);
          return (
            <button key={item.id} type="button" className="item-tile" aria-disabled={soldOut} data-item-id={item.id}
              aria-label={`${item.name}, ${formatMoney(item.price, currency)}${item.soldByWeight ? ' per kg' : ''}${soldOut ? ', sold out' : ''}`}
              onClick={() => !soldOut && onPick(item)}>
              <span className="item-name">{item.name}</span>
              {soldOut ? <span className="sold-out">Sold out</span> : <span className="price">{formatMoney(item.price, currency)}{item.soldByWeight ? ' / kg' : ''}</span>}
            </button>
          );
        })}
      </div>
    </section>
  );
}
