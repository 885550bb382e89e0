/**
 * Status of Star printers in Star line mode: `ESC ACK SOH` asks for the automatic status
 * (ASB) frame at once. The frame's first byte says how long it is (bits 1–3 and 5, bit 0
 * always 1, bits 4 and 7 always 0); the bytes that follow are read as Star's status
 * specification lays them out (StarPRNT / Star line mode command specifications, appendix
 * "status"):
 * - status 1 (byte 3): bit 2 drawer (compulsion switch), bit 3 offline, bit 5 cover open;
 * - status 2 (byte 4): bit 3 auto-cutter error, bit 5 unrecoverable (mechanical) error;
 * - status 4 (byte 6): bit 1/2 paper near end (outer/inner sensor), bit 3 paper end.
 * Checked against our virtual printer only; no Star hardware was at hand.
 */
import type { PrinterStatus } from '../escpos/printer-status';

export const STAR_STATUS_QUERY = Uint8Array.of(0x1b, 0x06, 0x01);

/** The frame length a header byte announces, or null when the byte is no ASB header. */
export function asbLength(header: number): number | null {
  if ((header & 0x91) !== 0x01) return null;
  const length = ((header >> 1) & 0x07) | ((header >> 2) & 0x08);
  return length >= 7 ? length : null;
}

export class StarStatusError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StarStatusError';
  }
}

export function parseStarStatus(frame: readonly number[], at = Date.now()): PrinterStatus {
  const length = asbLength(frame[0] ?? 0);
  if (length === null || frame.length < length) throw new StarStatusError(`not a Star status frame: ${frame.map((b) => b.toString(16)).join(' ')}`);
  const status1 = frame[2] as number, status2 = frame[3] as number, status4 = frame[5] as number;
  const paperEnd = (status4 & 0x08) !== 0;
  return {
    online: (status1 & 0x08) === 0,
    paperEnd,
    paperNearEnd: (status4 & 0x06) !== 0 && !paperEnd,
    coverOpen: (status1 & 0x20) !== 0,
    error: (status2 & 0x28) !== 0,
    drawerOpen: (status1 & 0x04) !== 0,
    at,
  };
}

/** The 9-byte frame a Star printer in this state sends; the virtual printer and tests use it. */
export function starStatusFrame(s: Omit<PrinterStatus, 'at'>): Uint8Array {
  const offline = !s.online || s.paperEnd || s.coverOpen || s.error;
  return Uint8Array.of(
    0x23, // header 1: a 9-byte frame
    0x86, // header 2: version
    (offline ? 0x08 : 0) | (s.coverOpen ? 0x20 : 0) | (s.drawerOpen ? 0x04 : 0),
    s.error ? 0x20 : 0,
    0x00,
    (s.paperEnd ? 0x08 : 0) | (s.paperNearEnd ? 0x04 : 0),
    0x00, 0x00, 0x00,
  );
}
