/**
 * Parked live requests. One query per wake-up finds which shapes grew past what their
 * waiters have seen, and only those waiters are woken, so thousands of parked long-polls
 * cost one query per change rather than one each.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import { queryRows } from '../db/database';

interface Waiter {
  readonly after: number;
  readonly wake: () => void;
}

export class LiveWaiters {
  private readonly waiters = new Map<string, Set<Waiter>>();
  private checking: Promise<void> | null = null;
  private again = false;
  private readonly unsubscribe: () => void;

  constructor(private readonly database: Database) {
    this.unsubscribe = database.notifier.subscribe(() => this.check());
  }

  /**
   * Resolves true when the shape has entries after `after`, false on timeout or abort. A
   * change that landed between the caller's read and parking is caught by the check run here.
   */
  wait(table: string, storeId: string, after: number, timeoutMs: number, signal: AbortSignal): Promise<boolean> {
    const key = `${table}|${storeId}`;
    const promise = new Promise<boolean>((resolve) => {
      let set = this.waiters.get(key);
      if (!set) {
        set = new Set();
        this.waiters.set(key, set);
      }
      const done = (grew: boolean) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        const current = this.waiters.get(key);
        current?.delete(waiter);
        if (current?.size === 0) this.waiters.delete(key);
        resolve(grew);
      };
      const waiter: Waiter = { after, wake: () => done(true) };
      const onAbort = () => done(false);
      const timer = setTimeout(() => done(false), timeoutMs);
      signal.addEventListener('abort', onAbort);
      set.add(waiter);
    });
    this.check();
    return promise;
  }

  get parked(): number {
    let n = 0;
    for (const set of this.waiters.values()) n += set.size;
    return n;
  }

  close(): void {
    this.unsubscribe();
    for (const set of this.waiters.values()) for (const waiter of [...set]) waiter.wake();
  }

  /** Coalesces checks: while one runs, further requests collapse into one more run. */
  private check(): void {
    if (this.checking) {
      this.again = true;
      return;
    }
    this.checking = this.runCheck()
      .catch(() => undefined)
      .finally(() => {
        this.checking = null;
        if (this.again) {
          this.again = false;
          this.check();
        }
      });
  }

  private async runCheck(): Promise<void> {
    if (this.waiters.size === 0) return;
    let from = Number.POSITIVE_INFINITY;
    for (const set of this.waiters.values()) for (const w of set) from = Math.min(from, w.after);
    const grown = await queryRows<{ table_name: string; store_id: string; head: string }>(
      this.database.db,
      sql`SELECT table_name, store_id, max("offset")::text AS head FROM shape_log WHERE "offset" > ${from} GROUP BY table_name, store_id`,
    );
    for (const row of grown) {
      const set = this.waiters.get(`${row.table_name}|${row.store_id}`);
      if (!set) continue;
      const head = Number(row.head);
      for (const waiter of [...set]) if (head > waiter.after) waiter.wake();
    }
  }
}
