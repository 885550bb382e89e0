/**
 * Menus: the organisation's menu is one document (`menus.document`, a `Menu` from the model),
 * the single writer being head office. Every store the menu is assigned to gets its own rows
 * in the four tables below, keyed `(store_id, id)`, so each store follows them as shapes with
 * `where store_id = $1`. Edits rewrite only the rows that changed, in the same transaction.
 */
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { organisations, stores } from './tables-tenancy';

export const menus = pgTable('menus', {
  id: text('id').primaryKey(),
  organisationId: text('organisation_id').notNull().references(() => organisations.id),
  name: text('name').notNull(),
  document: jsonb('document').notNull(),
  /** Grows by one per edit: the dashboard sends it back to refuse edits on a stale copy. */
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

const perStore = {
  storeId: text('store_id').notNull().references(() => stores.id),
  organisationId: text('organisation_id').notNull().references(() => organisations.id),
  menuId: text('menu_id').notNull().references(() => menus.id),
  id: text('id').notNull(),
};

export const categories = pgTable(
  'categories',
  { ...perStore, name: text('name').notNull(), sortOrder: integer('sort_order').notNull() },
  (t) => [primaryKey({ columns: [t.storeId, t.id] }), index('categories_menu').on(t.menuId)],
);

export const taxRates = pgTable(
  'tax_rates',
  { ...perStore, name: text('name').notNull(), rateBps: integer('rate_bps').notNull() },
  (t) => [primaryKey({ columns: [t.storeId, t.id] }), index('tax_rates_menu').on(t.menuId)],
);

export const modifierGroups = pgTable(
  'modifier_groups',
  {
    ...perStore,
    name: text('name').notNull(),
    min: integer('min').notNull(),
    max: integer('max').notNull(),
    /** `ModifierOption[]` from the model (nested groups in `childGroupIds`). */
    options: jsonb('options').notNull(),
    /** 'variant' for sizes (S/M/L); null for ordinary modifiers. */
    kind: text('kind'),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.id] }), index('modifier_groups_menu').on(t.menuId)],
);

export const menuItems = pgTable(
  'menu_items',
  {
    ...perStore,
    categoryId: text('category_id').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    price: integer('price').notNull(),
    taxRateIds: jsonb('tax_rate_ids').notNull(),
    stationId: text('station_id').notNull(),
    modifierGroupIds: jsonb('modifier_group_ids').notNull(),
    soldByWeight: boolean('sold_by_weight').notNull().default(false),
    barcode: text('barcode'),
    allergens: jsonb('allergens'),
    imageUrl: text('image_url'),
    sortOrder: integer('sort_order').notNull(),
    active: boolean('active').notNull(),
    /** Null when unused; each holds the `MenuItem` field of the same name. */
    dietaryTags: jsonb('dietary_tags'),
    channelPrices: jsonb('channel_prices'),
    /** The `Daypart`s (whole, not ids) the item is sold in, so a store needs no extra shape. */
    dayparts: jsonb('dayparts'),
    combo: jsonb('combo'),
    taxRateIdsByDiningOption: jsonb('tax_rate_ids_by_dining_option'),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.id] }), index('menu_items_menu').on(t.menuId)],
);
