/**
 * The edge's inventory, gift card and loyalty tables. Stock movements and ledger entries
 * are append-only logs: levels and balances are sums, never columns updated in place
 * (triggers in the migration refuse UPDATE and DELETE on them).
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const ingredients = sqliteTable('ingredients', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  unit: text('unit', { enum: ['g', 'ml', 'each'] }).notNull(),
  lowThreshold: integer('low_threshold').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** What one portion of an item, or one choice of a modifier option, consumes. */
export const recipeComponents = sqliteTable(
  'recipe_components',
  {
    targetKind: text('target_kind', { enum: ['item', 'option'] }).notNull(),
    targetId: text('target_id').notNull(),
    ingredientId: text('ingredient_id').notNull().references(() => ingredients.id),
    quantity: integer('quantity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.targetKind, t.targetId, t.ingredientId] }), index('recipe_components_ingredient').on(t.ingredientId)],
);

export const stockMoves = sqliteTable(
  'stock_moves',
  {
    id: text('id').primaryKey(),
    ingredientId: text('ingredient_id').notNull().references(() => ingredients.id),
    /** Negative for sales and waste; a count logs the difference it found. */
    delta: integer('delta').notNull(),
    reason: text('reason', { enum: ['sale', 'waste', 'receipt', 'count', 'void'] }).notNull(),
    orderId: text('order_id'),
    /** The level a count found on the shelf (counts only). */
    counted: integer('counted'),
    note: text('note'),
    commandId: text('command_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('stock_moves_ingredient').on(t.ingredientId),
    index('stock_moves_order').on(t.orderId),
    // Levels are read from each ingredient's last count on (stockLevels): finding it is a seek.
    index('stock_moves_counts').on(t.reason, t.ingredientId),
  ],
);

/**
 * Items the stock made unavailable. Only an 86 recorded here is lifted by a receipt or a
 * count, and only while the item's availability row is still the one it wrote: a manager's
 * own 86 is never undone by a delivery.
 */
export const autoUnavailable = sqliteTable('auto_unavailable', {
  itemId: text('item_id').primaryKey(),
  at: text('at').notNull(),
  liftedAt: text('lifted_at'),
});

export const ledgerEntries = sqliteTable(
  'ledger_entries',
  {
    id: text('id').primaryKey(),
    ledger: text('ledger', { enum: ['gift', 'loyalty'] }).notNull(),
    account: text('account').notNull(),
    kind: text('kind', { enum: ['activate', 'load', 'redeem', 'earn', 'void'] }).notNull(),
    delta: integer('delta').notNull(),
    orderId: text('order_id'),
    paymentId: text('payment_id'),
    commandId: text('command_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('ledger_entries_account').on(t.ledger, t.account), index('ledger_entries_order').on(t.orderId)],
);

/** Gift card lines on orders: the card is activated or loaded when the order is paid in full. */
export const giftCardLines = sqliteTable(
  'gift_card_lines',
  {
    lineId: text('line_id').primaryKey(),
    orderId: text('order_id').notNull(),
    cardNumber: text('card_number').notNull(),
    kind: text('kind', { enum: ['activate', 'load'] }).notNull(),
    amount: integer('amount').notNull(),
    entryId: text('entry_id'),
  },
  (t) => [index('gift_card_lines_order').on(t.orderId), index('gift_card_lines_card').on(t.cardNumber)],
);

/** The loyalty account an order earns for; `entryId` once its points were written. */
export const loyaltyOrders = sqliteTable('loyalty_orders', {
  orderId: text('order_id').primaryKey(),
  account: text('account').notNull(),
  entryId: text('entry_id'),
});

/** One row ('current'): the owner's offline caps and points rates; absent means the defaults. */
export const ledgerSettings = sqliteTable('ledger_settings', {
  id: text('id').primaryKey(),
  giftCardOfflineCap: integer('gift_card_offline_cap').notNull(),
  giftStoreOfflineCap: integer('gift_store_offline_cap').notNull(),
  loyaltyAccountOfflineCap: integer('loyalty_account_offline_cap').notNull(),
  loyaltyStoreOfflineCap: integer('loyalty_store_offline_cap').notNull(),
  pointsPerUnit: integer('points_per_unit').notNull(),
  pointValue: integer('point_value').notNull(),
  updatedAt: text('updated_at').notNull(),
});
