/**
 * Sends the store's print queue to the printers: one lane per printer, each taking its jobs
 * oldest first, none waiting for another. A job is `printed` only when the printer's status
 * after the job is clean. Paper out or cover open holds the job until the printer is fixed; a
 * dropped connection makes it `uncertain`; both print again once, with a REPRINT banner.
 * A printer unreachable for `deadAfterMs` hands its jobs to its backup. Nothing is dropped.
 *
 * Cost per ticket: new jobs are found by rowid after each commit (no polling of the whole
 * queue), rendered once per attempt from a cached store header, and marked through batched
 * prepared statements; only jobs waiting for a retry are looked for on a timer.
 */
import type { Logger } from 'pino';
import type { PrinterConfig } from '../config';
import type { PrinterStatusEntry } from '../hub/read-routes';
import type { EdgeStore, PrintJobStatus, StoreInfo } from '../store/types';
import { kickDrawer } from './drawer-kicks';
import { ExpoCopies } from './expo-copies';
import { type DueJob, PrintQueue } from './print-queue';
import { type DrawerRoute, type PrinterDevice, PrinterDevices } from './printer-devices';
import { type PrinterCondition, PrinterHealth, conditionOf } from './printer-health';
import { EXPO_STATION, backupOf, hasExpoPrinter, primaryPrinterFor } from './printer-routing';
import { type PrinterAssignment, PrinterSettings, type RoutedPrinter } from './printer-settings';
import type { ReceiptCheck } from '@brigade/drivers';
import { crashPoint } from '@brigade/sync/engine';
import { type MenuIndex, indexMenu } from '@brigade/sync/model';
import { receiptChecks, renderJob } from './render-job';

export type { DrawerRoute, PrinterDevice } from './printer-devices';

/**
 * A printer unreachable this long is dead and its backup takes over. With retries every
 * `retryMs` (2 s), a dead printer's ticket reaches the backup within 10 s of the fire.
 */
export const DEAD_AFTER_MS = 7_000;

export interface PrintRunnerOptions {
  readonly store: EdgeStore;
  readonly printers: readonly PrinterConfig[];
  readonly openPrinter?: (printer: RoutedPrinter) => PrinterDevice;
  /** The clock, injectable so tests can drive backup takeover without sleeping. */
  readonly now?: () => number;
  /** How often jobs waiting for a retry are looked for. */
  readonly pollMs?: number;
  /** Wait before trying a job again after a failure. */
  readonly retryMs?: number;
  /** How long a printer must be unreachable before its backup takes over. */
  readonly deadAfterMs?: number;
  /** How often an idle printer's status is checked, so screens show trouble before a job hits it. */
  readonly probeMs?: number;
  readonly drawers?: DrawerRoute;
  readonly logger?: Logger;
}

const retryable: readonly PrintJobStatus[] = ['held', 'uncertain'];

interface Lane {
  readonly jobs: DueJob[];
  running: boolean;
  /** After a failure the printer is left alone until then (the timer's rescan tries again). */
  blockedUntil: number;
}

export class PrintRunner {
  readonly settings: PrinterSettings;
  private readonly devices: PrinterDevices;
  private readonly lanes = new Map<string, Lane>();
  /** Jobs a lane or a drawer kick holds: a rescan does not hand them out twice. */
  private readonly held = new Set<string>();
  private readonly drawerBusy = new Set<string>();
  private readonly lastProbe = new Map<string, number>();
  private readonly running = new Set<Promise<void>>();
  private readonly health: PrinterHealth;
  private readonly queue: PrintQueue;
  private readonly expo: ExpoCopies;
  private readonly now: () => number;
  /** A receipt's check details (discounts per line, comps, split heading), read from the store's priced check. */
  private readonly checkOf: (orderId: string) => ReceiptCheck | undefined;
  private readonly menuIndexes = new WeakMap<object, MenuIndex>();
  private storeInfo: { at: number; info: StoreInfo } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private scheduled = false;
  private stopped = false;

  constructor(private readonly options: PrintRunnerOptions) {
    this.now = options.now ?? Date.now;
    const { store } = options;
    this.settings = new PrinterSettings(store.db, options.printers, () => store.queries.store().stations.map((station) => station.id));
    this.devices = new PrinterDevices(options.openPrinter);
    this.queue = new PrintQueue(store.db, this.now);
    this.expo = new ExpoCopies(store.db, this.now);
    this.health = new PrinterHealth(() => this.settings.printers(), this.now, (printerId, status, message) => this.announce(printerId, status, message));
    // A new role counts from the next job on: look at the whole queue again at once.
    this.settings.onChange(() => setImmediate(() => this.pass(true)));
    this.checkOf = receiptChecks(store.db, () => {
      const { menu } = store.queries.menu();
      const known = this.menuIndexes.get(menu);
      if (known) return known;
      const index = indexMenu(menu);
      this.menuIndexes.set(menu, index);
      return index;
    });
  }

