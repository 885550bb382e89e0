/**
 * Rebuilds the store's `Menu` from the cloud shapes' rows (snake_case columns, values parsed
 * by the Electric client from the `electric-schema` header). Returns null until every shape
 * the menu needs has arrived, so a half-synced menu never replaces a working one.
 */
import type { Daypart, Menu } from '@brigade/sync/model';

type Row = Record<string, unknown>;

export const MENU_SHAPES = ['menu_items', 'modifier_groups', 'tax_rates', 'categories', 'stores'] as const;

export function menuFromShapes(rows: Readonly<Record<(typeof MENU_SHAPES)[number], readonly Row[]>>): Menu | null {
  const store = rows.stores[0];
  if (!store || rows.menu_items.length === 0) return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const num = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0));
  const list = <T>(v: unknown) => (Array.isArray(v) ? (v as T[]) : []);
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  // Each item row carries its dayparts whole; the menu's list is their union by id.
  const dayparts = new Map<string, Daypart>();
  for (const i of rows.menu_items) for (const d of list<Daypart>(i.dayparts)) dayparts.set(d.id, d);
  return {
    currency: text(store.currency),
    taxInclusive: store.tax_inclusive === true,
    stations: list(store.stations),
    categories: rows.categories.map((c) => ({ id: text(c.id), name: text(c.name), sortOrder: num(c.sort_order) })) as unknown as Menu['categories'],
    taxRates: rows.tax_rates.map((t) => ({ id: text(t.id), name: text(t.name), rateBps: num(t.rate_bps) })) as unknown as Menu['taxRates'],
    modifierGroups: rows.modifier_groups.map((g) => ({
      id: text(g.id), name: text(g.name), min: num(g.min), max: num(g.max), options: list(g.options),
      ...(g.kind === 'variant' || g.kind === 'modifier' ? { kind: g.kind } : {}),
    })) as unknown as Menu['modifierGroups'],
    ...(dayparts.size > 0 ? { dayparts: [...dayparts.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) } : {}),
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
      ...(Array.isArray(i.dietary_tags) ? { dietaryTags: i.dietary_tags as string[] } : {}),
      ...(isObject(i.channel_prices) ? { channelPrices: i.channel_prices } : {}),
      ...(Array.isArray(i.dayparts) && i.dayparts.length > 0 ? { daypartIds: list<Daypart>(i.dayparts).map((d) => d.id) } : {}),
      ...(isObject(i.combo) ? { combo: i.combo } : {}),
      ...(isObject(i.tax_rate_ids_by_dining_option) ? { taxRateIdsByDiningOption: i.tax_rate_ids_by_dining_option } : {}),
    })) as unknown as Menu['items'],
  };
}
