/**
 * Stock on the POS, touch-first: levels with low-stock alerts, receiving a delivery and
 * counting the shelf with big steppers, logging waste, and (managers) the stock list and
 * recipes. Every change is a command; the levels come back from the hub.
 */
import { type MenuIndex, type StockLevel, newId } from '@brigade/sync/model';
import { useState } from 'react';
import { useHub } from '../shared/hub-context';
import { useToasts } from '../shared/toasts';
import { StockSetup } from './stock-setup';
import { type StockSnapshot, lowIngredients, unitLabel, useStock } from './stock-data';

type Mode = 'levels' | 'receive' | 'count' | 'waste' | 'setup';
const MODES: readonly { id: Mode; label: string }[] = [
  { id: 'levels', label: 'Levels' },
  { id: 'receive', label: 'Receive delivery' },
  { id: 'count', label: 'Count' },
  { id: 'waste', label: 'Waste' },
  { id: 'setup', label: 'Stock list & recipes' },
];

export function StockView({ index }: { index: MenuIndex | null }) {
  const { stock, reload } = useStock();
  const [mode, setMode] = useState<Mode>('levels');
  const low = lowIngredients(stock);
  return (
    <section className="stock" aria-label="Stock">
      {low.length > 0 && (
        <p className="stock-alert" role="alert" data-testid="low-stock-alert">
          Low stock: {low.map((i) => `${i.name} (${i.level} ${unitLabel(i.unit)})`).join(', ')}
        </p>
      )}
      <div className="tabs" role="tablist" aria-label="Stock sections">
        {MODES.map((m) => (
          <button key={m.id} type="button" role="tab" className="btn" aria-selected={mode === m.id} onClick={() => setMode(m.id)}>{m.label}</button>
        ))}
      </div>
      {!stock && <p>Loading stock…</p>}
      {stock && mode === 'levels' && <Levels stock={stock} index={index} />}
      {stock && (mode === 'receive' || mode === 'count') && (
        <QuantitySheet key={mode} mode={mode} ingredients={stock.ingredients} onDone={() => { reload(); setMode('levels'); }} />
      )}
      {stock && mode === 'waste' && <WasteForm ingredients={stock.ingredients} onDone={reload} />}
      {stock && mode === 'setup' && index && <StockSetup index={index} stock={stock} onChanged={reload} />}
    </section>
  );
}

function Levels({ stock, index }: { stock: StockSnapshot; index: MenuIndex | null }) {
  if (stock.ingredients.length === 0) return <p>No ingredients yet. A manager adds them under “Stock list & recipes”.</p>;
  const itemName = (id: string) => index?.items.get(id as never)?.name ?? id;
  return (
    <>
      <table className="stock-levels">
        <thead><tr><th scope="col">Ingredient</th><th scope="col">On hand</th><th scope="col">Alert at</th></tr></thead>
        <tbody>
          {stock.ingredients.map((i) => (
            <tr key={i.id} className={i.low ? 'stock-low' : undefined} data-testid={`stock-${i.name}`}>
              <th scope="row">{i.name}</th>
              <td>{i.level} {unitLabel(i.unit)}</td>
              <td>{i.lowThreshold > 0 ? `${i.lowThreshold} ${unitLabel(i.unit)}` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {stock.autoUnavailable.length > 0 && (
        <p role="status">Sold out by stock: {stock.autoUnavailable.map(itemName).join(', ')}. A delivery or a count brings them back.</p>
      )}
    </>
  );
}

/** Receiving (quantities added) or counting (what is on the shelf), one big stepper per ingredient. */
function QuantitySheet({ mode, ingredients, onDone }: { mode: 'receive' | 'count'; ingredients: StockLevel[]; onDone: () => void }) {
  const { client } = useHub();
  const toasts = useToasts();
  const [values, setValues] = useState<Record<string, number>>(() =>
    Object.fromEntries(ingredients.map((i) => [i.id, mode === 'count' ? Math.max(0, i.level) : 0])));
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const set = (id: string, value: number) => {
    setValues((v) => ({ ...v, [id]: Math.max(0, Math.round(value)) }));
    setTouched((t) => new Set(t).add(id));
  };
  const lines = ingredients.filter((i) => (mode === 'receive' ? (values[i.id] ?? 0) > 0 : touched.has(i.id)));
  const submit = async () => {
    setBusy(true);
    try {
      if (mode === 'receive') {
        await client.command('inventory.receive', { lines: lines.map((i) => ({ ingredientId: i.id, quantity: values[i.id] ?? 0 })) }, { commandId: newId() });
        toasts.info('Delivery recorded.');
      } else {
        await client.command('inventory.count', { lines: lines.map((i) => ({ ingredientId: i.id, counted: values[i.id] ?? 0 })) }, { commandId: newId() });
        toasts.info('Count saved.');
      }
      onDone();
    } catch (error) {
      toasts.error(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="stock-sheet">
      <p>{mode === 'receive' ? 'Add what arrived.' : 'Set what is on the shelf now; only the rows you change are counted.'}</p>
      <ul className="stock-rows">
        {ingredients.map((i) => {
          const value = values[i.id] ?? 0;
          const step = i.unit === 'each' ? 1 : 100;
          return (
            <li key={i.id}>
              <span className="stock-name">{i.name}<small> now {i.level} {unitLabel(i.unit)}</small></span>
              <span className="stepper">
                <button type="button" className="btn btn-big" aria-label={`Less ${i.name}`} onClick={() => set(i.id, value - step)}>−</button>
                <input type="number" inputMode="numeric" min={0} aria-label={`${i.name} ${mode === 'receive' ? 'received' : 'counted'}`} value={value}
                  onChange={(e) => set(i.id, Number(e.target.value))} />
                <button type="button" className="btn btn-big" aria-label={`More ${i.name}`} onClick={() => set(i.id, value + step)}>+</button>
                <span>{unitLabel(i.unit)}</span>
              </span>
            </li>
          );
        })}
      </ul>
      <button type="button" className="btn btn-big btn-primary btn-wide" disabled={busy || lines.length === 0} onClick={() => void submit()}>
        {mode === 'receive' ? 'Record delivery' : 'Save count'}
      </button>
    </div>
  );
}

function WasteForm({ ingredients, onDone }: { ingredients: StockLevel[]; onDone: () => void }) {
  const { client } = useHub();
  const toasts = useToasts();
  const [ingredientId, setIngredientId] = useState(ingredients[0]?.id ?? '');
  const [quantity, setQuantity] = useState(1);
  const [reason, setReason] = useState('');
  const submit = async () => {
    try {
      await client.command('inventory.waste', { ingredientId, quantity, reason }, { commandId: newId() });
      toasts.info('Waste logged.');
      setReason('');
      onDone();
    } catch (error) {
      toasts.error(error);
    }
  };
  return (
    <div className="stock-waste">
      <label>Ingredient
        <select value={ingredientId} onChange={(e) => setIngredientId(e.target.value)}>
          {ingredients.map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
        </select>
      </label>
      <label>Quantity <input type="number" inputMode="numeric" min={1} value={quantity} onChange={(e) => setQuantity(Math.max(1, Math.round(Number(e.target.value))))} /></label>
      <label>Why <input value={reason} maxLength={140} placeholder="Dropped, spoiled…" onChange={(e) => setReason(e.target.value)} /></label>
      <button type="button" className="btn btn-big btn-primary" disabled={!ingredientId || reason.trim() === ''} onClick={() => void submit()}>Log waste</button>
    </div>
  );
}
