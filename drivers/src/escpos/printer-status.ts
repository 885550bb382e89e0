/**
 * Real-time status (DLE EOT n) of ESC/POS printers. Each reply is one byte whose bits 1 and 4
 * are always set and bits 0 and 7 clear (`b & 0x93 === 0x12`); anything else is not a status
 * reply. Bit meanings from the Epson TM-U220 / TM-T88III specifications.
 */
export interface PrinterStatus {
  online: boolean;
  paperEnd: boolean;
  paperNearEnd: boolean;
  coverOpen: boolean;
  error: boolean;
  /** DLE EOT 1 bit 2 (drawer kick-out connector pin 3); polarity depends on the drawer. */
  drawerOpen: boolean;
  at: number;
}

export const DLE_EOT = (n: 1 | 2 | 3 | 4): Uint8Array => Uint8Array.of(0x10, 0x04, n);

/** The queries a status check sends, in order: printer, offline cause, paper. */
export const STATUS_QUERY = Uint8Array.of(0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04);

export function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

export class StatusByteError extends Error {
  constructor(readonly byte: number) {
    super(`0x${byte.toString(16)} is not a DLE EOT status reply`);
    this.name = 'StatusByteError';
  }
}

/** Interprets the replies to DLE EOT 1, 2 and 4 (the order of `STATUS_QUERY`). */
export function parseStatus(printer: number, offlineCause: number, paper: number, at = Date.now()): PrinterStatus {
  for (const b of [printer, offlineCause, paper]) if (!isStatusByte(b)) throw new StatusByteError(b);
  const paperEnd = (paper & 0x60) !== 0 || (offlineCause & 0x20) !== 0;
  return {
    online: (printer & 0x08) === 0,
    paperEnd,
    paperNearEnd: (paper & 0x0c) !== 0 && !paperEnd,
    coverOpen: (offlineCause & 0x04) !== 0,
    error: (offlineCause & 0x40) !== 0,
    drawerOpen: (printer & 0x04) !== 0,
    at,
  };
}

/** True when a job can go out and, after it, when the job is known to have printed. */
export function isReady(s: PrinterStatus): boolean {
  return s.online && !s.paperEnd && !s.coverOpen && !s.error;
}

/** The reply bytes a printer in this state sends; the virtual printer and tests use it. */
export function statusBytes(s: Omit<PrinterStatus, 'at'>): { printer: number; offlineCause: number; paper: number } {
  const offline = !s.online || s.paperEnd || s.coverOpen || s.error;
  return {
    printer: 0x12 | (offline ? 0x08 : 0) | (s.drawerOpen ? 0x04 : 0),
    offlineCause: 0x12 | (s.coverOpen ? 0x04 : 0) | (s.paperEnd ? 0x20 : 0) | (s.error ? 0x40 : 0),
    paper: 0x12 | (s.paperEnd ? 0x60 : 0) | (s.paperNearEnd ? 0x0c : 0),
  };
}
