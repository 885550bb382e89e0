/**
 * A two-line, 20-column customer display on a serial line, understanding the Epson DM-D and
 * CD5220 command sets. It keeps what a customer would see and rejects bytes it does not know.
 */
import { EventEmitter } from 'node:events';
import type { Codepage } from '@point-of-sale/codepage-encoder';
import { codepageFor, decodeHighByte } from '../escpos/codepages';
import { POLE_COLUMNS } from '../display/pole-display';
import { closePort, openSimulatorPort } from './serial-simulator';

export class PoleDisplayScreen {
  private rows: string[][] = [blank(), blank()];
  private row = 0;
  private col = 0;
  private codepage: Codepage = 'cp437';
  private pending: number[] = [];

  lines(): [string, string] {
    return [this.rows[0]?.join('') ?? '', this.rows[1]?.join('') ?? ''];
  }

  /** Applies bytes; throws on an unknown command. Incomplete commands wait for more bytes. */
  push(bytes: Uint8Array): void {
    this.pending.push(...bytes);
    for (;;) {
      const used = this.step(this.pending);
      if (used === 0) return;
      this.pending.splice(0, used);
    }
  }

  private step(d: number[]): number {
    const b = d[0];
    if (b === undefined) return 0;
    if (b === 0x0c) { this.rows = [blank(), blank()]; this.row = 0; this.col = 0; return 1; }
    if (b === 0x0b) { this.row = 0; this.col = 0; return 1; }
    if (b === 0x0d) { this.col = 0; return 1; }
    if (b === 0x0a) { this.row = Math.min(this.row + 1, 1); return 1; }
    if (b === 0x1b) {
      if (d.length < 2) return 0;
      if (d[1] === 0x40) { this.rows = [blank(), blank()]; this.row = 0; this.col = 0; this.codepage = 'cp437'; return 2; }
      if (d[1] === 0x74) {
        if (d.length < 3) return 0;
        const cp = codepageFor('epson', d[2] as number);
        if (!cp) throw new Error(`unknown code page ${d[2]}`);
        this.codepage = cp;
        return 3;
      }
      if (d[1] === 0x51) { // CD5220 ESC Q A|B text CR
        if (d.length < 3) return 0;
        const end = d.indexOf(0x0d, 3);
        if (end < 0) return 0;
        const line = d[2] === 0x41 ? 0 : d[2] === 0x42 ? 1 : -1;
        if (line < 0) throw new Error(`unknown CD5220 line ${d[2]}`);
        this.rows[line] = blank();
        this.row = line;
        this.col = 0;
        for (const c of d.slice(3, end)) this.put(c);
        return end + 1;
      }
      throw new Error(`unknown display command ESC 0x${(d[1] ?? 0).toString(16)}`);
    }
    if (b === 0x1f) { // Epson DM-D US $ x y: move cursor (1-based)
      if (d.length < 2) return 0;
      if (d[1] !== 0x24) throw new Error(`unknown display command US 0x${(d[1] ?? 0).toString(16)}`);
      if (d.length < 4) return 0;
      this.col = Math.min(Math.max((d[2] as number) - 1, 0), POLE_COLUMNS - 1);
      this.row = Math.min(Math.max((d[3] as number) - 1, 0), 1);
      return 4;
    }
    if (b < 0x20 || b === 0x7f) throw new Error(`unknown display control byte 0x${b.toString(16)}`);
    this.put(b);
    return 1;
  }

  private put(byte: number): void {
    const ch = byte < 0x80 ? String.fromCharCode(byte) : decodeHighByte(this.codepage, byte);
    if (ch === undefined || ch === '\ufffd') throw new Error(`byte 0x${byte.toString(16)} has no character in ${this.codepage}`);
    if (this.col >= POLE_COLUMNS) return; // no wrap: extra characters fall off the edge
    const row = this.rows[this.row] as string[];
    row[this.col] = ch;
    this.col += 1;
  }
}

function blank(): string[] {
  return Array.from({ length: POLE_COLUMNS }, () => ' ');
}

export interface VirtualPoleDisplay {
  lines(): [string, string];
  errors(): string[];
  on(event: 'change', cb: (lines: [string, string]) => void): this;
  close(): Promise<void>;
}

export async function startVirtualPoleDisplay(opts: { path: string }): Promise<VirtualPoleDisplay> {
  const port = await openSimulatorPort(opts.path);
  const screen = new PoleDisplayScreen();
  const errors: string[] = [];
  const emitter = new EventEmitter();
  port.on('data', (b: Buffer) => {
    try {
      screen.push(new Uint8Array(b));
      emitter.emit('change', screen.lines());
    } catch (err) {
      errors.push((err as Error).message);
    }
  });
  port.on('error', () => undefined);
  const display: VirtualPoleDisplay = {
    lines: () => screen.lines(),
    errors: () => [...errors],
    on(event, cb) {
      emitter.on(event, cb);
      return display;
    },
    close: () => closePort(port),
  };
  return display;
}
