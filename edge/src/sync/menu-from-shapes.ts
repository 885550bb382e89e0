/**
 * Rebuilds the store's `Menu` from the cloud shapes' rows (snake_case columns, values parsed
 * by the Electric client from the `electric-schema` header). Returns null until every shape
 * the menu needs has arrived, so a half-synced menu never replaces a working one.
 */
import type { Menu } from '@brigade/sync/model';

type Row = Record<string, unknown>;

export const MENU_SHAPES = ['menu_items', 'modifier_groups', 'tax_rates', 'categories', 'stores'] as const;

export function menuFromShapes(rows: Readonly<Record<(typeof MENU_SHAPES)[number], readonly Row[]>>): Menu | null {
  const store = rows.stores[0];
  if (!store || rows.menu_items.length === 0) return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const num = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0));
  const list = <T>(v: unknown) => (Array.isArray(v) ? (v as T[]) : []);
  return {
    currency: text(store.currency),
    taxInclusive: store.tax_inclusive === true,
    stations: list(store.stations),
    categories: rows.categories.map((c) => ({ id: text(c.id), name: text(c.name), sortOrder: num(c.sort_order) })) as unknown as Menu['categories'],
    taxRates: rows.tax_rates.map((t) => ({ id: text(t.id), name: text(t.name), rateBps: num(t.rate_bps) })) as unknown as Menu['taxRates'],
    modifierGroups: rows.modifier_groups.map((g) => ({ id: text(g.id), name: text(g.name), min: num(g.min), max: num(g.max), options: list(g.options) })) as unknown as Menu['modifierGroups'],
    items: rows.menu_items.map((i) => ({
      id: text(i.id),
      categoryId: text(i.category_id),
      name: text(i.name),
      description: text(i.description),
      price: num(i.price),
      taxRateIds: list(i.tax_rate_ids),
      stationId: text(i.station_id),
      modifierGroupIds: list(i.modifier_group_ids),
      sortOrder: num(i.sort_order),
      active: i.active === true,
      ...(i.sold_by_weight === true ? { soldByWeight: true } : {}),
      ...(typeof i.barcode === 'string' ? { barcode: i.barcode } : {}),
      ...(typeof i.image_url === 'string' ? { imageUrl: i.image_url } : {}),
      ...(Array.isArray(i.allergens) ? { allergens: i.allergens as string[] } : {}),
    })) as unknown as Menu['items'],
  };
}
