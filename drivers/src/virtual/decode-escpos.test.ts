import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { describe, expect, it } from 'vitest';
import { drawerKickBytes } from '../escpos/drawer-kick';
import { EscPosDecodeError } from '../escpos/escpos-parser';
import { decodeEscPos } from './decode-escpos';

const bytes = (...parts: Array<number[] | string>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

describe('decodeEscPos', () => {
  it('maps code pages back: CP437 accents and the euro sign in CP858', () => {
    // ESC t 0 (CP437): 0x82 é, 0x8a è, 0x96 û, 0xa4 ñ; ESC t 19 (CP858): 0xd5 €, 0x9c £.
    const paper = decodeEscPos(bytes([0x1b, 0x40, 0x1b, 0x74, 0], 'Cr', [0x8a], 'me br', [0x96], 'l', [0x82], 'e Jalape', [0xa4], 'os', [0x0a], [0x1b, 0x74, 19, 0xd5, 0x20, 0x9c, 0x0a]));
    expect(paper.text).toBe('Crème brûlée Jalapeños\n€ £');
  });

  it('reads a well-formed 5-byte drawer pulse and the real-time DLE DC4 pulse', () => {
    expect(decodeEscPos(bytes([0x1b, 0x70, 0x00, 25, 250])).events).toEqual([{ type: 'drawer', pin: 2, onMs: 50, offMs: 500 }]);
    expect(decodeEscPos(bytes([0x10, 0x14, 1, 1, 2])).events).toEqual([{ type: 'drawer', pin: 5, onMs: 200, offMs: 200 }]);
    expect(decodeEscPos(drawerKickBytes(5, 'esc-p')).events[0]).toMatchObject({ type: 'drawer', pin: 5 });
  });

  it('throws on the malformed drawer kick some libraries send (ESC p 0 ESC p 1)', () => {
    expect(() => decodeEscPos(bytes([0x1b, 0x70, 0x00, 0x1b, 0x70, 0x01]))).toThrow(EscPosDecodeError);
  });

  it('throws on unknown commands, stray control bytes and jobs cut off inside a command', () => {
    expect(() => decodeEscPos(bytes([0x1b, 0x7e, 0x01]))).toThrow(/unknown command ESC 7e/);
    expect(() => decodeEscPos(bytes('abc', [0x07]))).toThrow(/unknown control byte 0x07/);
    expect(() => decodeEscPos(bytes([0x1d, 0x28, 0x6b, 0x10, 0x00, 0x31, 0x50, 0x30], 'short'))).toThrow(/ends inside a command/);
    expect(() => decodeEscPos(bytes([0x1b, 0x74, 99]))).toThrow(/unknown code page/);
  });

  it('throws when a QR length counts characters instead of bytes', () => {
    // 'é' is one character but two UTF-8 bytes: a length of 3 + 1 leaves a stray byte after the data.
    const data = [...Buffer.from('é', 'utf8')];
    const job = bytes([0x1d, 0x28, 0x6b, 4, 0, 0x31, 0x50, 0x30], data, [0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30]);
    expect(() => decodeEscPos(job)).toThrow();
  });

  it('reads a QR code with UTF-8 data when the length is right', () => {
    const data = [...Buffer.from('https://x/r/é1', 'utf8')];
    const job = bytes([0x1d, 0x28, 0x6b, data.length + 3, 0, 0x31, 0x50, 0x30], data, [0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30]);
    expect(decodeEscPos(job).events).toEqual([{ type: 'qr', data: 'https://x/r/é1' }]);
  });

  it('reads barcodes in both function forms, raster images and cuts', () => {
    const job = bytes([0x1d, 0x6b, 2], '2000000000015', [0], [0x1d, 0x6b, 73, 4], 'AB12', [0x1d, 0x76, 0x30, 0, 1, 0, 2, 0, 0xff, 0x00], [0x1d, 0x56, 0x42, 3]);
    expect(decodeEscPos(job).events).toEqual([
      { type: 'barcode', data: '2000000000015' },
      { type: 'barcode', data: 'AB12' },
      { type: 'image', data: 'raster 8x2' },
      { type: 'cut', data: 'partial' },
    ]);
  });

  for (const imageMode of ['column', 'raster'] as const) {
    it(`reads everything the encoder makes: images (${imageMode}), CODE128, PDF417, fonts, styles, boxes, tables`, () => {
      const image = { width: 16, height: 16, data: new Uint8ClampedArray(16 * 16 * 4).map((_, i) => (i % 8 < 4 ? 0 : 255)) };
      const job = new ReceiptPrinterEncoder({ columns: 42, imageMode })
        .initialize().codepage('auto')
        .image(image, 16, 16).barcode('ABC-123', 'code128', 40).pdf417('table 12')
        .font('B').line('font b').font('A').italic(true).line('italic').italic(false).invert(true).line('inverted').invert(false)
        .box({ width: 20 }, 'Crème brûlée').table([{ width: 20 }, { width: 20 }], [['left', 'right']], { border: 'single' })
        .rule({ style: 'double' }).size('small').line('small').size('normal').cut('partial').pulse(0, 50, 500)
        .encode();
      const paper = decodeEscPos(job);
      expect(paper.events.map((e) => e.type)).toEqual(['image', 'barcode', 'barcode', 'cut', 'drawer']);
      expect(paper.events.slice(1, 3).map((e) => e.data)).toEqual(['ABC-123', 'pdf417:table 12']);
      expect(paper.text).toContain('│Crème brûlée      │');
      expect(paper.text).toContain('═'.repeat(42));
    });
  }
});
