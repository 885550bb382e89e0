/**
 * Sends the store's print queue to the printers: one worker per configured printer, each
 * taking its due jobs oldest first. A job is `printed` only when the printer's status after
 * the job is clean. Paper out or cover open holds the job until the printer is fixed; a
 * dropped connection makes it `uncertain`; both print again once, with a REPRINT banner.
 * A printer unreachable for `deadAfterMs` hands its jobs to its backup. Nothing is dropped.
 */
import { NetworkPrinter, type PrintOutcome, type PrinterStatus } from '@brigade/drivers';
import type { Logger } from 'pino';
import type { PrinterConfig } from '../config';
import type { PrinterStatusEntry } from '../hub/read-routes';
import type { EdgeStore, PrintJobRow, PrintJobStatus } from '../store/types';
import { type PrinterCondition, PrinterHealth, conditionOf } from './printer-health';
import { backupOf, primaryPrinterFor } from './printer-routing';
import { renderJob } from './render-job';

/** What the runner needs of a printer; the drivers' NetworkPrinter is one. */
export interface PrinterDevice {
  print(bytes: Uint8Array): Promise<PrintOutcome>;
  kickDrawer(): Promise<void>;
  status(): Promise<PrinterStatus>;
  close(): Promise<void>;
}

/**
 * A printer unreachable this long is dead and its backup takes over. With retries every
 * `retryMs` (2 s), a dead printer's ticket reaches the backup within 10 s of the fire.
 */
export const DEAD_AFTER_MS = 7_000;

export interface PrintRunnerOptions {
  readonly store: EdgeStore;
  readonly printers: readonly PrinterConfig[];
  readonly openPrinter?: (config: PrinterConfig) => PrinterDevice;
  /** The clock, injectable so tests can drive backup takeover without sleeping. */
  readonly now?: () => number;
  readonly pollMs?: number;
  /** Wait before trying a job again after a failure. */
  readonly retryMs?: number;
  /** How long a printer must be unreachable before its backup takes over. */
  readonly deadAfterMs?: number;
  /** How often an idle printer's status is checked, so screens show trouble before a job hits it. */
  readonly probeMs?: number;
  readonly logger?: Logger;
}

const retryable: readonly PrintJobStatus[] = ['held', 'uncertain'];

export class PrintRunner {
  private readonly devices = new Map<string, PrinterDevice>();
  private readonly busy = new Set<string>();
  private readonly drawerBusy = new Set<string>();
  private readonly lastProbe = new Map<string, number>();
  private readonly running = new Set<Promise<void>>();
  private readonly health: PrinterHealth;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private stopped = false;

  constructor(private readonly options: PrintRunnerOptions) {
    this.now = options.now ?? Date.now;
    const open = options.openPrinter ?? ((config: PrinterConfig) => new NetworkPrinter({ id: config.id, host: config.host, port: config.port }));
    for (const printer of options.printers) this.devices.set(printer.id, open(printer));
    this.health = new PrinterHealth(options.printers, this.now, (printerId, status, message) => this.announce(printerId, status, message));
  }

  /** Recovers jobs a crash left in `sending` and starts polling. */
  start(): void {
    this.recoverInterrupted();
    const pollMs = this.options.pollMs ?? 250;
    this.timer = setInterval(() => this.tickSafely(), pollMs);
    this.timer.unref();
    // A committed command may have queued a job: look at once instead of waiting for the poll.
    this.unsubscribe = this.options.store.onEvents(() => setImmediate(() => this.tickSafely()));
  }

  /** Jobs in `sending` when the process died may or may not have printed: reprint them once. */
  recoverInterrupted(): void {
    for (const job of this.options.store.printJobs.list({ status: 'sending', limit: 10_000 })) {
      this.options.store.printJobs.mark(job.id, 'uncertain', { nextAttemptAt: new Date(this.now()), lastError: 'The edge restarted while this job was being sent.' });
    }
  }

  statuses(): PrinterStatusEntry[] {
    return this.health.statuses();
  }

  /** One scheduling pass; resolves when the work it started has finished (tests await it). */
  async tick(): Promise<void> {
    this.dispatch();
    await Promise.all([...this.running]);
  }

