/**
 * The PWA's menu: categories as sections with photos, prices of the channel, allergens and
 * dietary tags; diet chips filter it; 86'd items say sold out and items outside their
 * daypart say when they are served (the cloud refuses them too).
 */
import { type ItemId, type MenuIndex, type MenuItem, type OrderChannel, formatMoney, itemPriceFor } from '@brigade/sync/model';
import { useState } from 'react';
import { type DietFilter, NO_FILTER, filterChoices, label, matchesFilter, notServedNote, toggleIn } from '../shared/menu-filters';

interface Props {
  index: MenuIndex;
  unavailable: ReadonlySet<ItemId>;
  canOrder: boolean;
  onPick: (item: MenuItem) => void;
  channel: OrderChannel;
  timeZone: string | undefined;
}

export function MenuSections({ index, unavailable, canOrder, onPick, channel, timeZone }: Props) {
  const [filter, setFilter] = useState<DietFilter>(NO_FILTER);
  const currency = index.menu.currency;
  const categories = [...index.menu.categories].sort((a, b) => a.sortOrder - b.sortOrder);
  const choices = filterChoices(index.menu);
  const now = new Date();
  return (
    <>
      <nav className="category-nav" aria-label="Categories">
        {categories.map((c) => <a key={c.id} href={`#cat-${c.id}`}>{c.name}</a>)}
      </nav>
      {(choices.tags.length > 0 || choices.allergens.length > 0) && (
        <div className="diet-filters" role="group" aria-label="Dietary filters">
          {choices.tags.map((t) => (
            <button key={t} type="button" className="btn chip" aria-pressed={filter.tags.includes(t)} onClick={() => setFilter((f) => ({ ...f, tags: toggleIn(f.tags, t) }))}>{label(t)}</button>
          ))}
          {choices.allergens.map((a) => (
            <button key={a} type="button" className="btn chip" aria-pressed={filter.withoutAllergens.includes(a)}
              onClick={() => setFilter((f) => ({ ...f, withoutAllergens: toggleIn(f.withoutAllergens, a) }))}>No {a}</button>
          ))}
        </div>
      )}
      {categories.map((category) => {
        const items = index.menu.items
          .filter((i) => i.active && !i.soldByWeight && i.categoryId === category.id && matchesFilter(i, filter))
          .sort((a, b) => a.sortOrder - b.sortOrder);
        if (items.length === 0) return null;
        return (
          <section key={category.id} id={`cat-${category.id}`} className="menu-section" aria-labelledby={`cat-h-${category.id}`}>
            <h2 id={`cat-h-${category.id}`}>{category.name}</h2>
            <ul className="menu-list">
              {items.map((item) => {
                const soldOut = unavailable.has(item.id);
                const notServed = timeZone ? notServedNote(index.menu, item, now, timeZone) : null;
                const price = formatMoney(itemPriceFor(item, channel), currency);
                return (
                  <li key={item.id}>
                    <button type="button" className="menu-item" disabled={soldOut || notServed !== null || !canOrder} data-item-id={item.id}
                      aria-label={`${item.name}, ${price}${soldOut ? ', sold out' : notServed ? `, unavailable now, ${notServed.toLowerCase()}` : ''}`} onClick={() => onPick(item)}>
                      {item.imageUrl && <img src={item.imageUrl} alt="" loading="lazy" width={72} height={72} />}
                      <span className="menu-item-text">
                        <span className="item-name">{item.name}</span>
                        {item.description && <span className="muted item-description">{item.description}</span>}
                        {((item.dietaryTags ?? []).length > 0 || (item.allergens ?? []).length > 0) && (
                          <span className="item-diet">
                            {(item.dietaryTags ?? []).map((t) => <span key={t} className="tag tag-diet">{label(t)}</span>)}
                            {(item.allergens ?? []).map((a) => <span key={a} className="tag tag-allergen">Contains {a}</span>)}
                          </span>
                        )}
                        {notServed && <span className="not-served">{notServed}</span>}
                      </span>
                      <span className="price">{soldOut ? 'Sold out' : price}</span>
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
