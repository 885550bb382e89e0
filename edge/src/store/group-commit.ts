/**
 * Group commit. With synchronous=FULL every commit waits for the disk, so commands that
 * become ready in the same turn of the event loop (screens that sent at the same moment)
 * are written in ONE SQLite transaction and share one fsync. Each still is its own atomic
 * unit: it runs inside its own SAVEPOINT, so a command that throws rolls back only its own
 * writes and gets its own error while the others commit. Nobody hears about any of them —
 * no answer, no event — until the group's COMMIT has returned, i.e. reached the disk.
 *
 * The group runs synchronously from BEGIN to COMMIT (better-sqlite3 has no async calls), so
 * nothing else on the connection can interleave with it.
 */
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';

/** A unit of work in a group: `run` inside its savepoint; `recover` after a throw rolled it back. */
export interface GroupWork<T> {
  run(): T;
  /** Still inside the group's transaction; returns a value to answer with instead of the error, or undefined. */
  recover?(error: unknown): T | undefined;
}

interface Entry {
  readonly work: GroupWork<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Settled = { readonly entry: Entry; readonly ok: true; readonly value: unknown } | { readonly entry: Entry; readonly ok: false; readonly error: unknown };

export interface GroupCommitOptions {
  /** Most commands in one transaction: bounds how long one group holds the event loop. */
  readonly maxGroup?: number;
  /**
   * Inside the transaction, after the group's work and before COMMIT, in a savepoint of its own:
   * upkeep that should not cost a transaction (and an fsync) of its own. A throw is logged and
   * rolled back alone; the group still commits.
   */
  readonly beforeCommit?: () => void;
  /** After each successful COMMIT, with the values of the work that committed, in order; before anyone is answered. */
  readonly afterCommit?: (values: readonly unknown[]) => void;
  readonly logger?: Logger | undefined;
}

export const DEFAULT_MAX_GROUP = 64;

/** Thrown out of a group whose transaction SQLite rolled back as a whole (I/O error, disk full). */
class GroupAborted extends Error {
  constructor(readonly settledBefore: number, readonly failure: unknown) {
    super('the group transaction was rolled back');
  }
}

export class GroupCommit {
  private waiting: Entry[] = [];
  private scheduled = false;
  private readonly maxGroup: number;
  private readonly savepoint: Database.Statement;
  private readonly release: Database.Statement;
  private readonly rollbackTo: Database.Statement;

  constructor(private readonly sqlite: Database.Database, private readonly options: GroupCommitOptions = {}) {
    this.maxGroup = Math.max(1, options.maxGroup ?? DEFAULT_MAX_GROUP);
    this.savepoint = sqlite.prepare('SAVEPOINT command');
    this.release = sqlite.prepare('RELEASE command');
    this.rollbackTo = sqlite.prepare('ROLLBACK TO command');
  }

  /** Resolves with `work.run()`'s value once the group it ran in has committed; rejects with its own error, or the group's. */
  submit<T>(work: GroupWork<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, resolve: (value) => resolve(value as T), reject });
      this.schedule();
    });
  }

  /** Commands waiting for the next group (for metrics and tests). */
  get pending(): number {
    return this.waiting.length;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate runs after the I/O callbacks of this turn: every request that arrived with this one joins the group.
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    const group = this.waiting.splice(0, this.maxGroup);
    if (this.waiting.length > 0) this.schedule();
    if (group.length === 0) return;
    let settled: Settled[];
    try {
      settled = this.sqlite.transaction(() => {
        const results = group.map((entry, i) => this.runOne(entry, i));
        this.upkeep();
        return results;
      }).immediate();
    } catch (error) {
      if (error instanceof GroupAborted) {
        // The work before the failing one was lost with the transaction but did nothing wrong: it runs again in the next group.
        const failing = group[error.settledBefore];
        failing?.reject(error.failure);
        this.waiting.unshift(...group.filter((_, i) => i !== error.settledBefore));
        this.schedule();
        return;
      }
      // BEGIN or COMMIT failed: nothing of the group is stored, so nobody may be told it was.
      this.options.logger?.error({ err: error, commands: group.length }, 'group commit failed');
      for (const entry of group) entry.reject(error);
      return;
    }
    const values = settled.flatMap((s) => (s.ok ? [s.value] : []));
    try {
      if (values.length > 0) this.options.afterCommit?.(values);
    } catch (error) {
      // Committed is committed: a failing listener must not turn a stored sale into an error.
      this.options.logger?.error({ err: error }, 'after-commit step failed');
    }
    for (const s of settled) {
      if (s.ok) s.entry.resolve(s.value);
      else s.entry.reject(s.error);
    }
  }

  private upkeep(): void {
    if (!this.options.beforeCommit) return;
    this.savepoint.run();
    try {
      this.options.beforeCommit();
      this.release.run();
    } catch (error) {
      // No transaction left (I/O error): the group is lost, and fails as a failed COMMIT does.
      if (!this.sqlite.inTransaction) throw error;
      this.rollbackTo.run();
      this.release.run();
      this.options.logger?.error({ err: error }, 'upkeep before commit failed');
    }
  }

  private runOne(entry: Entry, index: number): Settled {
    this.savepoint.run();
    try {
      const value = entry.work.run();
      this.release.run();
      return { entry, ok: true, value };
    } catch (error) {
      // SQLite rolls back the whole transaction on some errors (I/O, full disk): then there is no savepoint left.
      if (!this.sqlite.inTransaction) throw new GroupAborted(index, error);
      this.rollbackTo.run();
      this.release.run();
      try {
        const recovered = entry.work.recover?.(error);
        if (recovered !== undefined) return { entry, ok: true, value: recovered };
      } catch (again) {
        if (!this.sqlite.inTransaction) throw new GroupAborted(index, again);
        return { entry, ok: false, error: again };
      }
      return { entry, ok: false, error };
    }
  }
}
