/**
 * Which printer prints a job: receipts and drawer kicks go to the receipt printer, kitchen
 * tickets to the kitchen printer of their station (or a catch-all kitchen printer, or the
 * receipt printer in a store without kitchen printers), expo copies to the expo printer
 * (none: the copy is not printed).
 */
import type { PrintJobRow } from '../store/types';
import type { RoutedPrinter } from './printer-settings';

/** The station id of expo copies: one per (order, fire), like a station's ticket. */
export const EXPO_STATION = 'expo';

/** The printers a job may go to first, before any backup takes over. */
function primaries(printers: readonly RoutedPrinter[]): RoutedPrinter[] {
  return printers.filter((printer) => printer.role !== 'backup');
}

export function primaryPrinterFor(job: Pick<PrintJobRow, 'kind' | 'stationId' | 'deviceId'>, printers: readonly RoutedPrinter[]): RoutedPrinter | undefined {
  const candidates = primaries(printers);
  if (job.kind === 'kitchen' && job.stationId === EXPO_STATION) return candidates.find((printer) => printer.role === 'expo');
  const receipts = candidates.filter((printer) => printer.role === 'receipt');
  // A till's own printer (and so its own drawer) first; otherwise the store's general one.
  const tillPrinter = job.deviceId === null ? undefined : receipts.find((printer) => printer.devices?.includes(job.deviceId as string));
  const receipt = tillPrinter ?? receipts.find((printer) => printer.devices === undefined || printer.devices.length === 0) ?? receipts[0];
  if (job.kind !== 'kitchen') return receipt;
  const kitchen = candidates.filter((printer) => printer.role === 'kitchen');
  const forStation = job.stationId === null ? undefined : kitchen.find((printer) => printer.stations?.includes(job.stationId as string));
  return forStation ?? kitchen.find((printer) => printer.stations === undefined || printer.stations.length === 0) ?? receipt;
}

export function backupOf(printerId: string, printers: readonly RoutedPrinter[]): RoutedPrinter | undefined {
  return printers.find((printer) => printer.role === 'backup' && printer.backupOf === printerId);
}

/** Whether some printer takes expo copies now (no expo printer: no expo copies are queued). */
export function hasExpoPrinter(printers: readonly RoutedPrinter[]): boolean {
  return printers.some((printer) => printer.role === 'expo');
}