  /**
   * Starts what is due on every idle printer and returns at once: a printer that takes
   * seconds to time out must not hold up a drawer kick or another printer's tickets.
   */
  private dispatch(): void {
    if (this.stopped) return;
    const byPrinter = new Map<string, PrintJobRow[]>();
    for (const job of this.dueJobs()) {
      const printer = this.targetFor(job);
      if (!printer) continue;
      if (job.kind === 'drawer') {
        if (!this.drawerBusy.has(printer.id)) this.track(this.runDrawer(job, printer), printer.id, this.drawerBusy);
        continue;
      }
      const list = byPrinter.get(printer.id) ?? [];
      list.push(job);
      byPrinter.set(printer.id, list);
    }
    for (const [printerId, jobs] of byPrinter) {
      const printer = this.options.printers.find((candidate) => candidate.id === printerId);
      if (printer && !this.busy.has(printerId)) this.track(this.drain(printer, jobs), printerId, this.busy);
    }
    this.probeIdlePrinters(byPrinter);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe?.();
    await Promise.all([...this.running]);
    await Promise.all([...this.devices.values()].map((device) => device.close().catch(() => undefined)));
  }

  private tickSafely(): void {
    try {
      this.dispatch();
    } catch (error) {
      this.options.logger?.error({ err: error }, 'print runner pass failed');
    }
  }

  private track(work: Promise<void>, printerId: string, lane: Set<string>): void {
    lane.add(printerId);
    const done = work
      .catch((error: unknown) => this.options.logger?.error({ err: error, printerId }, 'print worker failed'))
      .finally(() => {
        lane.delete(printerId);
        this.running.delete(done);
      });
    this.running.add(done);
  }

  private dueJobs(): PrintJobRow[] {
    const now = this.now();
    const jobs = new Map<string, PrintJobRow>();
    for (const job of this.options.store.printJobs.nextDue(new Date(now), 200)) jobs.set(job.id, job);
    for (const status of retryable) {
      for (const job of this.options.store.printJobs.list({ status, limit: 200 })) {
        if (Date.parse(job.nextAttemptAt) <= now) jobs.set(job.id, job);
      }
    }
    // Drawer kicks go first: the cashier is waiting with the customer's change.
    return [...jobs.values()]
      .filter((job) => job.status === 'queued' || retryable.includes(job.status))
      .sort((a, b) => Number(b.kind === 'drawer') - Number(a.kind === 'drawer') || a.createdAt.localeCompare(b.createdAt));
  }

  /** The printer a job goes to now, moving it to the backup when its printer is dead. */
  private targetFor(job: PrintJobRow): PrinterConfig | undefined {
    const printers = this.options.printers;
    const assigned = (job.printerId && printers.find((printer) => printer.id === job.printerId)) || primaryPrinterFor(job, printers);
    if (!assigned || job.kind === 'drawer') return assigned;
    const backup = backupOf(assigned.id, printers);
    if (backup && this.health.unreachableFor(assigned.id) >= (this.options.deadAfterMs ?? DEAD_AFTER_MS) && this.health.unreachableFor(backup.id) === 0) {
      this.options.logger?.warn({ jobId: job.id, from: assigned.id, to: backup.id }, 'printer dead; job moved to backup');
      this.options.store.printJobs.mark(job.id, job.status, { printerId: backup.id, nextAttemptAt: new Date(this.now()) });
      return backup;
    }
    return assigned;
  }

  private async drain(printer: PrinterConfig, jobs: readonly PrintJobRow[]): Promise<void> {
    for (const listed of jobs) {
      if (this.stopped) return;
      // Read it again: while earlier jobs were sending, this one may have moved to a backup.
      const job = this.options.store.printJobs.get(listed.id);
      const stillDue = job.status === 'queued' || retryable.includes(job.status);
      const movedAway = job.printerId !== listed.printerId && job.printerId !== printer.id;
      if (!stillDue || movedAway) continue;
      const sent = await this.runPrint(job, printer);
      // One failure is enough to know the printer is in trouble: leave the rest queued.
      if (!sent) return;
    }
  }

