import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { renderReceipt } from '../receipt/render-receipt';
import { sampleOrder } from '../receipt/sample-orders';
import { decodeEscPos } from '../virtual/decode-escpos';
import { CELL_WIDTH, glyphPixels, hasGlyph } from './bitmap-font';
import { renderReceiptPng } from './render-receipt-png';

const store = { name: 'Brigade Bistro', currency: 'EUR', timezone: 'Europe/Paris', locale: 'fr-FR' };

describe('renderReceiptPng', () => {
  it('draws a receipt whose QR code scans back to the order id', () => {
    const order = sampleOrder('EUR');
    const png = PNG.sync.read(renderReceiptPng(decodeEscPos(renderReceipt(order, store)), { scale: 2 }));
    expect(png.width).toBe((42 * CELL_WIDTH + 16) * 2);
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(code?.data).toBe(order.id);
  });

  it('is white paper with black print, wider at a larger scale', () => {
    const paper = decodeEscPos(renderReceipt(sampleOrder('GBP'), { ...store, currency: 'GBP' }));
    const small = PNG.sync.read(renderReceiptPng(paper, { scale: 1 }));
    const large = PNG.sync.read(renderReceiptPng(paper, { scale: 3 }));
    expect(large.width).toBe(small.width * 3);
    const values = new Set<number>();
    for (let i = 0; i < small.data.length; i += 4) values.add(small.data[i] as number);
    expect([...values].sort((a, b) => a - b)).toEqual([0, 255]);
  });
});

describe('bitmap font', () => {
  it('has a visible glyph for every printable ASCII character and the currency signs', () => {
    for (let c = 0x21; c < 0x7f; c++) expect(glyphPixels(String.fromCharCode(c)).length, String.fromCharCode(c)).toBeGreaterThan(0);
    for (const ch of ['€', '£', '─']) expect(hasGlyph(ch)).toBe(true);
  });

  it('composes accented letters: each differs from its base letter and from the others', () => {
    const key = (ch: string): string => JSON.stringify(glyphPixels(ch).sort());
    const letters = ['e', 'è', 'é', 'ê', 'ë', 'u', 'û', 'n', 'ñ', 'c', 'ç', 'E', 'É'];
    expect(new Set(letters.map(key)).size).toBe(letters.length);
  });

  it('draws an unknown character as a box rather than nothing', () => {
    expect(hasGlyph('漢')).toBe(false);
    expect(glyphPixels('漢').length).toBeGreaterThan(10);
  });
});
