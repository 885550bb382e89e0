/**
 * Customer pole displays: two lines of 20 characters. Two command sets cover most models:
 * Epson DM-D (`US $ x y` to place the cursor) and CD5220 (`ESC Q A/B text CR`). Both clear
 * with FF and take `ESC t n` for the code page; we use PC858 so "€" and accents show.
 */
import CodepageEncoder from '@point-of-sale/codepage-encoder';
import type { DeviceWorker } from '../device-worker';

export type PoleDialect = 'epson' | 'cd5220';
export const POLE_COLUMNS = 20;
export const PC858 = 19;

function fit(text: string): string {
  // eslint-disable-next-line no-control-regex -- control bytes would be read as display commands
  const chars = [...text.replace(/[\x00-\x1f\x7f]/g, ' ')];
  return chars.slice(0, POLE_COLUMNS).join('').padEnd(POLE_COLUMNS, ' ');
}

/** Two-line amounts ("Total", "€41.80") laid out left and right. */
export function poleLine(left: string, right: string): string {
  const room = POLE_COLUMNS - [...right].length;
  return [...left].slice(0, Math.max(room - 1, 0)).join('').padEnd(room, ' ') + right;
}

export function poleDisplayBytes(lines: readonly [string, string], dialect: PoleDialect = 'epson'): Uint8Array {
  const encode = (s: string): number[] => [...CodepageEncoder.encode(fit(s), 'cp858')];
  const out: number[] = [0x0c, 0x1b, 0x74, PC858];
  if (dialect === 'epson') {
    out.push(0x1f, 0x24, 1, 1, ...encode(lines[0]), 0x1f, 0x24, 1, 2, ...encode(lines[1]));
  } else {
    out.push(0x1b, 0x51, 0x41, ...encode(lines[0]), 0x0d, 0x1b, 0x51, 0x42, ...encode(lines[1]), 0x0d);
  }
  return Uint8Array.from(out);
}

export class PoleDisplay {
  constructor(private readonly worker: DeviceWorker, private readonly dialect: PoleDialect = 'epson') {}

  show(lines: readonly [string, string]): Promise<void> {
    const bytes = poleDisplayBytes(lines, this.dialect);
    return this.worker.run((t) => t.write(bytes));
  }

  clear(): Promise<void> {
    return this.worker.run((t) => t.write(Uint8Array.of(0x0c)));
  }
}
