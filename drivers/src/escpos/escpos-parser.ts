/**
 * An incremental ESC/POS reader: bytes in, paper text and device events out. It knows the
 * commands our encoder and common drivers send and throws on anything else, so a malformed
 * command (a 2-byte drawer kick, a QR length that lies) fails a test instead of printing
 * garbage. Real-time commands (DLE EOT, DLE DC4) come out as their own items because a
 * printer answers them the moment they arrive.
 */
import type { Codepage } from '@point-of-sale/codepage-encoder';
import { type CodepageMappingName, codepageFor, decodeHighByte } from './codepages';

export type PaperEventType = 'cut' | 'drawer' | 'qr' | 'barcode' | 'image' | 'beep';

export interface PaperEvent {
  type: PaperEventType;
  data?: string;
  pin?: number;
  onMs?: number;
  offMs?: number;
}

export type ParsedItem =
  | { kind: 'text'; text: string }
  | { kind: 'event'; event: PaperEvent }
  | { kind: 'status-query'; n: number }
  /** `GS a n`: automatic status back switched on (n ≠ 0) or off for this connection. */
  | { kind: 'auto-status'; n: number }
  | { kind: 'init' };

export class EscPosDecodeError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} at byte ${offset}`);
    this.name = 'EscPosDecodeError';
  }
}

const ESC = 0x1b, GS = 0x1d, FS = 0x1c, DLE = 0x10, LF = 0x0a, CR = 0x0d, HT = 0x09;

type Step = { len: number; items?: ParsedItem[] } | null; // null: command incomplete, wait for more bytes

const hex = (b: number | undefined): string => (b === undefined ? '??' : b.toString(16).padStart(2, '0'));

export class EscPosParser {
  private buf = new Uint8Array(0);
  private consumed = 0;
  private codepage: Codepage = 'cp437';
  private qrData: string | undefined;
  private pdfData: string | undefined;
  private storedUnprinted = false;

  constructor(private readonly mapping: CodepageMappingName = 'epson') {}

  /** Bytes received but not yet a whole command. */
  get pendingBytes(): number {
    return this.buf.length;
  }

  push(bytes: Uint8Array): ParsedItem[] {
    const merged = new Uint8Array(this.buf.length + bytes.length);
    merged.set(this.buf);
    merged.set(bytes, this.buf.length);
    const items: ParsedItem[] = [];
    let i = 0;
    let text = '';
    while (i < merged.length) {
      const b = merged[i] as number;
      if (b >= 0x20 && b !== 0x7f) {
        // Text between storing a 2D code and printing it means the stored length was wrong
        // (the classic bug: counting characters instead of UTF-8 bytes).
        if (this.storedUnprinted) this.fail('stray bytes after 2D code data: its length is wrong', i);
        text += b < 0x80 ? String.fromCharCode(b) : this.highByte(b, i);
        i += 1;
        continue;
      }
      if (b === LF) { text += '\n'; i += 1; continue; }
      if (b === CR) { i += 1; continue; }
      if (b === HT) { text += ' '; i += 1; continue; }
      const step = this.command(merged, i);
      if (step === null) break;
      if (text) { items.push({ kind: 'text', text }); text = ''; }
      if (step.items) items.push(...step.items);
      i += step.len;
    }
    if (text) items.push({ kind: 'text', text });
    this.consumed += i;
    this.buf = merged.slice(i);
    return items;
  }

  private highByte(b: number, at: number): string {
    const ch = decodeHighByte(this.codepage, b);
    if (ch === undefined || ch === '\ufffd') throw new EscPosDecodeError(`byte 0x${hex(b)} has no character in ${this.codepage}`, this.consumed + at);
    return ch;
  }

  private fail(message: string, at: number): never {
    throw new EscPosDecodeError(message, this.consumed + at);
  }

  private command(d: Uint8Array, i: number): Step {
    const b = d[i] as number;
    if (b === ESC) return this.esc(d, i);
    if (b === GS) return this.gs(d, i);
    if (b === DLE) return this.dle(d, i);
    if (b === FS) {
      if (d.length < i + 2) return null;
      if (d[i + 1] === 0x2e) return { len: 2 }; // FS . cancels Kanji mode
      return this.fail(`unknown command FS ${hex(d[i + 1])}`, i);
    }
    return this.fail(`unknown control byte 0x${hex(b)}`, i);
  }

  private esc(d: Uint8Array, i: number): Step {
    if (d.length < i + 2) return null;
    const c = d[i + 1] as number;
    const need = (n: number): boolean => d.length >= i + n;
    switch (c) {
      case 0x40: // ESC @: initialise, back to the default code page
        this.codepage = 'cp437';
        return { len: 2, items: [{ kind: 'init' }] };
      case 0x32: return { len: 2 };
      case 0x74: { // ESC t n
        if (!need(3)) return null;
        const n = d[i + 2] as number;
        const cp = codepageFor(this.mapping, n);
        if (!cp) return this.fail(`unknown code page ESC t ${n}`, i);
        this.codepage = cp;
        return { len: 3 };
      }
      case 0x64: { // ESC d n: feed n lines
        if (!need(3)) return null;
        return { len: 3, items: [{ kind: 'text', text: '\n'.repeat(d[i + 2] as number) }] };
      }
      case 0x45: case 0x2d: case 0x34: case 0x4d: case 0x61: case 0x21: case 0x4a: case 0x33:
      case 0x47: case 0x56: case 0x7b: case 0x3d: case 0x52: case 0x20:
        return need(3) ? { len: 3 } : null;
      case 0x70: { // ESC p m t1 t2: drawer pulse, exactly five bytes
        if (!need(5)) return null;
        const m = d[i + 2] as number;
        if (m !== 0 && m !== 1 && m !== 0x30 && m !== 0x31) return this.fail(`malformed drawer kick ESC p ${m}`, i);
        const t1 = d[i + 3] as number, t2 = d[i + 4] as number;
        if (t1 === 0) return this.fail('drawer kick with zero on-time', i);
        return { len: 5, items: [{ kind: 'event', event: { type: 'drawer', pin: (m & 1) === 0 ? 2 : 5, onMs: t1 * 2, offMs: t2 * 2 } }] };
      }
      case 0x42: // ESC B n t: buzzer
        return need(4) ? { len: 4, items: [{ kind: 'event', event: { type: 'beep', data: String(d[i + 2]) } }] } : null;
      case 0x63: // ESC c 3/4/5 n: paper sensors, panel keys
        return need(4) ? { len: 4 } : null;
      case 0x2a: { // ESC * m nL nH data: column image
        if (!need(5)) return null;
        const m = d[i + 2] as number;
        const dots = (d[i + 3] as number) + (d[i + 4] as number) * 256;
        const len = 5 + dots * (m === 0 || m === 1 ? 1 : 3);
        return need(len) ? { len, items: [{ kind: 'event', event: { type: 'image', data: `column ${dots} dots` } }] } : null;
      }
      default:
        return this.fail(`unknown command ESC ${hex(c)}`, i);
    }
  }

  private gs(d: Uint8Array, i: number): Step {
    if (d.length < i + 2) return null;
    const c = d[i + 1] as number;
    const need = (n: number): boolean => d.length >= i + n;
    switch (c) {
      case 0x21: case 0x42: case 0x68: case 0x77: case 0x48: case 0x66: case 0x62: case 0x49:
        return need(3) ? { len: 3 } : null;
      case 0x61: // GS a n: automatic status back
        return need(3) ? { len: 3, items: [{ kind: 'auto-status', n: d[i + 2] as number }] } : null;
      case 0x72: // GS r n: status by request
        return need(3) ? { len: 3, items: [{ kind: 'status-query', n: 0x100 + (d[i + 2] as number) }] } : null;
      case 0x4c: case 0x57: return need(4) ? { len: 4 } : null;
      case 0x56: { // GS V m [n]: cut
        if (!need(3)) return null;
        const m = d[i + 2] as number;
        if (m === 0 || m === 0x30) return { len: 3, items: [{ kind: 'event', event: { type: 'cut', data: 'full' } }] };
        if (m === 1 || m === 0x31) return { len: 3, items: [{ kind: 'event', event: { type: 'cut', data: 'partial' } }] };
        if (m === 0x41 || m === 0x42) return need(4) ? { len: 4, items: [{ kind: 'event', event: { type: 'cut', data: m === 0x41 ? 'full' : 'partial' } }] } : null;
        return this.fail(`unknown cut GS V ${m}`, i);
      }
      case 0x6b: return this.barcode(d, i);
      case 0x28: return this.gsParen(d, i);
      case 0x76: { // GS v 0 m xL xH yL yH data: raster image
        if (!need(8)) return null;
        if (d[i + 2] !== 0x30) return this.fail('unknown raster command', i);
        const w = (d[i + 4] as number) + (d[i + 5] as number) * 256;
        const h = (d[i + 6] as number) + (d[i + 7] as number) * 256;
        const len = 8 + w * h;
        return need(len) ? { len, items: [{ kind: 'event', event: { type: 'image', data: `raster ${w * 8}x${h}` } }] } : null;
      }
      default:
        return this.fail(`unknown command GS ${hex(c)}`, i);
    }
  }

  private barcode(d: Uint8Array, i: number): Step {
    if (d.length < i + 3) return null;
    const m = d[i + 2] as number;
    if (m <= 6) { // function A: NUL-terminated
      const end = d.indexOf(0, i + 3);
      if (end < 0) return null;
      return { len: end + 1 - i, items: [{ kind: 'event', event: { type: 'barcode', data: ascii(d.subarray(i + 3, end)) } }] };
    }
    if (m >= 65 && m <= 79) { // function B: length-prefixed
      if (d.length < i + 4) return null;
      const n = d[i + 3] as number;
      if (d.length < i + 4 + n) return null;
      let data = ascii(d.subarray(i + 4, i + 4 + n));
      if (m === 73) data = data.replace(/\{[ABC]/g, ''); // CODE128 code-set selectors are not part of the data
      return { len: 4 + n, items: [{ kind: 'event', event: { type: 'barcode', data } }] };
    }
    return this.fail(`unknown barcode system ${m}`, i);
  }

  private gsParen(d: Uint8Array, i: number): Step {
    if (d.length < i + 5) return null;
    const sub = d[i + 2] as number;
    const len = 5 + (d[i + 3] as number) + (d[i + 4] as number) * 256;
    if (d.length < i + len) return null;
    if (sub !== 0x6b) return this.fail(`unknown command GS ( ${hex(sub)}`, i);
    const cn = d[i + 5], fn = d[i + 6];
    if (len < 8 || (cn !== 0x31 && cn !== 0x30)) return this.fail('malformed 2D code command', i);
    const qr = cn === 0x31;
    if (fn === 0x50) { // store data: pL pH cn fn m d1…dk, k = len - 8
      if (d[i + 7] !== 0x30) return this.fail('malformed 2D code store command', i);
      const data = utf8OrLatin1(d.subarray(i + 8, i + len));
      if (qr) this.qrData = data; else this.pdfData = data;
      this.storedUnprinted = true;
      return { len };
    }
    if (fn === 0x51) { // print the stored symbol
      const data = qr ? this.qrData : this.pdfData;
      if (data === undefined) return this.fail('2D code printed before its data was stored', i);
      this.storedUnprinted = false;
      return { len, items: [{ kind: 'event', event: qr ? { type: 'qr', data } : { type: 'barcode', data: `pdf417:${data}` } }] };
    }
    return { len }; // model, size, error level, columns, rows
  }

  private dle(d: Uint8Array, i: number): Step {
    if (d.length < i + 2) return null;
    const c = d[i + 1] as number;
    if (c === 0x04 || c === 0x05) {
      if (d.length < i + 3) return null;
      const n = d[i + 2] as number;
      if (c === 0x04 && (n < 1 || n > 4)) return this.fail(`unknown status query DLE EOT ${n}`, i);
      return { len: 3, items: c === 0x04 ? [{ kind: 'status-query', n }] : [] };
    }
    if (c === 0x14) { // DLE DC4 fn m t: real-time drawer pulse
      if (d.length < i + 5) return null;
      const fn = d[i + 2] as number, m = d[i + 3] as number, t = d[i + 4] as number;
      if (fn !== 1 || (m !== 0 && m !== 1) || t < 1 || t > 8) return this.fail(`malformed DLE DC4 ${fn} ${m} ${t}`, i);
      return { len: 5, items: [{ kind: 'event', event: { type: 'drawer', pin: m === 0 ? 2 : 5, onMs: t * 100, offMs: t * 100 } }] };
    }
    return this.fail(`unknown command DLE ${hex(c)}`, i);
  }
}

function ascii(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

function utf8OrLatin1(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}
