/** Forms for a new menu item and a new modifier group; inputs are checked here and again by the cloud. */
import type { CategoryId, Menu, StationId, TaxRateId } from '@brigade/sync/model';
import { type FormEvent, useState } from 'react';
import { parsePrice } from './dashboard-format';
import { parseOptions } from './modifier-options';
import type { NewGroup, NewItem } from './owner-api';

export function NewItemForm({ menu, onCreate }: { menu: Menu; onCreate: (item: NewItem) => Promise<boolean> }) {
  const [name, setName] = useState('');
  const [categoryId, setCategoryId] = useState(menu.categories[0]?.id ?? '');
  const [stationId, setStationId] = useState(menu.stations[0]?.id ?? '');
  const [price, setPrice] = useState('');
  const [taxRateIds, setTaxRateIds] = useState<string[]>(menu.taxRates.slice(0, 1).map((t) => t.id));
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const amount = parsePrice(price, menu.currency);
    if (!name.trim()) return setProblem('Give the item a name.');
    if (amount === null) return setProblem('Type a price like 12.50.');
    setProblem(null);
    const ok = await onCreate({
      name: name.trim(), description: '', price: amount, categoryId: categoryId as CategoryId, stationId: stationId as StationId,
      taxRateIds: taxRateIds as TaxRateId[], modifierGroupIds: [], active: true,
      sortOrder: menu.items.filter((i) => i.categoryId === categoryId).length,
    });
    if (ok) {
      setName('');
      setPrice('');
    }
  };
  return (
    <form className="card stack-form" onSubmit={(e) => void submit(e)} aria-labelledby="new-item-h">
      <h2 id="new-item-h">New item</h2>
      <label>Name<input value={name} maxLength={80} onChange={(e) => setName(e.target.value)} /></label>
      <label>Price<input value={price} inputMode="decimal" onChange={(e) => setPrice(e.target.value)} placeholder="12.50" /></label>
      <label>Category<select value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>{menu.categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}</select></label>
      <label>Kitchen station<select value={stationId} onChange={(e) => setStationId(e.target.value)}>{menu.stations.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}</select></label>
      <fieldset><legend>Taxes</legend>
        {menu.taxRates.map((t) => (
          <label key={t.id} className="check"><input type="checkbox" checked={taxRateIds.includes(t.id)} onChange={(e) => setTaxRateIds((ids) => (e.target.checked ? [...ids, t.id] : ids.filter((id) => id !== t.id)))} />{t.name}</label>
        ))}
      </fieldset>
      {problem && <p role="alert" className="hint hint-error">{problem}</p>}
      <button type="submit" className="btn btn-primary">Add item</button>
    </form>
  );
}

export function NewGroupForm({ currency, onCreate }: { currency: string; onCreate: (group: NewGroup) => Promise<boolean> }) {
  const [name, setName] = useState('');
  const [min, setMin] = useState(0);
  const [max, setMax] = useState(1);
  const [options, setOptions] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseOptions(options, currency);
    if (!name.trim()) return setProblem('Give the group a name.');
    if ('problem' in parsed) return setProblem(parsed.problem);
    if (min > max || max < 1) return setProblem('The minimum must not be above the maximum, and the maximum at least 1.');
    if (min > parsed.options.length) return setProblem('The minimum is more than the number of options.');
    setProblem(null);
    if (await onCreate({ name: name.trim(), min, max, options: parsed.options })) {
      setName('');
      setOptions('');
    }
  };
  return (
    <form className="card stack-form" onSubmit={(e) => void submit(e)} aria-labelledby="new-group-h">
      <h2 id="new-group-h">New modifier group</h2>
      <label>Name<input value={name} maxLength={80} onChange={(e) => setName(e.target.value)} placeholder="Sauce" /></label>
      <div className="inline-form">
        <label>Min<input type="number" min={0} max={50} value={min} onChange={(e) => setMin(Number(e.target.value))} /></label>
        <label>Max<input type="number" min={1} max={50} value={max} onChange={(e) => setMax(Number(e.target.value))} /></label>
      </div>
      <label>Options, one per line (name, extra price)<textarea rows={4} value={options} onChange={(e) => setOptions(e.target.value)} placeholder={'Ketchup\nAioli, 0.50'} /></label>
      {problem && <p role="alert" className="hint hint-error">{problem}</p>}
      <button type="submit" className="btn btn-primary">Add group</button>
    </form>
  );
}
