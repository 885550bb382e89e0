/**
 * One item's deeper fields in the menu editor: kiosk and online prices, dietary tags,
 * allergens and the daypart it is sold in. Saved together as one PATCH; empty fields remove.
 */
import type { Menu, MenuItem } from '@brigade/sync/model';
import { type FormEvent, useState } from 'react';
import { channelPriceInput, parseChannelPrice, parseTags, tagsInput } from './menu-details';
import type { ItemPatch } from './owner-api';

interface Props {
  menu: Menu;
  item: MenuItem;
  onSave: (what: string, patch: ItemPatch) => Promise<boolean>;
}

export function ItemDetails({ menu, item, onSave }: Props) {
  const currency = menu.currency;
  const [kiosk, setKiosk] = useState(channelPriceInput(item.channelPrices?.kiosk, currency));
  const [online, setOnline] = useState(channelPriceInput(item.channelPrices?.online, currency));
  const [tags, setTags] = useState(tagsInput(item.dietaryTags));
  const [allergens, setAllergens] = useState(tagsInput(item.allergens));
  const [daypartId, setDaypartId] = useState(item.daypartIds?.[0] ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const kioskPrice = parseChannelPrice(kiosk, currency);
    const onlinePrice = parseChannelPrice(online, currency);
    if (kioskPrice === 'invalid' || onlinePrice === 'invalid') return setProblem('Type prices like 12.50, or leave the box empty.');
    setProblem(null);
    const channelPrices = { ...(kioskPrice !== null ? { kiosk: kioskPrice } : {}), ...(onlinePrice !== null ? { online: onlinePrice } : {}) };
    void onSave(`Details of ${item.name}`, {
      channelPrices: Object.keys(channelPrices).length > 0 ? channelPrices : null,
      dietaryTags: parseTags(tags),
      allergens: parseTags(allergens),
      daypartIds: daypartId ? [daypartId as NonNullable<MenuItem['daypartIds']>[number]] : null,
    });
  };
  return (
    <details>
      <summary>Details{item.combo ? ' · combo' : ''}</summary>
      <form className="stack-form" onSubmit={submit} aria-label={`Details of ${item.name}`}>
        <div className="inline-form">
          <label>Kiosk price<input aria-label={`Kiosk price of ${item.name}`} inputMode="decimal" size={7} value={kiosk} onChange={(e) => setKiosk(e.target.value)} placeholder="same" /></label>
          <label>Online price<input aria-label={`Online price of ${item.name}`} inputMode="decimal" size={7} value={online} onChange={(e) => setOnline(e.target.value)} placeholder="same" /></label>
        </div>
        <label>Dietary tags<input aria-label={`Dietary tags of ${item.name}`} value={tags} onChange={(e) => setTags(e.target.value)} placeholder="vegan, gluten-free" /></label>
        <label>Allergens<input aria-label={`Allergens of ${item.name}`} value={allergens} onChange={(e) => setAllergens(e.target.value)} placeholder="milk, egg" /></label>
        <label>Sold
          <select aria-label={`Daypart of ${item.name}`} value={daypartId} onChange={(e) => setDaypartId(e.target.value)}>
            <option value="">All day</option>
            {(menu.dayparts ?? []).map((d) => <option key={d.id} value={d.id}>{d.name} ({d.start}–{d.end})</option>)}
          </select>
        </label>
        {item.combo && <p className="muted small">Choices: {item.combo.slots.map((s) => s.name).join(', ')}</p>}
        {problem && <p role="alert" className="hint hint-error">{problem}</p>}
        <button type="submit" className="btn">Save details</button>
      </form>
    </details>
  );
}
