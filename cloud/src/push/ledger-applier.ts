/**
 * `gift.entry`: a gift card or loyalty entry a store wrote in its own ledger. Entries from
 * every store of the organisation add up to the account's balance here. A store that was
 * offline may have redeemed more than the card held (within its offline caps); that entry
 * is kept and flagged as an overdraft so someone can follow it up, never dropped.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { LedgerEntry, LedgerName } from '@brigade/sync/model';
import { ledgerAccounts, ledgerEntries } from '@brigade/sync/schema/pg';
import type { Executor } from '../db/database';
import type { ApplyOutcome, ApplyScope } from './mutation-appliers';

export async function applyLedgerEntry(tx: Executor, scope: ApplyScope, entry: LedgerEntry): Promise<ApplyOutcome> {
  const seen = await tx.select({ id: ledgerEntries.id }).from(ledgerEntries).where(eq(ledgerEntries.id, entry.id)).limit(1);
  if (seen.length > 0) return 'unchanged';
  // The upsert takes the account's row lock: two stores' pushes for one card add up one after the other.
  const account = await tx
    .insert(ledgerAccounts)
    .values({ organisationId: scope.organisationId, ledger: entry.ledger, account: entry.account, balance: entry.delta })
    .onConflictDoUpdate({
      target: [ledgerAccounts.organisationId, ledgerAccounts.ledger, ledgerAccounts.account],
      set: { balance: sql`${ledgerAccounts.balance} + ${entry.delta}`, updatedAt: sql`now()` },
    })
    .returning({ balance: ledgerAccounts.balance });
  const balanceAfter = account[0]?.balance ?? entry.delta;
  await tx.insert(ledgerEntries).values({
    ...scope,
    id: entry.id,
    ledger: entry.ledger,
    account: entry.account,
    kind: entry.kind,
    delta: entry.delta,
    orderId: entry.orderId,
    occurredAt: entry.occurredAt,
    balanceAfter,
    overdraft: entry.delta < 0 && balanceAfter < 0,
  });
  return 'changed';
}

export interface ReconciledAccount {
  readonly ledger: LedgerName;
  readonly account: string;
  /** The sum of every entry from every store; negative when stores accepted more than it held. */
  readonly balance: number;
  /** How far below zero the account is (0 when it is not). */
  readonly overdrawnBy: number;
  readonly entries: readonly { id: string; storeId: string; kind: string; delta: number; balanceAfter: number; overdraft: boolean; occurredAt: string }[];
}

/** An account's balance and history across the organisation's stores, as the dashboard shows it. */
export async function reconciledAccount(db: Executor, organisationId: string, ledger: LedgerName, account: string): Promise<ReconciledAccount> {
  const entries = await db
    .select({
      id: ledgerEntries.id, storeId: ledgerEntries.storeId, kind: ledgerEntries.kind, delta: ledgerEntries.delta,
      balanceAfter: ledgerEntries.balanceAfter, overdraft: ledgerEntries.overdraft, occurredAt: ledgerEntries.occurredAt,
    })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.organisationId, organisationId), eq(ledgerEntries.ledger, ledger), eq(ledgerEntries.account, account)))
    .orderBy(ledgerEntries.receivedAt, ledgerEntries.id);
  const balance = entries.reduce((sum, e) => sum + e.delta, 0);
  return { ledger, account, balance, overdrawnBy: Math.max(0, -balance), entries };
}
