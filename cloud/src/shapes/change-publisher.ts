/**
 * Moves committed changes from `change_capture` to `shape_log` in commit order (sync.md §8.2).
 * A change is copied only once its transaction's id is below the snapshot's xmin, i.e. no
 * transaction that could still commit is older; copying in capture order then keeps each
 * row's changes in the order they were committed (conflicting writes serialise on the row
 * lock, and the capture row is written after the row). A transaction-scoped advisory lock
 * makes one publisher at a time across processes, so shape_log offsets become visible as a
 * gap-free prefix. Kicks that come while a run waits to start join it (they are coalesced).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import { queryRows } from '../db/database';

const PUBLISHER_LOCK = 7_421_001;

export interface ChangePublisher {
  /** Publishes whatever has committed; resolves when done. Calls are serialised. */
  kick(): Promise<number>;
  stop(): void;
}

export function startChangePublisher(database: Database, intervalMs = 1_000): ChangePublisher {
  let running: Promise<number> = Promise.resolve(0);
  // The run that waits for the current one to finish and has not started yet.
  let queued: Promise<number> | null = null;
  let stopped = false;
  const publishOnce = async (): Promise<number> => {
    const moved = await database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${PUBLISHER_LOCK})`);
      const rows = await queryRows<{ n: number }>(
        tx,
        sql`WITH moved AS (
              DELETE FROM change_capture
              WHERE xid < pg_snapshot_xmin(pg_current_snapshot())
              RETURNING id, xid, table_name, store_id, op, "row"
            ), inserted AS (
              INSERT INTO shape_log (table_name, store_id, op, "row", txid)
              SELECT table_name, store_id, op, "row", (xid::text::bigint % 4294967296) FROM moved ORDER BY id
              RETURNING 1
            )
            SELECT count(*)::int AS n FROM inserted`,
      );
      return rows[0]?.n ?? 0;
    });
    if (moved > 0) await database.notifier.notify();
    return moved;
  };
  const kick = (): Promise<number> => {
    if (stopped) return Promise.resolve(0);
    // A run that has not started yet publishes whatever committed before the caller kicked: join
    // it. Every push and every snapshot kicks; queueing a run each made hundreds of concurrent
    // requests wait for hundreds of publishes one after the other.
    if (queued) return queued;
    const next = running.catch(() => 0).then(() => {
      queued = null;
      return publishOnce();
    });
    queued = next;
    running = next;
    return next;
  };
  // Catches changes committed by other processes, or whose transaction was still open at the last kick.
  const timer = setInterval(() => {
    kick().catch(() => undefined);
  }, intervalMs);
  timer.unref();
  return {
    kick,
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
