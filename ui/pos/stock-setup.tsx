/** Managers' stock set-up on the POS: new ingredients with their alert level, and what each item consumes. */
import { type IngredientUnit, type MenuIndex, newId } from '@brigade/sync/model';
import { useState } from 'react';
import { useHub } from '../shared/hub-context';
import { useToasts } from '../shared/toasts';
import type { StockSnapshot } from './stock-data';
import { ApprovalCancelled, useStaff } from './staff-session';

function useManagerAction() {
  const toasts = useToasts();
  const { managerApproval } = useStaff();
  return async (action: string, run: (pin: { managerPin?: string }) => Promise<unknown>): Promise<boolean> => {
    try {
      const pin = await managerApproval(action);
      await run(pin ? { managerPin: pin } : {});
      return true;
    } catch (error) {
      if (!(error instanceof ApprovalCancelled)) toasts.error(error);
      return false;
    }
  };
}

export function StockSetup({ index, stock, onChanged }: { index: MenuIndex; stock: StockSnapshot; onChanged: () => void }) {
  return (
    <div className="stock-setup">
      <NewIngredient onChanged={onChanged} />
      {stock.ingredients.length > 0 && <RecipeEditor index={index} stock={stock} onChanged={onChanged} />}
    </div>
  );
}

function NewIngredient({ onChanged }: { onChanged: () => void }) {
  const { client } = useHub();
  const asManager = useManagerAction();
  const [name, setName] = useState('');
  const [unit, setUnit] = useState<IngredientUnit>('each');
  const [lowThreshold, setLowThreshold] = useState(0);
  const add = async () => {
    const ok = await asManager(`Add ${name} to the stock list`, (pin) =>
      client.command('inventory.defineIngredient', { ingredientId: newId(), name: name.trim(), unit, lowThreshold, ...pin }, { commandId: newId() }));
    if (ok) {
      setName('');
      onChanged();
    }
  };
  return (
    <fieldset className="stock-new">
      <legend>New ingredient</legend>
      <label>Name <input value={name} maxLength={80} onChange={(e) => setName(e.target.value)} /></label>
      <label>Counted in
        <select value={unit} onChange={(e) => setUnit(e.target.value as IngredientUnit)}>
          <option value="each">pieces</option>
          <option value="g">grams</option>
          <option value="ml">millilitres</option>
        </select>
      </label>
      <label>Alert at or below <input type="number" inputMode="numeric" min={0} value={lowThreshold} onChange={(e) => setLowThreshold(Math.max(0, Math.round(Number(e.target.value))))} /></label>
      <button type="button" className="btn btn-big btn-primary" disabled={name.trim() === ''} onClick={() => void add()}>Add ingredient</button>
    </fieldset>
  );
}

function RecipeEditor({ index, stock, onChanged }: { index: MenuIndex; stock: StockSnapshot; onChanged: () => void }) {
  const { client } = useHub();
  const asManager = useManagerAction();
  const items = index.menu.items.filter((i) => i.active && !i.soldByWeight);
  const [itemId, setItemId] = useState(items[0]?.id ?? '');
  const current = (id: string) => Object.fromEntries(stock.recipes.filter((r) => r.targetKind === 'item' && r.targetId === id).map((r) => [r.ingredientId, r.quantity]));
  const [quantities, setQuantities] = useState<Record<string, number>>(() => current(itemId));
  const choose = (id: string) => {
    setItemId(id);
    setQuantities(current(id));
  };
  const save = async () => {
    const components = Object.entries(quantities).filter(([, q]) => q > 0).map(([ingredientId, quantity]) => ({ ingredientId, quantity }));
    const name = index.items.get(itemId as never)?.name ?? itemId;
    if (await asManager(`Change the recipe of ${name}`, (pin) => client.command('inventory.setRecipe', { targetKind: 'item', targetId: itemId, components, ...pin }, { commandId: newId() }))) onChanged();
  };
  return (
    <fieldset className="stock-recipe">
      <legend>Recipe: what one portion uses</legend>
      <label>Item
        <select value={itemId} onChange={(e) => choose(e.target.value)}>
          {items.map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
        </select>
      </label>
      <ul className="stock-rows">
        {stock.ingredients.map((i) => (
          <li key={i.id}>
            <label>{i.name}
              <input type="number" inputMode="numeric" min={0} value={quantities[i.id] ?? 0}
                onChange={(e) => setQuantities((q) => ({ ...q, [i.id]: Math.max(0, Math.round(Number(e.target.value))) }))} />
              {i.unit === 'each' ? 'pcs' : i.unit}
            </label>
          </li>
        ))}
      </ul>
      <button type="button" className="btn btn-big btn-primary" disabled={!itemId} onClick={() => void save()}>Save recipe</button>
    </fieldset>
  );
}
