/**
 * Gift card and loyalty balances as the cloud last reconciled them, from the `ledger_balances`
 * shape (written in the same transaction as the shape batch). A card sold at another store of
 * the organisation is known here through its row. The balance the store may use is this
 * balance plus the store's own entries the cloud had not counted yet: all of its entries for
 * the account minus `storeDelta`, the part of `balance` that came from this store.
 */
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const cloudLedgerBalances = sqliteTable(
  'cloud_ledger_balances',
  {
    ledger: text('ledger', { enum: ['gift', 'loyalty'] }).notNull(),
    account: text('account').notNull(),
    balance: integer('balance').notNull(),
    /** Entries from every store the balance includes. */
    entries: integer('entries').notNull(),
    /** What this store's entries added to the balance, and how many of them it includes. */
    storeDelta: integer('store_delta').notNull(),
    storeEntries: integer('store_entries').notNull(),
    /** When the cloud last changed the row (its clock). */
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ledger, t.account] })],
);
