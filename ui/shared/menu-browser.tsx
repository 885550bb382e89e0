/**
 * Categories as tabs and items as large tiles with their photo, allergens and dietary tags;
 * 86'd items stay visible, marked sold out, and items outside their daypart say when they
 * are served. Diet chips filter the tiles (only when the menu has tags or allergens).
 */
import { type CategoryId, type ItemId, type MenuIndex, type MenuItem, type OrderChannel, formatMoney, itemPriceFor } from '@brigade/sync/model';
import { useEffect, useState } from 'react';
import { type DietFilter, NO_FILTER, filterChoices, label, matchesFilter, notServedNote, toggleIn } from './menu-filters';

interface Props {
  index: MenuIndex;
  unavailable: ReadonlySet<ItemId>;
  onPick: (item: MenuItem) => void;
  /** Screens without a scale (kiosk) leave out items sold by weight. */
  withoutWeighed?: boolean;
  /** The store's time zone, for dayparts; without it every item counts as served. */
  timeZone?: string;
  /** Shows the channel's prices (kiosk, online). */
  channel?: OrderChannel;
}

/** The wall clock, once a minute: enough for dayparts that start on the minute. */
function useMinute(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function MenuBrowser({ index, unavailable, onPick, withoutWeighed = false, timeZone, channel }: Props) {
  const categories = [...index.menu.categories].sort((a, b) => a.sortOrder - b.sortOrder);
  const [categoryId, setCategoryId] = useState<CategoryId | undefined>(categories[0]?.id);
  const [filter, setFilter] = useState<DietFilter>(NO_FILTER);
  const now = useMinute();
  const items = index.menu.items
    .filter((i) => i.active && i.categoryId === categoryId && !(withoutWeighed && i.soldByWeight) && matchesFilter(i, filter))
    .sort((a, b) => a.sortOrder - b.sortOrder);
  const currency = index.menu.currency;
  const choices = filterChoices(index.menu);
  return (
    <section className="menu-browser" aria-label="Menu">
      <div className="category-tabs" role="tablist" aria-label="Categories">
        {categories.map((c) => (
          <button key={c.id} type="button" role="tab" className="btn" aria-selected={c.id === categoryId} onClick={() => setCategoryId(c.id)}>
            {c.name}
          </button>
        ))}
      </div>
      {(choices.tags.length > 0 || choices.allergens.length > 0) && (
        <div className="diet-filters" role="group" aria-label="Dietary filters">
          {choices.tags.map((t) => (
            <button key={t} type="button" className="btn chip" aria-pressed={filter.tags.includes(t)} onClick={() => setFilter((f) => ({ ...f, tags: toggleIn(f.tags, t) }))}>
              {label(t)}
            </button>
          ))}
          {choices.allergens.map((a) => (
            <button key={a} type="button" className="btn chip" aria-pressed={filter.withoutAllergens.includes(a)}
              onClick={() => setFilter((f) => ({ ...f, withoutAllergens: toggleIn(f.withoutAllergens, a) }))}>
              No {a}
            </button>
          ))}
        </div>
      )}
      <div className="item-grid" role="tabpanel">
        {items.length === 0 && <p className="muted">Nothing here matches the filters.</p>}
        {items.map((item) => (
          <ItemTile key={item.id} item={item} currency={currency} soldOut={unavailable.has(item.id)} channel={channel}
            notServed={timeZone ? notServedNote(index.menu, item, now, timeZone) : null} onPick={onPick} />
        ))}
      </div>
    </section>
  );
}

interface TileProps {
  item: MenuItem;
  currency: string;
  soldOut: boolean;
  notServed: string | null;
  channel: OrderChannel | undefined;
  onPick: (item: MenuItem) => void;
}

function ItemTile({ item, currency, soldOut, notServed, channel, onPick }: TileProps) {
  const blocked = soldOut || notServed !== null;
  const price = formatMoney(itemPriceFor(item, channel), currency);
  const status = soldOut ? 'sold out' : notServed ? `unavailable now, ${notServed.toLowerCase()}` : '';
  const diet = [...(item.dietaryTags ?? []).map(label), ...(item.allergens ?? []).map((a) => `Contains ${a}`)];
  return (
    <button type="button" className={`item-tile ${notServed ? 'item-not-served' : ''}`} aria-disabled={blocked} data-item-id={item.id}
      aria-label={`${item.name}, ${price}${item.soldByWeight ? ' per kg' : ''}${status ? `, ${status}` : ''}${diet.length > 0 ? `. ${diet.join(', ')}` : ''}`}
      onClick={() => !blocked && onPick(item)}>
      {item.imageUrl && <img className="item-photo" src={item.imageUrl} alt="" loading="lazy" />}
      <span className="item-name">{item.name}</span>
      {soldOut ? (
        <span className="sold-out">Sold out</span>
      ) : notServed ? (
        <span className="not-served">{notServed}</span>
      ) : (
        <span className="price">{price}{item.soldByWeight ? ' / kg' : ''}</span>
      )}
      {diet.length > 0 && (
        <span className="item-diet">
          {(item.dietaryTags ?? []).map((t) => <span key={t} className="tag tag-diet">{label(t)}</span>)}
          {(item.allergens ?? []).map((a) => <span key={a} className="tag tag-allergen">{a}</span>)}
        </span>
      )}
    </button>
  );
}
