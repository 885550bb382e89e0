import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PoleDisplayScreen } from '../virtual/virtual-pole-display';
import { decodeEscPos } from '../virtual/decode-escpos';
import { POLE_COLUMNS, poleDisplayBytes } from '../display/pole-display';

// What European menus and receipts use: ASCII, Latin-1 letters, € and £.
const alphabet = [...' abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,:;!?()-+/%&\'"', ...'àâäçéèêëîïôöùûüÿñÀÂÄÇÉÈÊËÎÏÔÖÙÛÜÑßæøåÆØÅ', '€', '£'];
// Bracketed by letters so no line starts or ends in spaces the paper would not show.
const line = fc.array(fc.constantFrom(...alphabet), { maxLength: 38 }).map((cs) => `x${cs.join('')}x`);

describe('code pages', () => {
  it('every line the encoder prints decodes back to the same text', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (lines) => {
        const encoder = new ReceiptPrinterEncoder({ columns: 42 }).initialize().codepage('auto');
        for (const l of lines) encoder.line(l);
        const decoded = decodeEscPos(encoder.encode()).text.split('\n');
        expect(decoded).toEqual(lines);
      }),
      { numRuns: 150 },
    );
  });

  it('every pole display line shows as sent, cut or padded to 20 columns', () => {
    fc.assert(
      fc.property(line, line, fc.constantFrom('epson' as const, 'cd5220' as const), (a, b, dialect) => {
        const screen = new PoleDisplayScreen();
        screen.push(poleDisplayBytes([a, b], dialect));
        const fit = (s: string): string => [...s].slice(0, POLE_COLUMNS).join('').padEnd(POLE_COLUMNS, ' ');
        expect(screen.lines()).toEqual([fit(a), fit(b)]);
      }),
      { numRuns: 150 },
    );
  });
});
