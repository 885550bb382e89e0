/**
 * Which configured printer prints a job: receipts and drawer kicks go to the receipt
 * printer, kitchen tickets to the kitchen printer of their station (or a catch-all kitchen
 * printer, or the receipt printer in a store without kitchen printers).
 */
import type { PrinterConfig } from '../config';
import type { PrintJobRow } from '../store/types';

/** The printers a job may go to first, before any backup takes over. */
function primaries(printers: readonly PrinterConfig[]): PrinterConfig[] {
  return printers.filter((printer) => printer.backupOf === undefined);
}

export function primaryPrinterFor(job: Pick<PrintJobRow, 'kind' | 'stationId' | 'deviceId'>, printers: readonly PrinterConfig[]): PrinterConfig | undefined {
  const candidates = primaries(printers);
  const receipts = candidates.filter((printer) => printer.role === 'receipt');
  // A till's own printer (and so its own drawer) first; otherwise the store's general one.
  const tillPrinter = job.deviceId === null ? undefined : receipts.find((printer) => printer.devices?.includes(job.deviceId as string));
  const receipt = tillPrinter ?? receipts.find((printer) => printer.devices === undefined || printer.devices.length === 0) ?? receipts[0];
  if (job.kind !== 'kitchen') return receipt;
  const kitchen = candidates.filter((printer) => printer.role === 'kitchen');
  const forStation = job.stationId === null ? undefined : kitchen.find((printer) => printer.stations?.includes(job.stationId as string));
  return forStation ?? kitchen.find((printer) => printer.stations === undefined || printer.stations.length === 0) ?? receipt;
}

export function backupOf(printerId: string, printers: readonly PrinterConfig[]): PrinterConfig | undefined {
  return printers.find((printer) => printer.backupOf === printerId);
}
