/**
 * Checks and tables: the floor plan, what a table check carries beyond an order (party
 * size, discounts, promo code, split links, released courses), what each line carries
 * beyond its priced row (seat, course, discount or comp, the prices and tax rates frozen
 * when it was added), promo codes and their uses, and the store's check settings.
 * An order without a `checks` row is a plain counter order priced with no extras.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { orders } from './tables-orders';

export const floorSections = sqliteTable('floor_sections', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const floorTables = sqliteTable(
  'floor_tables',
  {
    id: text('id').primaryKey(),
    sectionId: text('section_id').notNull().references(() => floorSections.id),
    /** What staff call it: "4", "B2", "Bar 1". Unique among active tables. */
    label: text('label').notNull(),
    seats: integer('seats').notNull(),
    /** Position on the floor plan in grid units (0–100), for the floor view. */
    x: integer('x').notNull(),
    y: integer('y').notNull(),
    shape: text('shape', { enum: ['square', 'round'] }).notNull(),
    /** Removed tables are kept (old checks name them) but no longer shown. */
    active: integer('active', { mode: 'boolean' }).notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('floor_tables_section').on(t.sectionId)],
);

export const checks = sqliteTable(
  'checks',
  {
    orderId: text('order_id').primaryKey().references(() => orders.id),
    tableId: text('table_id'),
    /** A bar tab's name; a tab may have no table. */
    tabName: text('tab_name'),
    guests: integer('guests'),
    /** OrderDiscount[] as JSON, applied in this order. */
    orderDiscounts: text('order_discounts').notNull(),
    /** The normalised promo code on this check, if any. */
    promoCode: text('promo_code'),
    /** Set on a check made by splitting another. */
    parentOrderId: text('parent_order_id'),
    /** For a split child: its CheckPart (label, line ids, totals) as JSON, fixed at the split. */
    splitPart: text('split_part'),
    /** For a split parent: the child order ids as JSON. */
    splitInto: text('split_into'),
    /** Courses (numbers above 1) sent to the kitchen: their lines fire with the order. */
    releasedCourses: text('released_courses').notNull(),
    /**
     * The menu channel whose prices the check's lines get, fixed when it is opened (a POS
     * opens it at `counter`), so lines added later from any screen price the same; null on
     * checks opened before this column (they priced at the plain menu price).
     */
    priceChannel: text('price_channel', { enum: ['counter', 'kiosk', 'online', 'table'] }),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('checks_table').on(t.tableId), index('checks_parent').on(t.parentOrderId)],
);

export const checkLines = sqliteTable(
  'check_lines',
  {
    lineId: text('line_id').primaryKey(),
    orderId: text('order_id').notNull().references(() => orders.id),
    seat: integer('seat'),
    course: integer('course').notNull(),
    /** LineDiscount as JSON. */
    discount: text('discount'),
    /** Comp as JSON. */
    comp: text('comp'),
    /** The item's price data and tax rates as they were when the line was added (FrozenLinePricing). */
    pricing: text('pricing').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('check_lines_order').on(t.orderId)],
);

export const promoCodes = sqliteTable('promo_codes', {
  /** Normalised (trimmed, upper case). */
  code: text('code').primaryKey(),
  /** PromoCode as JSON. */
  definition: text('definition').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** One row per order that used a code: uses are counted once per order, however often it is re-applied. */
export const promoUses = sqliteTable(
  'promo_uses',
  {
    code: text('code').notNull(),
    orderId: text('order_id').notNull().references(() => orders.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.code, t.orderId] }), uniqueIndex('promo_uses_order').on(t.orderId)],
);

/** One row: the store's check settings (service charge rule, cash rounding, tip suggestions). */
export const checkSettings = sqliteTable('check_settings', {
  id: text('id').primaryKey(),
  /** ServiceChargeRule as JSON, or null for none. */
  serviceCharge: text('service_charge'),
  /** Cash rounding increment in minor units (1 = none, 5 = 0.05). */
  cashIncrement: integer('cash_increment').notNull(),
  /** Suggested tip percentages in basis points as JSON. */
  tipSuggestions: text('tip_suggestions').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** The cash rounding of a cash payment that settled a check (collected − applied). */
export const paymentRoundings = sqliteTable('payment_roundings', {
  paymentId: text('payment_id').primaryKey(),
  orderId: text('order_id').notNull().references(() => orders.id),
  rounding: integer('rounding').notNull(),
  createdAt: text('created_at').notNull(),
});
