/**
 * An incremental reader of Star line mode, the sibling of the ESC/POS parser: bytes in,
 * paper text and events out, throwing on anything it does not know. It covers what our
 * encoder (@point-of-sale/receipt-printer-encoder, language 'star-line') emits and the
 * drawer and status commands the drivers send:
 * ESC @ (CAN), ESC GS t n (code page), ESC E/F (bold), ESC - n, ESC 4/5 (invert), ESC i h w
 * (size), ESC GS a n (align), ESC RS F n (font), ESC z 1 / ESC 0 (line spacing), ESC GS P 0/1
 * (print start), ESC b … RS (barcode), ESC GS y S/D/P (QR), ESC d n (cut), ESC BEL n1 n2 then
 * BEL/SUB (drawer 1/2), ESC ACK SOH (status request).
 */
import type { Codepage } from '@point-of-sale/codepage-encoder';
import { codepageFor, decodeHighByte } from '../escpos/codepages';
import { EscPosDecodeError, type ParsedItem } from '../escpos/escpos-parser';

const ESC = 0x1b, GS = 0x1d, RS = 0x1e, LF = 0x0a, CR = 0x0d, CAN = 0x18, BEL = 0x07, SUB = 0x1a, ACK = 0x06;

type Step = { len: number; items?: ParsedItem[] } | null;

const hex = (b: number | undefined): string => (b === undefined ? '??' : b.toString(16).padStart(2, '0'));

export class StarLineParser {
  private buf = new Uint8Array(0);
  private consumed = 0;
  private codepage: Codepage = 'star/standard';
  private pulse = { onMs: 200, offMs: 200 };
  private qrData: string | undefined;

  get pendingBytes(): number {
    return this.buf.length;
  }

  push(bytes: Uint8Array): ParsedItem[] {
    const d = new Uint8Array(this.buf.length + bytes.length);
    d.set(this.buf);
    d.set(bytes, this.buf.length);
    const items: ParsedItem[] = [];
    let i = 0;
    let text = '';
    const flush = (): void => {
      if (text) items.push({ kind: 'text', text });
      text = '';
    };
    while (i < d.length) {
      const b = d[i] as number;
      if (b >= 0x20 && b !== 0x7f) {
        if (this.qrData !== undefined) this.fail('stray bytes after QR code data: its length is wrong', i);
        text += b < 0x80 ? String.fromCharCode(b) : this.highByte(b, i);
        i += 1;
        continue;
      }
      if (b === LF) { text += '\n'; i += 1; continue; }
      if (b === CR || b === CAN) { i += 1; continue; }
      if (b === BEL || b === SUB) {
        flush();
        items.push({ kind: 'event', event: { type: 'drawer', pin: b === BEL ? 2 : 5, ...this.pulse } });
        i += 1;
        continue;
      }
      if (b !== ESC) this.fail(`unknown control byte 0x${hex(b)}`, i);
      const step = this.esc(d, i);
      if (step === null) break;
      flush();
      if (step.items) items.push(...step.items);
      i += step.len;
    }
    flush();
    this.consumed += i;
    this.buf = d.slice(i);
    return items;
  }

  private highByte(b: number, at: number): string {
    const ch = decodeHighByte(this.codepage, b);
    if (ch === undefined || ch === '\ufffd') this.fail(`byte 0x${hex(b)} has no character in ${this.codepage}`, at);
    return ch;
  }

  private fail(message: string, at: number): never {
    throw new EscPosDecodeError(message, this.consumed + at);
  }

