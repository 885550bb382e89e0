/**
 * Two per-store shapes the owner's side decides and every store follows:
 * - `role_permissions`: the store's permission matrix as the owner set it in the dashboard.
 *   Rows exist only once the owner has saved the store's matrix; from then on the owner is
 *   its single writer and the POS shows it read-only (docs/staff-and-cash.md).
 * - `ledger_balances`: every gift card and loyalty account of the organisation, repeated for
 *   each of its stores (shapes are filtered by `store_id`), with the reconciled balance and
 *   how much of it came from that store's own entries, so the store can add only what the
 *   cloud has not counted yet. Maintained by triggers on `ledger_entries` and `stores`
 *   (migration `owner-shape-capture-and-balance-fanout`), so no writer can forget it.
 */
import { bigint, boolean, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { organisations, stores } from './tables-tenancy';

export const rolePermissions = pgTable(
  'role_permissions',
  {
    storeId: text('store_id').notNull().references(() => stores.id),
    role: text('role').notNull(),
    permission: text('permission').notNull(),
    granted: boolean('granted').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /** The owner's user id. */
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.role, t.permission] })],
);

export const ledgerBalances = pgTable(
  'ledger_balances',
  {
    storeId: text('store_id').notNull().references(() => stores.id),
    ledger: text('ledger', { enum: ['gift', 'loyalty'] }).notNull(),
    account: text('account').notNull(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id),
    /** The sum of every entry of every store the cloud has applied (may be below zero: an overdraft). */
    balance: bigint('balance', { mode: 'number' }).notNull(),
    /** How many entries that balance includes, from all stores. */
    entries: integer('entries').notNull(),
    /** The part of the balance that came from this row's store: the store adds its other entries itself. */
    storeDelta: bigint('store_delta', { mode: 'number' }).notNull(),
    /** How many of this row's store's entries the balance includes (its position in that store's ledger). */
    storeEntries: integer('store_entries').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.ledger, t.account] })],
);
