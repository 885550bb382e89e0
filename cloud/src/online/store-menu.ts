/**
 * A store's menu as the cloud sells it online: rebuilt from the store's own rows (what its
 * edge sees too), minus the items the store has 86'd. Prices are always computed here.
 */
import { and, eq } from 'drizzle-orm';
import { BrigadeError, type Daypart, type ItemId, type Menu, type MenuItem, type ModifierGroup, type Station } from '@brigade/sync/model';
import { categories, itemAvailability, menuItems, modifierGroups, stores, taxRates } from '@brigade/sync/schema/pg';
import type { Executor } from '../db/database';
import type { StoreRow } from '../stores/store-access';

export interface StoreMenu {
  readonly store: StoreRow;
  readonly menu: Menu;
  readonly unavailable: ReadonlySet<ItemId>;
}

export async function loadStoreMenu(db: Executor, storeId: string): Promise<StoreMenu> {
  const store = (await db.select().from(stores).where(eq(stores.id, storeId)).limit(1))[0];
  if (!store) throw new BrigadeError('NOT_FOUND');
  const [items, groups, rates, cats, off] = await Promise.all([
    db.select().from(menuItems).where(eq(menuItems.storeId, storeId)),
    db.select().from(modifierGroups).where(eq(modifierGroups.storeId, storeId)),
    db.select().from(taxRates).where(eq(taxRates.storeId, storeId)),
    db.select().from(categories).where(eq(categories.storeId, storeId)),
    db.select({ itemId: itemAvailability.itemId }).from(itemAvailability).where(and(eq(itemAvailability.storeId, storeId), eq(itemAvailability.unavailable, true))),
  ]);
  // Each item row carries its dayparts whole; the menu's list is their union (as on the edge).
  const dayparts = new Map<string, Daypart>();
  for (const i of items) for (const d of (i.dayparts as Daypart[] | null) ?? []) dayparts.set(d.id, d);
  const menu: Menu = {
    currency: store.currency,
    taxInclusive: store.taxInclusive,
    stations: store.stations as Station[],
    categories: cats.map((c) => ({ id: c.id, name: c.name, sortOrder: c.sortOrder })) as unknown as Menu['categories'],
    taxRates: rates.map((t) => ({ id: t.id, name: t.name, rateBps: t.rateBps })) as unknown as Menu['taxRates'],
    modifierGroups: groups.map((g) => ({ id: g.id, name: g.name, min: g.min, max: g.max, options: g.options, ...(g.kind ? { kind: g.kind } : {}) })) as unknown as ModifierGroup[],
    ...(dayparts.size > 0 ? { dayparts: [...dayparts.values()] } : {}),
    items: items.map((i) => ({
      id: i.id,
      categoryId: i.categoryId,
      name: i.name,
      description: i.description,
      price: i.price,
      taxRateIds: i.taxRateIds,
      stationId: i.stationId,
      modifierGroupIds: i.modifierGroupIds,
      sortOrder: i.sortOrder,
      active: i.active,
      ...(i.soldByWeight ? { soldByWeight: true } : {}),
      ...(i.imageUrl ? { imageUrl: i.imageUrl } : {}),
      ...(i.allergens ? { allergens: i.allergens } : {}),
      ...(i.dietaryTags ? { dietaryTags: i.dietaryTags } : {}),
      ...(i.channelPrices ? { channelPrices: i.channelPrices } : {}),
      ...(i.dayparts ? { daypartIds: (i.dayparts as Daypart[]).map((d) => d.id) } : {}),
      ...(i.combo ? { combo: i.combo } : {}),
      ...(i.taxRateIdsByDiningOption ? { taxRateIdsByDiningOption: i.taxRateIdsByDiningOption } : {}),
    })) as unknown as MenuItem[],
  };
  return { store, menu, unavailable: new Set(off.map((o) => o.itemId as ItemId)) };
}