  /** Prints one job; true when it printed. */
  private async runPrint(job: PrintJobRow, printer: PrinterConfig): Promise<boolean> {
    const device = this.devices.get(printer.id);
    if (!device) return false;
    const jobs = this.options.store.printJobs;
    // A printer known to be in trouble is asked first, so a held job is not sent into the void.
    const known = this.health.condition(printer.id);
    if (retryable.includes(job.status) || (known !== 'ready' && known !== 'unknown')) {
      const condition = conditionOf(await device.status());
      this.health.record(printer.id, condition);
      if (condition !== 'ready') {
        // Out of paper or open: the job is held (and later marked REPRINT) whichever way we found out.
        const next: PrintJobStatus = condition === 'offline' || condition === 'unknown' ? job.status : job.status === 'uncertain' ? 'uncertain' : 'held';
        jobs.mark(job.id, next, { nextAttemptAt: this.retryAt(), lastError: `Printer ${printer.id}: ${condition}` });
        return false;
      }
    }
    let bytes: Uint8Array | null;
    try {
      bytes = renderJob(job, this.options.store.queries.store());
    } catch (error) {
      // A job that cannot be rendered is a bug: park it as failed (counted in /metrics) rather than retry it forever.
      this.options.logger?.error({ err: error, jobId: job.id }, 'print job could not be rendered');
      jobs.mark(job.id, 'failed', { lastError: `Could not render: ${(error as Error).message}` });
      return true;
    }
    if (bytes === null) return true;
    jobs.mark(job.id, 'sending', { printerId: printer.id });
    const outcome = await device.print(bytes);
    if (outcome.ok) {
      jobs.mark(job.id, 'printed', { printedAt: new Date(this.now()), attempts: job.attempts + 1, lastError: null });
      this.health.record(printer.id, 'ready');
      return true;
    }
    this.health.record(printer.id, outcome.reason, outcome.message);
    this.options.logger?.warn({ jobId: job.id, printerId: printer.id, reason: outcome.reason }, outcome.message);
    if (outcome.reason === 'offline') {
      // Nothing reached the printer: the job keeps its state and waits (or moves to a backup).
      jobs.mark(job.id, job.status, { nextAttemptAt: this.retryAt(), lastError: outcome.message });
    } else {
      const next: PrintJobStatus = outcome.reason === 'uncertain' ? 'uncertain' : 'held';
      jobs.mark(job.id, next, { attempts: job.attempts + 1, nextAttemptAt: this.retryAt(), lastError: outcome.message });
    }
    return false;
  }

  /**
   * A drawer kick is a real-time pulse sent ahead of queued pages. It is not retried once
   * the printer has been dead for a while: a drawer springing open minutes later, with
   * nobody at the till, is worse than a cashier opening it with the key.
   */
  private async runDrawer(job: PrintJobRow, printer: PrinterConfig): Promise<void> {
    const device = this.devices.get(printer.id);
    if (!device) return;
    const jobs = this.options.store.printJobs;
    try {
      await device.kickDrawer();
      jobs.mark(job.id, 'printed', { printedAt: new Date(this.now()), attempts: job.attempts + 1, printerId: printer.id, lastError: null });
    } catch (error) {
      const message = `The drawer did not open: ${(error as Error).message}`;
      this.health.record(printer.id, 'offline', message);
      const givingUp = this.health.unreachableFor(printer.id) >= (this.options.deadAfterMs ?? DEAD_AFTER_MS);
      jobs.mark(job.id, givingUp ? 'failed' : job.status, { nextAttemptAt: this.retryAt(), lastError: message, printerId: printer.id });
    }
  }

  private probeIdlePrinters(withWork: ReadonlyMap<string, unknown>): void {
    const probeMs = this.options.probeMs ?? 15_000;
    const now = this.now();
    for (const printer of this.options.printers) {
      if (withWork.has(printer.id) || this.busy.has(printer.id)) continue;
      const last = this.lastProbe.get(printer.id);
      if (last !== undefined && now - last < probeMs) continue;
      this.lastProbe.set(printer.id, now);
      const device = this.devices.get(printer.id);
      if (!device) continue;
      this.track(
        device.status().then((status) => this.health.record(printer.id, conditionOf(status))),
        printer.id,
        this.busy,
      );
    }
  }

  private retryAt(): Date {
    return new Date(this.now() + (this.options.retryMs ?? 2000));
  }

  private announce(printerId: string, condition: PrinterCondition, message: string | null): void {
    try {
      this.options.store.publish({ type: 'printer.status', printerId, status: condition, message });
    } catch (error) {
      // The store may already be closing at shutdown; the status is also in /api/printers.
      this.options.logger?.warn({ err: error, printerId }, 'could not publish printer status');
    }
  }
}
