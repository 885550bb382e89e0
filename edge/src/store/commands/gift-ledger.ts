/**
 * The store's gift card and loyalty ledgers inside a command's transaction: balances are
 * the cloud's reconciled balance (the `ledger_balances` shape) plus this store's entries the
 * cloud has not counted yet; an entry is written with its `gift.entry` for the cloud. A redemption
 * counts as unconfirmed while its entry still waits in the outbox (the cloud has not
 * acknowledged it), and the offline caps limit what may be unconfirmed at once.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  BrigadeError, DEFAULT_LEDGER_POLICY, type LedgerEntryKind, type LedgerName, type LedgerPolicy, checkRedemption, formatMoney, type Cents,
  newId,
} from '@brigade/sync/model';
import { cloudLedgerBalances, ledgerEntries, ledgerSettings } from '@brigade/sync/schema/sqlite';
import type { CommandTx } from '../command-tx';
import type { Orm } from '../store-context';

export const POLICY_ROW_ID = 'current';

export function readPolicy(orm: Orm): LedgerPolicy {
  const row = orm.select().from(ledgerSettings).where(eq(ledgerSettings.id, POLICY_ROW_ID)).get();
  if (!row) return DEFAULT_LEDGER_POLICY;
  const { id: _id, updatedAt: _at, ...policy } = row;
  return policy;
}

/** The sum of this store's own entries for the account. */
export function localLedgerSum(orm: Orm, ledger: LedgerName, account: string): number {
  const row = orm.select({ n: sql<number>`coalesce(sum(${ledgerEntries.delta}), 0)` }).from(ledgerEntries)
    .where(and(eq(ledgerEntries.ledger, ledger), eq(ledgerEntries.account, account))).get();
  return Number(row?.n ?? 0);
}

/** The account's row of the `ledger_balances` shape: what the cloud reconciled from every store. */
export function cloudBalance(orm: Orm, ledger: LedgerName, account: string): typeof cloudLedgerBalances.$inferSelect | undefined {
  return orm.select().from(cloudLedgerBalances).where(and(eq(cloudLedgerBalances.ledger, ledger), eq(cloudLedgerBalances.account, account))).get();
}

/**
 * The account's balance as this store can know it: the cloud's reconciled balance (every
 * store's entries it has applied) plus this store's entries it has not applied yet. The
 * cloud says how much of its balance came from this store (`storeDelta`); every local entry
 * is either in that part or not yet in the cloud, so `local − storeDelta` adds each entry
 * exactly once. Without a cloud row, the store's own entries are all it knows.
 */
export function ledgerBalance(orm: Orm, ledger: LedgerName, account: string): number {
  const local = localLedgerSum(orm, ledger, account);
  const cloud = cloudBalance(orm, ledger, account);
  return cloud ? cloud.balance + local - cloud.storeDelta : local;
}

/** A card this store has activated or loaded, or one the cloud knows; others are taken on trust within the caps. */
export function isKnownAccount(orm: Orm, ledger: LedgerName, account: string): boolean {
  if (cloudBalance(orm, ledger, account)) return true;
  return orm.select({ id: ledgerEntries.id }).from(ledgerEntries)
    .where(and(eq(ledgerEntries.ledger, ledger), eq(ledgerEntries.account, account), inArray(ledgerEntries.kind, ['activate', 'load', 'earn']))).limit(1).get() !== undefined;
}

/** Redeemed and still waiting in the outbox: the cloud has not confirmed it yet. */
export function unconfirmedRedeemed(orm: Orm, ledger: LedgerName, account?: string): number {
  const row = orm.get<{ n: number | null }>(sql`
    SELECT coalesce(sum(-e.delta), 0) AS n FROM ledger_entries e
    WHERE e.ledger = ${ledger} AND e.kind = 'redeem' ${account === undefined ? sql`` : sql`AND e.account = ${account}`}
      AND e.id IN (SELECT json_extract(o.args, '$.id') FROM outbox o WHERE o.name = 'gift.entry')`);
  return Number(row.n ?? 0);
}

export interface AccountView {
  readonly balance: number;
  readonly known: boolean;
  /** The most that may be redeemed from the account here right now. */
  readonly available: number;
  readonly unconfirmed: number;
}

export function accountView(orm: Orm, ledger: LedgerName, account: string): AccountView {
  const policy = readPolicy(orm);
  const known = isKnownAccount(orm, ledger, account);
  const balance = ledgerBalance(orm, ledger, account);
  const unconfirmed = unconfirmedRedeemed(orm, ledger, account);
  const caps = ledger === 'gift'
    ? { accountCap: policy.giftCardOfflineCap, storeCap: policy.giftStoreOfflineCap }
    : { accountCap: policy.loyaltyAccountOfflineCap, storeCap: policy.loyaltyStoreOfflineCap };
  // A gift card neither this store nor the cloud's balances know: its balance cannot be
  // checked, so the card cap bounds everything this store ever takes from it, confirmed or
  // not (the cloud confirming a redemption says nothing about what is left on the card).
  const stranger = ledger === 'gift' && !known;
  const state = {
    balance: stranger ? Number.POSITIVE_INFINITY : balance,
    unconfirmedAccount: stranger ? Math.max(unconfirmed, -balance) : unconfirmed,
    unconfirmedStore: unconfirmedRedeemed(orm, ledger),
    ...caps,
  };
  const refusal = checkRedemption(Number.MAX_SAFE_INTEGER, state);
  return { balance, known, available: refusal?.available ?? 0, unconfirmed };
}

/** Refuses a redemption the balance or the offline caps do not allow, saying how much would be accepted. */
export function requireRedeemable(tx: CommandTx, ledger: LedgerName, account: string, amount: number, currency: string): void {
  const view = accountView(tx.orm, ledger, account);
  if (amount <= view.available) return;
  const label = (n: number): string => (ledger === 'gift' ? formatMoney(n as Cents, currency) : `${n} points`);
  const details = { available: view.available, amount };
  const short = ledger === 'gift' ? (view.known && amount > view.balance) : amount > view.balance;
  if (short) {
    const code = ledger === 'gift' ? 'GIFT_CARD_INSUFFICIENT' : 'LOYALTY_POINTS_INSUFFICIENT';
    throw new BrigadeError(code, `${ledger === 'gift' ? 'The card holds' : 'The account holds'} ${label(Math.max(0, view.balance))}; at most ${label(view.available)} can be used now.`, details);
  }
  throw new BrigadeError(
    'OFFLINE_CAP_REACHED',
    `Not confirmed with the cloud yet: at most ${label(view.available)} more can be accepted ${ledger === 'gift' ? 'from this card' : 'in points'} until the store reconnects.`,
    details,
  );
}

export interface NewLedgerEntry {
  readonly ledger: LedgerName;
  readonly account: string;
  readonly kind: LedgerEntryKind;
  readonly delta: number;
  readonly orderId: string | null;
  readonly paymentId?: string | null;
}

export function writeLedgerEntry(tx: CommandTx, entry: NewLedgerEntry): string {
  const id = newId();
  tx.orm.insert(ledgerEntries).values({
    id, ledger: entry.ledger, account: entry.account, kind: entry.kind, delta: entry.delta, orderId: entry.orderId,
    paymentId: entry.paymentId ?? null, commandId: tx.ctx.commandId, createdAt: tx.now,
  }).run();
  tx.push({
    name: 'gift.entry',
    args: { id, ledger: entry.ledger, account: entry.account, kind: entry.kind, delta: entry.delta, orderId: entry.orderId, occurredAt: tx.now },
  });
  return id;
}
