/**
 * Cash drawer pulses. `ESC p m t1 t2` is exactly five bytes (some libraries send three and
 * the printer eats the next bytes as timings); `DLE DC4 1 m t` is the real-time form that
 * printers run on receipt, even when out of paper.
 */
export type DrawerCommand = 'esc-p' | 'dle-dc4';

export function drawerKickBytes(pin: 2 | 5 = 2, command: DrawerCommand = 'esc-p'): Uint8Array {
  const m = pin === 2 ? 0 : 1;
  // 25 × 2 ms on, 250 × 2 ms off: the common 50 ms / 500 ms pulse drawers expect.
  if (command === 'esc-p') return Uint8Array.of(0x1b, 0x70, m, 25, 250);
  return Uint8Array.of(0x10, 0x14, 0x01, m, 1);
}

/**
 * Star line mode: `ESC BEL n1 n2` sets the pulse (n × 10 ms on, off), then `BEL` fires
 * drawer 1 or `SUB` drawer 2. Like the ESC/POS pulse, it goes out ahead of queued pages.
 */
export function starDrawerKickBytes(pin: 2 | 5 = 2): Uint8Array {
  return Uint8Array.of(0x1b, 0x07, 20, 20, pin === 2 ? 0x07 : 0x1a);
}
