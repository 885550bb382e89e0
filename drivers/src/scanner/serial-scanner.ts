/**
 * Barcode scanners in USB CDC (virtual COM) or RS-232 mode: each scan arrives as the code
 * followed by CR LF. Set scanners to this mode (or HID-POS) rather than keyboard wedge: the
 * operating system owns keyboards, and a wedge scan can land in the wrong field.
 */
import { EventEmitter } from 'node:events';
import type { DeviceWorker } from '../device-worker';

export interface ScanEvent {
  code: string;
  symbology?: string;
  at: number;
}

/** Splits a byte stream into scans; keeps a partial line until its terminator arrives. */
export class ScanLineSplitter {
  private partial = '';

  push(bytes: Uint8Array): string[] {
    this.partial += new TextDecoder('latin1').decode(bytes);
    const parts = this.partial.split(/\r\n|\r|\n/);
    this.partial = parts.pop() ?? '';
    return parts.filter((p) => p.length > 0);
  }
}

export class SerialScanner extends EventEmitter {
  private splitter = new ScanLineSplitter();

  constructor(worker: DeviceWorker) {
    super();
    worker.on('data', (bytes: Uint8Array) => {
      for (const code of this.splitter.push(bytes)) this.emit('scan', { code, at: Date.now() } satisfies ScanEvent);
    });
    // A half-received code from before a disconnect must not glue onto the next scan.
    worker.on('state', () => { this.splitter = new ScanLineSplitter(); });
  }
}
