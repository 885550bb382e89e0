/**
 * The POS's view of the store's stock: levels with low-stock alerts, recipes and what the
 * stock has 86'd, read from the hub and read again whenever a sale, a void or an 86 may
 * have moved it (the live events say so).
 */
import type { RecipeTargetKind, StockLevel } from '@brigade/sync/model';
import { useCallback, useState } from 'react';
import { useHub, useHubEvents, useResync } from '../shared/hub-context';

export interface RecipeRow {
  targetKind: RecipeTargetKind;
  targetId: string;
  ingredientId: string;
  quantity: number;
}

export interface StockSnapshot {
  ingredients: StockLevel[];
  recipes: RecipeRow[];
  autoUnavailable: string[];
}

export function useStock(): { stock: StockSnapshot | null; reload: () => void; error: unknown } {
  const { client } = useHub();
  const [stock, setStock] = useState<StockSnapshot | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => {
    client.get<StockSnapshot>('/api/inventory').then((s) => { setStock(s); setError(null); }, setError);
  }, [client]);
  useResync(reload);
  useHubEvents((event) => {
    // A fire, a payment or a void moves stock; an 86 may be the stock's own.
    if (event.type === 'item.availability' || (event.type === 'order.updated' && event.order.status !== 'open')) reload();
  });
  return { stock, reload, error };
}

/** The low ingredients' names, for the tab badge and the alert. */
export function lowIngredients(stock: StockSnapshot | null): StockLevel[] {
  return stock ? stock.ingredients.filter((i) => i.low) : [];
}

export function unitLabel(unit: StockLevel['unit']): string {
  return unit === 'each' ? 'pcs' : unit;
}
