import { describe, expect, it } from 'vitest';
import { StatusByteError, isReady, parseStatus, statusBytes } from './printer-status';

describe('parseStatus (DLE EOT 1, 2, 4 replies)', () => {
  const table: Array<[string, [number, number, number], Partial<ReturnType<typeof parseStatus>>, boolean]> = [
    ['idle and ready', [0x12, 0x12, 0x12], { online: true, paperEnd: false, coverOpen: false, error: false, drawerOpen: false }, true],
    ['paper near end still prints', [0x12, 0x12, 0x1e], { online: true, paperNearEnd: true, paperEnd: false }, true],
    ['out of paper (Epson 1A / 32 / 72)', [0x1a, 0x32, 0x72], { online: false, paperEnd: true, paperNearEnd: false }, false],
    ['cover open', [0x1a, 0x16, 0x12], { online: false, coverOpen: true, paperEnd: false }, false],
    ['error (cutter jam)', [0x1a, 0x52, 0x12], { online: false, error: true }, false],
    ['drawer pin 3 high', [0x16, 0x12, 0x12], { online: true, drawerOpen: true }, true],
    ['offline, feed button held', [0x1a, 0x1a, 0x12], { online: false, paperEnd: false, coverOpen: false }, false],
  ];
  for (const [name, [a, b, c], expected, ready] of table) {
    it(name, () => {
      const s = parseStatus(a, b, c, 0);
      expect(s).toMatchObject(expected);
      expect(isReady(s)).toBe(ready);
    });
  }

  it('rejects bytes that are not status replies (an ASB frame, a zero)', () => {
    expect(() => parseStatus(0x10, 0x12, 0x12)).toThrow(StatusByteError);
    expect(() => parseStatus(0x12, 0x00, 0x12)).toThrow(StatusByteError);
    expect(() => parseStatus(0x12, 0x12, 0x93)).toThrow(StatusByteError);
  });

  it('round-trips every combination through the bytes a printer would send', () => {
    for (let mask = 0; mask < 32; mask++) {
      const state = { online: true, paperEnd: !!(mask & 1), paperNearEnd: !!(mask & 2) && !(mask & 1), coverOpen: !!(mask & 4), error: !!(mask & 8), drawerOpen: !!(mask & 16) };
      const b = statusBytes(state);
      const parsed = parseStatus(b.printer, b.offlineCause, b.paper, 0);
      expect(parsed).toMatchObject({ ...state, online: !(state.paperEnd || state.coverOpen || state.error) });
    }
  });
});
