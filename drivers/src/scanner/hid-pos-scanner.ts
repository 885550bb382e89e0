/**
 * HID-POS scanners (USB HID usage page 0x8C, "Bar Code Scanner"). The common vendor layout
 * (Honeywell, Zebra, Datalogic in HID-POS mode) sends input report 0x02:
 *   byte 0  report id 0x02
 *   byte 1  number of data bytes in this report
 *   2..4    AIM symbology identifier (e.g. "]E0" for EAN-13), zero-filled when unknown
 *   5..     data, padded to the report size
 *   last    bit 0 set when more reports follow for the same scan
 * Long codes span several reports; the parts are joined until a report without "more".
 */
import { EventEmitter } from 'node:events';
import type { DeviceWorker } from '../device-worker';
import type { ScanEvent } from './serial-scanner';

export const HID_POS_REPORT_ID = 0x02;

export interface HidPosReport {
  data: string;
  symbology?: string;
  more: boolean;
}

export class HidPosReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HidPosReportError';
  }
}

export function parseHidPosReport(report: Uint8Array): HidPosReport | null {
  if (report[0] !== HID_POS_REPORT_ID) return null; // other reports (trigger, status) are not scans
  const length = report[1];
  if (length === undefined || report.length < 6 + length) throw new HidPosReportError(`HID-POS report of ${report.length} bytes cannot hold ${length ?? '?'} data bytes`);
  const aim = report.subarray(2, 5);
  const symbology = aim.every((b) => b === 0) ? undefined : String.fromCharCode(...aim);
  const data = new TextDecoder('latin1').decode(report.subarray(5, 5 + length));
  const more = ((report[report.length - 1] as number) & 0x01) === 1;
  return symbology ? { data, symbology, more } : { data, more };
}

/** Builds a report the way a scanner sends it (for fakes and tests). */
export function hidPosReports(code: string, symbology = ']E0', reportSize = 64): Uint8Array[] {
  const room = reportSize - 6;
  const bytes = [...Buffer.from(code, 'latin1')];
  const reports: Uint8Array[] = [];
  for (let i = 0; i === 0 || i < bytes.length; i += room) {
    const part = bytes.slice(i, i + room);
    const r = new Uint8Array(reportSize);
    r[0] = HID_POS_REPORT_ID;
    r[1] = part.length;
    r.set([...Buffer.from(symbology.padEnd(3, '\0').slice(0, 3), 'latin1')], 2);
    r.set(part, 5);
    r[reportSize - 1] = i + room < bytes.length ? 1 : 0;
    reports.push(r);
  }
  return reports;
}

export class HidPosScanner extends EventEmitter {
  private parts: string[] = [];

  constructor(worker: DeviceWorker) {
    super();
    worker.on('data', (report: Uint8Array) => {
      let parsed: HidPosReport | null;
      try {
        parsed = parseHidPosReport(report);
      } catch (err) {
        this.parts = [];
        this.emit('error', err);
        return;
      }
      if (!parsed) return;
      this.parts.push(parsed.data);
      if (parsed.more) return;
      const code = this.parts.join('');
      this.parts = [];
      if (code) this.emit('scan', { code, ...(parsed.symbology ? { symbology: parsed.symbology } : {}), at: Date.now() } satisfies ScanEvent);
    });
    worker.on('state', () => { this.parts = []; });
  }
}
