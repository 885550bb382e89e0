/**
 * The menu editor: every item with its price, photo and on/off switch, its channel prices,
 * dietary tags, allergens and daypart; new items, modifier groups and dayparts. Each save sends the version it was made against, so two owners editing at
 * once get "the menu changed meanwhile" instead of silently undoing each other.
 */
import { type Menu, type MenuItem, cents, formatMoney } from '@brigade/sync/model';
import { useState } from 'react';
import { CloudApiError } from '../cloud-shared/cloud-http';
import { parsePrice, priceInput } from './dashboard-format';
import { DaypartsForm } from './dayparts-form';
import { NewGroupForm, NewItemForm } from './menu-forms';
import { ItemDetails } from './menu-item-details';
import type { MenuDocument, OwnerClient } from './owner-api';
import { usePoll } from './use-poll';

export function MenuEditor({ client, menuId }: { client: OwnerClient; menuId: string }) {
  const loaded = usePoll(() => client.menu(menuId), null, menuId);
  // The menu as our last save returned it, until a reload brings a newer one.
  const [saved, setDoc] = useState<MenuDocument | null>(null);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const doc = saved && (!loaded.data || saved.version >= loaded.data.version) ? saved : loaded.data;

  if (!doc) return loaded.error ? <p role="alert" className="hint hint-error">{loaded.error}</p> : <p>Loading the menu…</p>;
  const menu = doc.menu;

  /** Runs an edit; the answer carries the new menu and version, which replace ours. */
  const save = async (what: string, edit: (version: number) => Promise<{ version: number; menu: Menu }>): Promise<boolean> => {
    setStatus(null);
    try {
      const result = await edit(doc.version);
      setDoc({ ...doc, version: result.version, menu: result.menu });
      setStatus({ kind: 'ok', text: `${what} saved.` });
      return true;
    } catch (e) {
      if (e instanceof CloudApiError && e.code === 'MENU_VERSION_CONFLICT') loaded.reload();
      setStatus({ kind: 'error', text: e instanceof CloudApiError ? e.message : 'Could not save.' });
      return false;
    }
  };

  const categories = [...menu.categories].sort((a, b) => a.sortOrder - b.sortOrder);
  return (
    <div className="menu-editor">
      <header className="store-title">
        <h1>{doc.name}</h1>
        <span className="muted">version {doc.version} · {menu.items.length} items</span>
      </header>
      <p role="status" aria-live="polite" className={status?.kind === 'error' ? 'hint hint-error' : 'hint'} data-testid="menu-status">{status?.text ?? ''}</p>
      {categories.map((category) => (
        <section key={category.id} className="card" aria-labelledby={`mc-${category.id}`}>
          <h2 id={`mc-${category.id}`}>{category.name}</h2>
          <table className="table items-table">
            <thead><tr><th>Item</th><th>Price</th><th>Photo URL</th><th>On sale</th><th>Channels, diet, daypart</th></tr></thead>
            <tbody>
              {menu.items.filter((i) => i.categoryId === category.id).sort((a, b) => a.sortOrder - b.sortOrder).map((item) => (
                <ItemRow key={`${item.id}-${doc.version}`} menu={menu} item={item} currency={menu.currency} onSave={(what, patch) => save(what, (v) => client.patchItem(menuId, item.id, v, patch))} />
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <div className="grid-2">
        <NewItemForm menu={menu} onCreate={(item) => save(`${item.name}`, (v) => client.createItem(menuId, v, item))} />
        <NewGroupForm currency={menu.currency} onCreate={(group) => save(`${group.name}`, (v) => client.createGroup(menuId, v, group))} />
        <DaypartsForm menu={menu} onSave={(dayparts) => save('Dayparts', (v) => client.replaceDayparts(menuId, v, dayparts))} />
      </div>
    </div>
  );
}

type Patch = Parameters<OwnerClient['patchItem']>[3];

function ItemRow({ menu, item, currency, onSave }: { menu: Menu; item: MenuItem; currency: string; onSave: (what: string, patch: Patch) => Promise<boolean> }) {
  const [price, setPrice] = useState(priceInput(item.price, currency));
  const [photo, setPhoto] = useState(item.imageUrl ?? '');
  const parsed = parsePrice(price, currency);
  const priceChanged = parsed !== null && parsed !== item.price;
  const photoValid = photo === '' || /^https?:\/\/\S+$/.test(photo);
  const photoChanged = photo !== (item.imageUrl ?? '');
  return (
    <tr data-item-id={item.id}>
      <th scope="row">{item.name}<div className="muted small">{formatMoney(cents(item.price), currency)}</div></th>
      <td>
        <form className="inline-form" onSubmit={(e) => { e.preventDefault(); if (parsed !== null && priceChanged) void onSave(`Price of ${item.name}`, { price: parsed }); }}>
          <input aria-label={`Price of ${item.name}`} inputMode="decimal" size={8} value={price} onChange={(e) => setPrice(e.target.value)} aria-invalid={parsed === null ? true : undefined} />
          <button type="submit" className="btn" disabled={!priceChanged} aria-label={`Save price of ${item.name}`}>Save</button>
        </form>
        {parsed === null && <p className="hint hint-error">Type a price like 12.50.</p>}
      </td>
      <td>
        <form className="inline-form" onSubmit={(e) => { e.preventDefault(); if (photoValid && photoChanged) void onSave(`Photo of ${item.name}`, { imageUrl: photo === '' ? null : photo }); }}>
          <input aria-label={`Photo URL of ${item.name}`} type="url" size={24} value={photo} placeholder="https://…" onChange={(e) => setPhoto(e.target.value)} aria-invalid={photoValid ? undefined : true} />
          <button type="submit" className="btn" disabled={!photoValid || !photoChanged} aria-label={`Save photo of ${item.name}`}>Save</button>
        </form>
      </td>
      <td>
        <input type="checkbox" aria-label={`${item.name} on sale`} checked={item.active} onChange={(e) => void onSave(item.name, { active: e.target.checked })} />
      </td>
      <td><ItemDetails menu={menu} item={item} onSave={onSave} /></td>
    </tr>
  );
}
