/**
 * The `ledger_balances` shape: every gift card and loyalty account of the organisation with the
 * balance the cloud reconciled from all stores, and how much of it came from this store. Kept
 * in `cloud_ledger_balances` in the shape batch's transaction; the gift ledger adds this
 * store's entries the cloud has not counted yet (gift-ledger.ts `ledgerBalance`).
 */
import type Database from 'better-sqlite3';
import type { ShapeName } from '@brigade/sync/protocol';
import type { EdgeStore, ShapeChange } from '../store/types';

export const LEDGER_BALANCES_SHAPE = 'ledger_balances' satisfies ShapeName;

interface BalanceRow {
  readonly ledger: 'gift' | 'loyalty';
  readonly account: string;
  readonly balance: number;
  readonly entries: number;
  readonly storeDelta: number;
  readonly storeEntries: number;
  readonly updatedAt: string;
}

/** The shape rows and the balances of one batch, with its resume position, in one transaction. */
export function applyLedgerBalancesBatch(store: EdgeStore, changes: readonly ShapeChange[], info: { handle: string; offset: string; reset: boolean }): void {
  const read = store.db.prepare('SELECT value FROM shape_rows WHERE shape = ? AND key = ?');
  store.db.transaction(() => {
    store.shapes.apply(LEDGER_BALANCES_SHAPE, changes, info);
    applyLedgerBalanceChanges(store.db, changes, info.reset, (key) => {
      const row = read.get(LEDGER_BALANCES_SHAPE, key) as { value: string } | undefined;
      return row ? (JSON.parse(row.value) as Record<string, unknown>) : undefined;
    });
  }).immediate();
}

/**
 * Applies one batch, after the generic shape rows were written in the same transaction
 * (`mergedRow` reads a row as stored, so an update that carries only some columns is whole).
 * A reset batch is a complete snapshot: what it does not carry is gone.
 */
export function applyLedgerBalanceChanges(
  db: Database.Database, changes: readonly ShapeChange[], reset: boolean, mergedRow: (key: string) => Record<string, unknown> | undefined,
): number {
  if (reset) db.prepare('DELETE FROM cloud_ledger_balances').run();
  const remove = db.prepare('DELETE FROM cloud_ledger_balances WHERE ledger = ? AND account = ?');
  const upsert = db.prepare(
    `INSERT INTO cloud_ledger_balances (ledger, account, balance, entries, store_delta, store_entries, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (ledger, account) DO UPDATE SET balance = excluded.balance, entries = excluded.entries, store_delta = excluded.store_delta,
       store_entries = excluded.store_entries, updated_at = excluded.updated_at`,
  );
  let applied = 0;
  for (const change of changes) {
    if (change.headers.operation === 'delete') {
      const { ledger, account } = change.value;
      if (typeof ledger === 'string' && typeof account === 'string') remove.run(ledger, account);
      continue;
    }
    const row = balanceRowOf(mergedRow(change.key) ?? change.value);
    if (!row) continue;
    upsert.run(row.ledger, row.account, row.balance, row.entries, row.storeDelta, row.storeEntries, row.updatedAt);
    applied += 1;
  }
  return applied;
}

function balanceRowOf(value: Record<string, unknown>): BalanceRow | null {
  const { ledger, account } = value;
  if ((ledger !== 'gift' && ledger !== 'loyalty') || typeof account !== 'string') return null;
  const int = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
  const balance = int(value.balance);
  const entries = int(value.entries);
  const storeDelta = int(value.store_delta);
  const storeEntries = int(value.store_entries);
  if (balance === null || entries === null || storeDelta === null || storeEntries === null) return null;
  return { ledger, account, balance, entries, storeDelta, storeEntries, updatedAt: typeof value.updated_at === 'string' ? value.updated_at : '' };
}
