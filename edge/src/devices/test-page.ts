/**
 * A printer's test page, sent straight through the driver rather than the print queue: the
 * technician at the hardware page wants to know now whether this printer prints, and a
 * queued job would wait behind the kitchen's tickets or be moved to a backup printer.
 */
import { NetworkPrinter, type PrinterStatus } from '@brigade/drivers';
import type { PrinterConfig } from '../config';

export interface TestPageResult {
  readonly printerId: string;
  readonly printed: boolean;
  /** `ready`, or why it did not print: `paper_end`, `cover_open`, `offline`, `uncertain`, `error`. */
  readonly condition: string;
  readonly paperLow: boolean;
  readonly message: string | null;
}

const ESC = 0x1b, GS = 0x1d, LF = 0x0a;

export function testPageBytes(printer: PrinterConfig, storeName: string, at: Date): Uint8Array {
  const lines = [
    'BRIGADE TEST PAGE',
    storeName,
    `Printer: ${printer.id} (${printer.role})`,
    `Address: ${printer.host}:${printer.port}`,
    `Printed: ${at.toISOString()}`,
    '0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ];
  // Plain ASCII only: a test page must print on any code page the printer was left in.
  const text = lines.map((line) => line.replace(/[^\x20-\x7e]/g, '?')).join('\n');
  // Star line mode: ESC @ CAN to reset, ESC d 0 to cut; ESC/POS: ESC @, GS V B 0.
  if (printer.language === 'star-line') return Uint8Array.from([ESC, 0x40, 0x18, ...Buffer.from(text, 'latin1'), LF, LF, LF, ESC, 0x64, 0x00]);
  return Uint8Array.from([ESC, 0x40, ...Buffer.from(text, 'latin1'), LF, LF, LF, GS, 0x56, 0x42, 0x00]);
}

export async function printTestPage(printer: PrinterConfig, storeName: string, now: Date): Promise<TestPageResult> {
  const device = new NetworkPrinter({ id: printer.id, host: printer.host, port: printer.port, ...(printer.language ? { language: printer.language } : {}) });
  try {
    const outcome = await device.print(testPageBytes(printer, storeName, now));
    if (outcome.ok) return { printerId: printer.id, printed: true, condition: 'ready', paperLow: outcome.status.paperNearEnd, message: null };
    const status: PrinterStatus | undefined = outcome.status;
    return { printerId: printer.id, printed: false, condition: outcome.reason, paperLow: status?.paperNearEnd ?? false, message: outcome.message };
  } finally {
    await device.close().catch(() => undefined);
  }
}
