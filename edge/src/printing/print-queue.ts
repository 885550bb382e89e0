/**
 * The print runner's view of the `print_jobs` table, on prepared statements: a ticket costs
 * a handful of statements, not a query builder per step. New jobs are found by rowid (only
 * what arrived since the last look); jobs waiting for a retry by one indexed scan on a timer.
 * Outcome marks are batched: every `sending` mark made in one turn of the event loop reaches
 * the disk in one transaction (with its fsync) before any of those jobs' bytes go out, and
 * `printed` marks share one relaxed commit (losing one to a power cut leaves the job
 * `sending`, which the next start reprints once — safe).
 */
import type Database from 'better-sqlite3';
import type { PrintJobRow, PrintJobStatus, PrintPayload } from '../store/types';

/** What the runner needs to route a job, without its (large) payload. */
export interface DueJob {
  readonly id: string;
  readonly rowid: number;
  readonly idemKey: string;
  readonly kind: PrintJobRow['kind'];
  readonly stationId: string | null;
  readonly orderId: string | null;
  readonly deviceId: string | null;
  readonly printerId: string | null;
  readonly status: PrintJobStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly createdAt: string;
}

const DUE_COLUMNS = `rowid, id, idem_key AS idemKey, kind, station_id AS stationId, order_id AS orderId, device_id AS deviceId,
  printer_id AS printerId, status, attempts, next_attempt_at AS nextAttemptAt, created_at AS createdAt`;

interface Pending {
  readonly run: () => void;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export class PrintQueue {
  private readonly newSince: Database.Statement;
  private readonly due: Database.Statement;
  private readonly dueUnprinted: Database.Statement;
  private readonly one: Database.Statement;
  private readonly sendingStmt: Database.Statement;
  private readonly printedStmt: Database.Statement;
  private readonly durable: Pending[] = [];
  private readonly relaxed: Pending[] = [];
  private flushing = false;
  private lastRowid = 0;

  constructor(private readonly db: Database.Database, private readonly now: () => number) {
    this.newSince = db.prepare(`SELECT ${DUE_COLUMNS} FROM print_jobs WHERE rowid > ? AND status = 'queued' ORDER BY rowid LIMIT 1000`);
    this.due = db.prepare(
      `SELECT ${DUE_COLUMNS} FROM print_jobs WHERE status IN ('queued', 'held', 'uncertain') AND next_attempt_at <= ?
       ORDER BY created_at, id LIMIT 1000`,
    );
    this.dueUnprinted = db.prepare(
      `SELECT ${DUE_COLUMNS} FROM print_jobs WHERE status IN ('queued', 'held', 'uncertain') AND next_attempt_at <= ? AND (kind = 'drawer' OR station_id = ?)
       ORDER BY created_at, id LIMIT 1000`,
    );
    this.one = db.prepare('SELECT * FROM print_jobs WHERE id = ?');
    this.sendingStmt = db.prepare("UPDATE print_jobs SET status = 'sending', printer_id = ?, updated_at = ? WHERE id = ?");
    // Start at the newest row: what is already queued is found by the first full pass, and the
    // history of printed jobs is never scanned again.
    this.lastRowid = (db.prepare('SELECT COALESCE(MAX(rowid), 0) AS n FROM print_jobs').get() as { n: number }).n;
    this.printedStmt = db.prepare(
      "UPDATE print_jobs SET status = 'printed', printer_id = ?, attempts = ?, printed_at = ?, last_error = NULL, updated_at = ? WHERE id = ?",
    );
  }

  /** Jobs committed since the last call (cheap: only new rows are read). */
  arrived(): DueJob[] {
    const rows = this.newSince.all(this.lastRowid) as DueJob[];
    const last = rows[rows.length - 1];
    if (last) this.lastRowid = last.rowid;
    return rows;
  }

  /** Every job due now, retries included, oldest first. */
  dueNow(): DueJob[] {
    return this.due.all(new Date(this.now()).toISOString()) as DueJob[];
  }

  /**
   * What can move while no printer is configured at all: drawer kicks (a till's own drawer) and
   * expo copies (cancelled). A store without printers keeps its kitchen and receipt jobs queued,
   * and reading them all again four times a second stalled the hub's event loop for milliseconds.
   */
  dueWithoutPrinters(expoStation: string): DueJob[] {
    return this.dueUnprinted.all(new Date(this.now()).toISOString(), expoStation) as DueJob[];
  }

  /** The whole job, payload parsed; null when it is gone. */
  load(id: string): PrintJobRow | null {
    const row = this.one.get(id) as Record<string, unknown> | undefined;
    if (!row) return null;
    return {
      id: row.id as string, idemKey: row.idem_key as string, kind: row.kind as PrintJobRow['kind'], printerRole: row.printer_role as string,
      stationId: row.station_id as string | null, orderId: row.order_id as string | null, deviceId: row.device_id as string | null,
      payload: JSON.parse(row.payload as string) as PrintPayload, status: row.status as PrintJobStatus, attempts: row.attempts as number,
      reprint: row.reprint === 1, printerId: row.printer_id as string | null, nextAttemptAt: row.next_attempt_at as string,
      createdAt: row.created_at as string, updatedAt: row.updated_at as string, printedAt: row.printed_at as string | null,
      lastError: row.last_error as string | null,
    };
  }

  /** Resolves once the job is durably `sending`; only then may its bytes leave. */
  sending(id: string, printerId: string): Promise<void> {
    return this.enqueue(this.durable, () => this.sendingStmt.run(printerId, this.stamp(), id));
  }

  printed(id: string, printerId: string, attempts: number): Promise<void> {
    return this.enqueue(this.relaxed, () => {
      const at = this.stamp();
      this.printedStmt.run(printerId, attempts, at, at, id);
    });
  }

  private stamp(): string {
    return new Date(this.now()).toISOString();
  }

  private enqueue(list: Pending[], run: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      list.push({ run, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushing = false;
    const relaxed = this.relaxed.splice(0);
    const durable = this.durable.splice(0);
    // The relaxed marks first, without an fsync; the durable batch's fsync then covers both.
    if (relaxed.length > 0) this.commit(relaxed, true);
    if (durable.length > 0) this.commit(durable, false);
  }

  private commit(batch: readonly Pending[], relaxed: boolean): void {
    if (relaxed) this.db.pragma('synchronous = NORMAL');
    try {
      this.db.transaction(() => {
        for (const pending of batch) pending.run();
      })();
      for (const pending of batch) pending.resolve();
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    } finally {
      if (relaxed) this.db.pragma('synchronous = FULL');
    }
  }
}
