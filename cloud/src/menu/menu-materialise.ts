/**
 * Publishes a menu document to the per-store rows edges follow. Rows are upserted (the
 * capture trigger ignores updates that change nothing) and rows no longer on the menu are
 * deleted, so the shape log only carries real changes. Runs inside the caller's transaction.
 */
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Menu } from '@brigade/sync/model';
import { categories, menuItems, modifierGroups, stores, taxRates } from '@brigade/sync/schema/pg';
import type { CloudTx } from '../db/database';

const excluded = (column: string) => sql.raw(`excluded."${column}"`);

export async function materialiseMenu(tx: CloudTx, menuId: string, organisationId: string, menu: Menu, storeIds: readonly string[]): Promise<void> {
  for (const storeId of storeIds) {
    const scope = { storeId, organisationId, menuId };
    if (menu.categories.length > 0) {
      await tx
        .insert(categories)
        .values(menu.categories.map((c) => ({ ...scope, id: c.id, name: c.name, sortOrder: c.sortOrder })))
        .onConflictDoUpdate({ target: [categories.storeId, categories.id], set: { menuId, name: excluded('name'), sortOrder: excluded('sort_order') } });
    }
    if (menu.taxRates.length > 0) {
      await tx
        .insert(taxRates)
        .values(menu.taxRates.map((t) => ({ ...scope, id: t.id, name: t.name, rateBps: t.rateBps })))
        .onConflictDoUpdate({ target: [taxRates.storeId, taxRates.id], set: { menuId, name: excluded('name'), rateBps: excluded('rate_bps') } });
    }
    if (menu.modifierGroups.length > 0) {
      await tx
        .insert(modifierGroups)
        .values(menu.modifierGroups.map((g) => ({ ...scope, id: g.id, name: g.name, min: g.min, max: g.max, options: g.options, kind: g.kind ?? null })))
        .onConflictDoUpdate({
          target: [modifierGroups.storeId, modifierGroups.id],
          set: { menuId, name: excluded('name'), min: excluded('min'), max: excluded('max'), options: excluded('options'), kind: excluded('kind') },
        });
    }
    if (menu.items.length > 0) {
      await tx
        .insert(menuItems)
        .values(
          menu.items.map((i) => ({
            ...scope,
            id: i.id,
            categoryId: i.categoryId,
            name: i.name,
            description: i.description,
            price: i.price,
            taxRateIds: i.taxRateIds,
            stationId: i.stationId,
            modifierGroupIds: i.modifierGroupIds,
            soldByWeight: i.soldByWeight ?? false,
            barcode: i.barcode ?? null,
            allergens: i.allergens ?? null,
            imageUrl: i.imageUrl ?? null,
            sortOrder: i.sortOrder,
            active: i.active,
            dietaryTags: i.dietaryTags ?? null,
            channelPrices: i.channelPrices ?? null,
            // The whole dayparts, so the store rebuilds them from its item rows alone.
            dayparts: i.daypartIds && i.daypartIds.length > 0 ? (menu.dayparts ?? []).filter((d) => i.daypartIds?.includes(d.id)) : null,
            combo: i.combo ?? null,
            taxRateIdsByDiningOption: i.taxRateIdsByDiningOption ?? null,
          })),
        )
        .onConflictDoUpdate({
          target: [menuItems.storeId, menuItems.id],
          set: Object.fromEntries(
            ['category_id', 'name', 'description', 'price', 'tax_rate_ids', 'station_id', 'modifier_group_ids', 'sold_by_weight', 'barcode', 'allergens', 'image_url', 'sort_order', 'active', 'menu_id',
              'dietary_tags', 'channel_prices', 'dayparts', 'combo', 'tax_rate_ids_by_dining_option'].map((c) => [
              camel(c),
              excluded(c),
            ]),
          ),
        });
    }
    await deleteMissing(tx, storeId, menu);
    await tx
      .update(stores)
      .set({ menuId, stations: menu.stations, taxInclusive: menu.taxInclusive, currency: menu.currency })
      .where(eq(stores.id, storeId));
  }
}

async function deleteMissing(tx: CloudTx, storeId: string, menu: Menu): Promise<void> {
  const keep = <T extends { id: string }>(list: readonly T[]) => list.map((x) => x.id);
  const tables = [
    [menuItems, keep(menu.items)],
    [modifierGroups, keep(menu.modifierGroups)],
    [taxRates, keep(menu.taxRates)],
    [categories, keep(menu.categories)],
  ] as const;
  for (const [table, ids] of tables) {
    await tx.delete(table).where(ids.length > 0 ? and(eq(table.storeId, storeId), notInArray(table.id, ids)) : eq(table.storeId, storeId));
  }
}

/** Removes a store's menu rows (when a menu is unassigned). */
export async function clearStoreMenu(tx: CloudTx, storeIds: readonly string[]): Promise<void> {
  if (storeIds.length === 0) return;
  for (const table of [menuItems, modifierGroups, taxRates, categories]) await tx.delete(table).where(inArray(table.storeId, storeIds));
}

function camel(column: string): string {
  return column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}
