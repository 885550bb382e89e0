/**
 * The printers part of the status report the pusher sends with every push: what the owner's
 * dashboard shows per store. Config printers have no display name, so one is made from the
 * role, stations and address a manager recognises from the hardware page.
 */
import { PRINTER_NAME_MAX, PRINTER_REPORT_MAX, type PrinterReport } from '@brigade/sync/protocol';
import type { PrinterStatusEntry } from '../hub/read-routes';

const roleNames: Record<PrinterStatusEntry['role'], string> = { receipt: 'Receipt', kitchen: 'Kitchen', expo: 'Expo', backup: 'Backup' };

/** The print runner's conditions in the report's words (ready, offline, error… pass as they are). */
const reportStatus: Record<string, string> = { paper_end: 'paper-out', paper_near_end: 'paper-low', cover_open: 'cover-open' };

export function printerReport(entries: readonly PrinterStatusEntry[]): PrinterReport[] {
  return entries.slice(0, PRINTER_REPORT_MAX).map((entry) => {
    const stations = entry.stations && entry.stations.length > 0 ? ` (${entry.stations.join(', ')})` : '';
    const name = `${roleNames[entry.role]} printer${stations} at ${entry.address}`;
    return { id: entry.id, name: name.slice(0, PRINTER_NAME_MAX), role: entry.role, status: reportStatus[entry.status] ?? entry.status };
  });
}

/** Same printers in the same conditions: no reason to push early. */
export function sameReport(a: readonly PrinterReport[] | null, b: readonly PrinterReport[]): boolean {
  return a !== null && a.length === b.length && a.every((p, i) => p.id === b[i]?.id && p.status === b[i]?.status && p.role === b[i]?.role);
}
