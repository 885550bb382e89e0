/**
 * What the edge knows about each printer's health: its last condition, since when, and
 * since when it has been unreachable (to hand its jobs to a backup). Changes are announced
 * once, as `printer.status` events, so screens can alert "Grill printer out of paper".
 */
import type { PrintFailure, PrinterStatus } from '@brigade/drivers';
import type { PrinterStatusEntry } from '../hub/read-routes';
import type { RoutedPrinter } from './printer-settings';

export type PrinterCondition = 'unknown' | 'ready' | PrintFailure;

const messages: Record<PrinterCondition, string | null> = {
  unknown: 'Not checked yet.',
  ready: null,
  paper_end: 'Out of paper.',
  cover_open: 'The cover is open.',
  offline: 'Not reachable.',
  uncertain: 'Lost the connection while printing.',
  error: 'Reports an error (cutter jam or mechanical fault).',
};

export function conditionOf(status: PrinterStatus): PrinterCondition {
  if (!status.online && !status.paperEnd && !status.coverOpen && !status.error) return 'offline';
  if (status.paperEnd) return 'paper_end';
  if (status.coverOpen) return 'cover_open';
  if (status.error) return 'error';
  return 'ready';
}

interface Health {
  condition: PrinterCondition;
  message: string | null;
  since: number;
  /** When it first failed to answer in the current run of failures; null while reachable. */
  unreachableSince: number | null;
}

export class PrinterHealth {
  private readonly health = new Map<string, Health>();

  constructor(
    /** The printers as routed now (the hardware page may change their roles at any time). */
    private readonly printers: () => readonly RoutedPrinter[],
    private readonly now: () => number,
    private readonly announce: (printerId: string, condition: PrinterCondition, message: string | null) => void,
  ) {
    for (const printer of printers()) this.health.set(printer.id, { condition: 'unknown', message: messages.unknown, since: now(), unreachableSince: null });
  }

  record(printerId: string, condition: PrinterCondition, detail?: string): void {
    const entry = this.health.get(printerId);
    if (!entry) return;
    const at = this.now();
    const unreachable = condition === 'offline' || condition === 'uncertain';
    entry.unreachableSince = unreachable ? (entry.unreachableSince ?? at) : null;
    if (entry.condition === condition) return;
    entry.condition = condition;
    entry.message = condition === 'ready' ? null : (detail ?? messages[condition]);
    entry.since = at;
    this.announce(printerId, condition, entry.message);
  }

  condition(printerId: string): PrinterCondition {
    return this.health.get(printerId)?.condition ?? 'unknown';
  }

  /** How long the printer has been unreachable, in ms (0 while it answers). */
  unreachableFor(printerId: string): number {
    const since = this.health.get(printerId)?.unreachableSince;
    return since === null || since === undefined ? 0 : this.now() - since;
  }

  statuses(): PrinterStatusEntry[] {
    return this.printers().map((printer) => {
      const entry = this.health.get(printer.id);
      return {
        id: printer.id,
        role: printer.role,
        stations: printer.stations ?? [],
        backupOf: printer.backupOf ?? null,
        language: printer.language,
        address: `${printer.host}:${printer.port}`,
        status: entry?.condition ?? 'unknown',
        message: entry?.message ?? null,
        since: new Date(entry?.since ?? this.now()).toISOString(),
      };
    });
  }
}
