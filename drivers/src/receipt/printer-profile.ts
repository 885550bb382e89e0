import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import '../escpos/fast-codepages';
import type { CodepageMappingName } from '../escpos/codepages';

/**
 * What a document needs to know about the printer it goes to. Documents are rendered per
 * printer at send time, so a backup printer with another width still gets a tidy ticket.
 */
export interface PrinterProfile {
  /** Characters per line in font A: 42 on 180 dpi 80 mm printers, 48 on 203 dpi, 32 on 58 mm. */
  columns: number;
  /** How `ESC t n` numbers code pages on this printer. */
  codepages?: CodepageMappingName;
  /** The printer's command set: ESC/POS (default) or Star line mode. */
  language?: 'esc-pos' | 'star-line';
}

export const DEFAULT_PROFILE: PrinterProfile = { columns: 42, codepages: 'epson' };

export function newEncoder(profile: PrinterProfile = DEFAULT_PROFILE): ReceiptPrinterEncoder {
  const encoder = new ReceiptPrinterEncoder({
    language: profile.language ?? 'esc-pos',
    columns: profile.columns,
    codepageMapping: profile.codepages ?? 'epson',
    feedBeforeCut: 4,
  });
  // Every line of text goes through `printable`: a name such as "Gift card •••• 1234" must not
  // reach the printer as bytes a code page keeps below 0x20 (CP437 puts • on BEL), which a
  // printer reads as control codes.
  const line = encoder.line.bind(encoder);
  const text = encoder.text.bind(encoder);
  encoder.line = (value: string) => line(printable(value));
  encoder.text = (value: string) => text(printable(value));
  return encoder.initialize().codepage('auto');
}

/** A row with text on the left and an amount flush right; long text wraps on the left. */
export function leftRight(encoder: ReceiptPrinterEncoder, left: string, right: string, columns: number): void {
  const rightWidth = Math.max(right.length, 1);
  encoder.table(
    [
      { width: columns - rightWidth - 1, marginRight: 1, align: 'left' },
      { width: rightWidth, align: 'right' },
    ],
    [[printable(left), printable(right)]],
  );
}

/** A full-width banner (REPRINT, VOID) that cannot be missed on a busy pass. */
export function banner(encoder: ReceiptPrinterEncoder, text: string): void {
  encoder.align('center').invert(true).bold(true).size(2, 2).line(` ${text} `).size(1, 1).bold(false).invert(false).align('left');
}

/** Building an Intl formatter costs more than formatting: one per zone, locale and form. */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatTime(iso: string, timezone: string, locale: string, withDate: boolean): string {
  const key = `${timezone}|${locale}|${withDate}`;
  let format = formatters.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = withDate
      ? { timeZone: timezone, year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit' }
      : { timeZone: timezone, hour: '2-digit', minute: '2-digit' };
    format = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, format);
  }
  return printable(format.format(new Date(iso)));
}

/**
 * Intl output uses characters no printer code page has: narrow and thin no-break spaces
 * (French thousands, "8:30 PM" in newer ICU) and the minus sign. They would print as "?".
 */
export function printable(text: string): string {
  return text.replace(/[\u2022\u25cf]/g, '*').replace(/\u2026/g, '...').replace(/[\u00a0\u2007\u2009\u202f]/g, ' ').replace(/\u2212/g, '-').replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
}
