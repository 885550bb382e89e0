/**
 * A drawer kick is a real-time pulse sent ahead of queued pages, through the till's own
 * drawer line when it has one, else through the receipt printer. It is not retried once the
 * printer (or the drawer line) has been dead for a while: a drawer springing open minutes
 * later, with nobody at the till, is worse than a cashier opening it with the key.
 */
import type { EdgeStore } from '../store/types';
import type { DueJob } from './print-queue';
import type { PrinterDevices } from './printer-devices';
import type { PrinterHealth } from './printer-health';
import type { RoutedPrinter } from './printer-settings';

export interface KickContext {
  readonly store: EdgeStore;
  readonly health: PrinterHealth;
  readonly devices: PrinterDevices;
  readonly now: () => number;
  readonly retryAt: () => Date;
  readonly deadAfterMs: number;
}

export type KickTarget = { readonly drawer: { open(): Promise<void> } } | { readonly printer: RoutedPrinter };

export async function kickDrawer(ctx: KickContext, job: DueJob, target: KickTarget): Promise<void> {
  const marks = ctx.store.printJobs;
  const printer = 'printer' in target ? target.printer : undefined;
  const printerId = printer ? { printerId: printer.id } : {};
  try {
    if ('drawer' in target) await target.drawer.open();
    else await ctx.devices.get(target.printer).kickDrawer();
    marks.mark(job.id, 'printed', { printedAt: new Date(ctx.now()), attempts: job.attempts + 1, ...printerId, lastError: null });
  } catch (error) {
    const message = `The drawer did not open: ${(error as Error).message}`;
    if (printer) ctx.health.record(printer.id, 'offline', message);
    // A printer counts from when it stopped answering; a drawer line from when the job was made.
    const givingUp = printer ? ctx.health.unreachableFor(printer.id) >= ctx.deadAfterMs : ctx.now() - Date.parse(job.createdAt) >= ctx.deadAfterMs;
    marks.mark(job.id, givingUp ? 'failed' : job.status, { nextAttemptAt: ctx.retryAt(), lastError: message, ...printerId });
  }
}
