/**
 * Gift card and loyalty ledgers as the cloud holds them: every entry any store wrote
 * (append-only, deduplicated by id) and, per account, the running balance those entries
 * sum to. Stores accept redemptions offline within their caps, so an account may go below
 * zero here; the entry that took it there is flagged `overdraft`, never dropped.
 */
import { bigint, boolean, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { organisations, stores } from './tables-tenancy';

export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id),
    storeId: text('store_id').notNull().references(() => stores.id),
    ledger: text('ledger', { enum: ['gift', 'loyalty'] }).notNull(),
    account: text('account').notNull(),
    kind: text('kind').notNull(),
    delta: bigint('delta', { mode: 'number' }).notNull(),
    orderId: text('order_id'),
    occurredAt: text('occurred_at').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /** The account's balance once this entry was applied, in the order the cloud received them. */
    balanceAfter: bigint('balance_after', { mode: 'number' }).notNull(),
    /** This redemption took the account below zero: stores redeemed more, offline, than it held. */
    overdraft: boolean('overdraft').notNull(),
  },
  (t) => [index('ledger_entries_account').on(t.organisationId, t.ledger, t.account)],
);

/** Gift cards and loyalty accounts belong to the organisation: any of its stores may redeem them. */
export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    organisationId: text('organisation_id').notNull().references(() => organisations.id),
    ledger: text('ledger', { enum: ['gift', 'loyalty'] }).notNull(),
    account: text('account').notNull(),
    balance: bigint('balance', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.ledger, t.account] })],
);