  private esc(d: Uint8Array, i: number): Step {
    if (d.length < i + 2) return null;
    const c = d[i + 1] as number;
    const need = (n: number): boolean => d.length >= i + n;
    switch (c) {
      case 0x40: // ESC @: initialise
        this.codepage = 'star/standard';
        return { len: 2, items: [{ kind: 'init' }] };
      case 0x45: case 0x46: case 0x34: case 0x35: case 0x30: // bold on/off, invert on/off, line spacing none
        return { len: 2 };
      case 0x2d: case 0x7a: // underline, line spacing
        return need(3) ? { len: 3 } : null;
      case 0x69: // ESC i h w: character size
        return need(4) ? { len: 4 } : null;
      case 0x64: { // ESC d n: cut (0/2 full, 1/3 partial)
        if (!need(3)) return null;
        const n = d[i + 2] as number;
        if (n > 3) return this.fail(`unknown cut ESC d ${n}`, i);
        return { len: 3, items: [{ kind: 'event', event: { type: 'cut', data: n % 2 === 0 ? 'full' : 'partial' } }] };
      }
      case BEL: { // ESC BEL n1 n2: drawer pulse width, fired by the BEL or SUB that follows
        if (!need(4)) return null;
        const on = d[i + 2] as number, off = d[i + 3] as number;
        if (on === 0) return this.fail('drawer pulse with zero on-time', i);
        this.pulse = { onMs: on * 10, offMs: off * 10 };
        return { len: 4 };
      }
      case ACK: // ESC ACK SOH: status request, answered at once
        if (!need(3)) return null;
        if (d[i + 2] !== 0x01) return this.fail(`unknown status request ESC ACK ${hex(d[i + 2])}`, i);
        return { len: 3, items: [{ kind: 'status-query', n: 1 }] };
      case RS: // ESC RS F n: font
        if (!need(4)) return null;
        if (d[i + 2] !== 0x46) return this.fail(`unknown command ESC RS ${hex(d[i + 2])}`, i);
        return { len: 4 };
      case 0x62: return this.barcode(d, i);
      case GS: return this.escGs(d, i);
      default:
        return this.fail(`unknown command ESC ${hex(c)}`, i);
    }
  }

  private escGs(d: Uint8Array, i: number): Step {
    if (d.length < i + 3) return null;
    const c = d[i + 2] as number;
    const need = (n: number): boolean => d.length >= i + n;
    switch (c) {
      case 0x74: { // ESC GS t n: code page
        if (!need(4)) return null;
        const n = d[i + 3] as number;
        const cp = codepageFor('star', n);
        if (!cp) return this.fail(`unknown code page ESC GS t ${n}`, i);
        this.codepage = cp;
        return { len: 4 };
      }
      case 0x61: // ESC GS a n: align
        return need(4) ? { len: 4 } : null;
      case 0x50: // ESC GS P 0/1: print start control
        return need(4) ? { len: 4 } : null;
      case 0x79: return this.qr(d, i);
      default:
        return this.fail(`unknown command ESC GS ${hex(c)}`, i);
    }
  }

  private qr(d: Uint8Array, i: number): Step {
    if (d.length < i + 4) return null;
    const fn = d[i + 3] as number;
    if (fn === 0x53) return d.length < i + 6 ? null : { len: 6 }; // model, size, error level
    if (fn === 0x44) { // ESC GS y D 1 0 nL nH data: store
      if (d.length < i + 8) return null;
      if (d[i + 4] !== 0x31 || d[i + 5] !== 0x00) return this.fail('malformed QR store command', i);
      const len = 8 + (d[i + 6] as number) + (d[i + 7] as number) * 256;
      if (d.length < i + len) return null;
      this.qrData = new TextDecoder('latin1').decode(d.subarray(i + 8, i + len));
      return { len };
    }
    if (fn === 0x50) { // ESC GS y P: print the stored code
      const data = this.qrData;
      if (data === undefined) return this.fail('QR code printed before its data was stored', i);
      this.qrData = undefined;
      return { len: 4, items: [{ kind: 'event', event: { type: 'qr', data } }] };
    }
    return this.fail(`unknown QR command ESC GS y ${hex(fn)}`, i);
  }

  private barcode(d: Uint8Array, i: number): Step {
    if (d.length < i + 6) return null;
    const end = d.indexOf(RS, i + 6);
    if (end < 0) return null;
    return { len: end + 1 - i, items: [{ kind: 'event', event: { type: 'barcode', data: String.fromCharCode(...d.subarray(i + 6, end)) } }] };
  }
}