  /** Recovers jobs a crash left in `sending` and starts listening for new jobs. */
  start(): void {
    this.recoverInterrupted();
    this.timer = setInterval(() => this.pass(true), this.options.pollMs ?? 250);
    this.timer.unref();
    // A committed command may have queued a job: look at once (only at what is new).
    this.unsubscribe = this.options.store.onEvents(() => this.schedule());
    // What was queued before the start (a restart) goes out now, not at the first timer pass.
    this.pass(true);
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

  /** The manager's assignment from the hardware page; routes the next job on. */
  assign(printerId: string, assignment: PrinterAssignment, by: string | null): PrinterStatusEntry {
    this.settings.assign(printerId, assignment, by, new Date(this.now()));
    return this.statuses().find((entry) => entry.id === printerId) as PrinterStatusEntry;
  }

  /** One full pass; resolves when the work it started has finished (tests await it). */
  async tick(): Promise<void> {
    this.pass(true);
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe?.();
    await Promise.all([...this.running]);
    await this.devices.closeAll();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pass(false);
    });
  }

  /** Hands out what is due (`full`: retries too, else only new jobs) and returns at once. */
  private pass(full: boolean): void {
    if (this.stopped) return;
    try {
      const printers = this.settings.printers();
      const jobs = !full ? this.queue.arrived() : printers.length > 0 ? this.queue.dueNow() : this.queue.dueWithoutPrinters(EXPO_STATION);
      const expo = hasExpoPrinter(printers);
      // Drawer kicks first: the cashier is waiting with the customer's change.
      for (const job of jobs) if (job.kind === 'drawer' && !this.held.has(job.id)) this.kick(job, printers);
      for (const job of jobs) {
        if (job.kind === 'drawer' || this.held.has(job.id)) continue;
        // Written before any ticket of its fire leaves, so a crash cannot lose the expo copy.
        if (expo && job.kind === 'kitchen' && job.attempts === 0) this.expo.ensure(job);
        this.route(job, printers);
      }
      // The expo copies just written are new rows: pick them up in the same pass.
      if (expo) for (const job of this.queue.arrived()) if (!this.held.has(job.id)) this.route(job, printers);
      this.probeIdlePrinters(printers);
    } catch (error) {
      this.options.logger?.error({ err: error }, 'print runner pass failed');
    }
  }

  private route(job: DueJob, printers: readonly RoutedPrinter[]): void {
    const printer = this.targetFor(job, printers);
    if (!printer) {
      // An expo copy with no expo printer (the role was taken away): nobody is waiting for it.
      if (job.stationId === EXPO_STATION) this.options.store.printJobs.mark(job.id, 'cancelled', { lastError: 'No printer has the expo role.' });
      return;
    }
    const lane = this.lane(printer.id);
    if (lane.blockedUntil > this.now()) return;
    this.held.add(job.id);
    lane.jobs.push(job);
    if (!lane.running) this.track(this.drain(printer.id, lane));
  }

  private lane(printerId: string): Lane {
    let lane = this.lanes.get(printerId);
    if (!lane) {
      lane = { jobs: [], running: false, blockedUntil: 0 };
      this.lanes.set(printerId, lane);
    }
    return lane;
  }

  private track(work: Promise<void>): void {
    const done = work
      .catch((error: unknown) => this.options.logger?.error({ err: error }, 'print worker failed'))
      .finally(() => this.running.delete(done));
    this.running.add(done);
  }

  /** The printer a job goes to now, moving it to the backup when its printer is dead. */
  private targetFor(job: DueJob, printers: readonly RoutedPrinter[]): RoutedPrinter | undefined {
    const pinned = job.printerId === null ? undefined : printers.find((printer) => printer.id === job.printerId);
    const assigned = pinned ?? primaryPrinterFor(job, printers);
    if (!assigned || job.kind === 'drawer') return assigned;
    const backup = backupOf(assigned.id, printers);
    if (backup && this.health.unreachableFor(assigned.id) >= (this.options.deadAfterMs ?? DEAD_AFTER_MS) && this.health.unreachableFor(backup.id) === 0) {
      this.options.logger?.warn({ jobId: job.id, from: assigned.id, to: backup.id }, 'printer dead; job moved to backup');
      this.options.store.printJobs.mark(job.id, job.status, { printerId: backup.id, nextAttemptAt: new Date(this.now()) });
      return backup;
    }
    return assigned;
  }

  private async drain(printerId: string, lane: Lane): Promise<void> {
    lane.running = true;
    try {
      for (let job = lane.jobs.shift(); job; job = lane.jobs.shift()) {
        const printer = this.settings.get(printerId);
        let printed = false;
        try {
          printed = printer !== undefined && !this.stopped && (await this.runPrint(job, printer));
        } catch (error) {
          // A mark that could not be written (disk full, store closing): the job stays as it was
          // in the database and is picked up again by the retry pass.
          this.options.logger?.error({ err: error, jobId: job.id, printerId }, 'print job failed');
        }
        this.held.delete(job.id);
        if (!printed) {
          // One failure is enough to know the printer is in trouble: the rest wait for the retry pass.
          lane.blockedUntil = this.now() + (this.options.retryMs ?? 2000);
          for (const rest of lane.jobs.splice(0)) this.held.delete(rest.id);
        }
      }
    } finally {
      lane.running = false;
    }
  }

  /** Prints one job; true when it printed (or can never print and was parked). */
  private async runPrint(listed: DueJob, printer: RoutedPrinter): Promise<boolean> {
    const job = this.queue.load(listed.id);
    if (!job || (job.status !== 'queued' && !retryable.includes(job.status))) return true;
    const device = this.devices.get(printer);
    const marks = this.options.store.printJobs;
    // A printer known to be in trouble is asked first, so a held job is not sent into the void.
    const known = this.health.condition(printer.id);
    if (retryable.includes(job.status) || (known !== 'ready' && known !== 'unknown')) {
      const condition = conditionOf(await device.status());
      this.health.record(printer.id, condition);
      if (condition !== 'ready') {
        // Out of paper or open: the job is held (and later marked REPRINT) whichever way we found out.
        const next: PrintJobStatus = condition === 'offline' || condition === 'unknown' ? job.status : job.status === 'uncertain' ? 'uncertain' : 'held';
        marks.mark(job.id, next, { nextAttemptAt: this.retryAt(), lastError: `Printer ${printer.id}: ${condition}` });
        return false;
      }
    }
    let bytes: Uint8Array | null;
    try {
      bytes = renderJob(job, this.store(), printer.language, this.checkOf);
    } catch (error) {
      // A job that cannot be rendered is a bug: park it as failed (counted in /metrics) rather than retry it forever.
      this.options.logger?.error({ err: error, jobId: job.id }, 'print job could not be rendered');
      marks.mark(job.id, 'failed', { lastError: `Could not render: ${(error as Error).message}` });
      return true;
    }
    if (bytes === null) return true;
    await this.queue.sending(job.id, printer.id);
    const outcome = await device.print(bytes);
    // Crash tests: printed (or maybe printed) but still `sending`: the next start reprints it once.
    crashPoint('edge.after-print-send-before-mark');
    if (outcome.ok) {
      await this.queue.printed(job.id, printer.id, job.attempts + 1);
      this.health.record(printer.id, 'ready');
      return true;
    }
    this.health.record(printer.id, outcome.reason, outcome.message);
    this.options.logger?.warn({ jobId: job.id, printerId: printer.id, reason: outcome.reason }, outcome.message);
    if (outcome.reason === 'offline') {
      // Nothing reached the printer: the job keeps its state and waits (or moves to a backup).
      marks.mark(job.id, job.status, { nextAttemptAt: this.retryAt(), lastError: outcome.message });
    } else {
      const next: PrintJobStatus = outcome.reason === 'uncertain' ? 'uncertain' : 'held';
      marks.mark(job.id, next, { attempts: job.attempts + 1, nextAttemptAt: this.retryAt(), lastError: outcome.message });
    }
    return false;
  }

  /** Drawer kicks go out at once, one at a time per drawer (see drawer-kicks.ts). */
  private kick(job: DueJob, printers: readonly RoutedPrinter[]): void {
    const drawer = this.options.drawers?.drawerFor(job.deviceId) ?? null;
    const printer = drawer ? undefined : this.targetFor(job, printers);
    const lane = drawer ? `drawer:${job.deviceId ?? ''}` : printer?.id;
    if (lane === undefined || this.drawerBusy.has(lane)) return;
    this.drawerBusy.add(lane);
    this.held.add(job.id);
    const context = {
      store: this.options.store, health: this.health, devices: this.devices, now: this.now,
      retryAt: () => this.retryAt(), deadAfterMs: this.options.deadAfterMs ?? DEAD_AFTER_MS,
    };
    this.track(kickDrawer(context, job, drawer ? { drawer } : { printer: printer as RoutedPrinter }).finally(() => {
      this.drawerBusy.delete(lane);
      this.held.delete(job.id);
    }));
  }

  private probeIdlePrinters(printers: readonly RoutedPrinter[]): void {
    const probeMs = this.options.probeMs ?? 15_000;
    const now = this.now();
    for (const printer of printers) {
      const lane = this.lanes.get(printer.id);
      if (lane?.running) continue;
      const last = this.lastProbe.get(printer.id);
      if (last !== undefined && now - last < probeMs) continue;
      this.lastProbe.set(printer.id, now);
      const probe = this.lane(printer.id);
      probe.running = true;
      this.track(
        this.devices.get(printer).status()
          .then((status) => this.health.record(printer.id, conditionOf(status)))
          .finally(() => {
            probe.running = false;
            // Jobs that arrived while the probe held the printer go out now.
            if (probe.jobs.length > 0) this.track(this.drain(printer.id, probe));
          }),
      );
    }
  }

  /** The store's name, currency and stations for the page header: read once a second, not per ticket. */
  private store(): StoreInfo {
    const now = Date.now();
    if (!this.storeInfo || now - this.storeInfo.at > 1000) this.storeInfo = { at: now, info: this.options.store.queries.store() };
    return this.storeInfo.info;
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

