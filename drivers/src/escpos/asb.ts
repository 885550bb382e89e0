/**
 * ESC/POS automatic status back (ASB, `GS a n`): once enabled, a serial or USB printer pushes
 * a 4-byte frame on every status change, so the host learns about an empty roll between polls.
 * Frame layout from the Epson TM-U220 / TM-T88 specifications:
 * - byte 1: bit2 drawer pin 3, bit3 offline, bit5 cover open, bit6 feeding by button; bit4
 *   always 1, bits 0, 1 and 7 always 0 (`b & 0x93 === 0x10`, unlike a DLE EOT reply's 0x12);
 * - byte 2: bit2 mechanical, bit3 autocutter, bit5 unrecoverable, bit6 auto-recoverable error;
 * - byte 3: `0x03` roll paper near end, `0x0C` roll paper end;
 * - byte 4: reserved. Bytes 2 to 4 have bits 4 and 7 clear.
 */
import type { Transport } from '../transports/transport';
import type { PrinterStatus } from './printer-status';

/** `GS a n` bits: 0 drawer, 1 online/offline, 2 error, 3 paper sensor. */
export const ASB_DRAWER = 0x01, ASB_OFFLINE = 0x02, ASB_ERROR = 0x04, ASB_PAPER = 0x08;
export const ASB_ALL = ASB_DRAWER | ASB_OFFLINE | ASB_ERROR | ASB_PAPER;
export const ASB_FRAME_LENGTH = 4;

export const enableAsb = (n = ASB_ALL): Uint8Array => Uint8Array.of(0x1d, 0x61, n & 0xff);

export function isAsbHeader(b: number): boolean {
  return (b & 0x93) === 0x10;
}

export class AsbFrameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AsbFrameError';
  }
}

/** Interprets one 4-byte ASB frame. */
export function parseEscPosAsb(bytes: ArrayLike<number>, at = Date.now()): PrinterStatus {
  if (bytes.length !== ASB_FRAME_LENGTH) throw new AsbFrameError(`an ASB frame has 4 bytes, not ${bytes.length}`);
  const first = bytes[0] as number, errors = bytes[1] as number, paper = bytes[2] as number, last = bytes[3] as number;
  if (!isAsbHeader(first)) throw new AsbFrameError(`0x${first.toString(16)} does not start an ASB frame`);
  for (const b of [errors, paper, last]) {
    if ((b & 0x90) !== 0) throw new AsbFrameError(`0x${b.toString(16)} cannot be inside an ASB frame`);
  }
  const paperEnd = (paper & 0x0c) !== 0;
  return {
    online: (first & 0x08) === 0,
    paperEnd,
    paperNearEnd: (paper & 0x03) !== 0 && !paperEnd,
    coverOpen: (first & 0x20) !== 0,
    error: (errors & 0x6c) !== 0,
    drawerOpen: (first & 0x04) !== 0,
    at,
  };
}

/** The frame a printer in this state pushes; simulators and tests use it. */
export function asbFrame(s: Omit<PrinterStatus, 'at'>): Uint8Array {
  const offline = !s.online || s.paperEnd || s.coverOpen || s.error;
  return Uint8Array.of(
    0x10 | (s.drawerOpen ? 0x04 : 0) | (offline ? 0x08 : 0) | (s.coverOpen ? 0x20 : 0),
    s.error ? 0x04 : 0x00,
    (s.paperEnd ? 0x0c : 0) | (s.paperNearEnd ? 0x03 : 0),
    0x00,
  );
}

/**
 * Whether to ask a printer for ASB: on serial and USB links, where it is dependable; TCP
 * print servers often swallow or garble unsolicited bytes, so TCP stays on DLE EOT polling.
 */
export function autoStatusByDefault(kind: Transport['kind']): boolean {
  return kind === 'serial' || kind === 'usb-lp' || kind === 'usb';
}
