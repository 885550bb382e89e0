/**
 * Draws decoded virtual paper as a PNG, for the devices page, the demo's receipt folder and
 * bug reports: text in the built-in bitmap font, QR codes as real, scannable codes, cuts as
 * dashed lines. No native canvas and no system fonts, so it runs anywhere Node does.
 */
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import type { DecodedPaper } from '../virtual/decode-escpos';
import { CELL_HEIGHT, CELL_WIDTH, glyphPixels } from './bitmap-font';

export interface PngOptions {
  /** Pixels per font pixel; 2 gives a 80 mm receipt about 520 px wide. */
  scale?: number;
  /** Paper width in characters; defaults to the longest line. */
  columns?: number;
}

const MARGIN = 8;
const QR_MODULE = 3;

type Block = { kind: 'text'; text: string } | { kind: 'qr'; matrix: { size: number; get(r: number, c: number): boolean } } | { kind: 'cut' };

function blocks(paper: DecodedPaper): Block[] {
  return paper.text.split('\n').map((line): Block => {
    const qr = /^\s*\[QR (.*)\]$/.exec(line);
    if (qr) {
      const code = QRCode.create(qr[1] ?? '', { errorCorrectionLevel: 'M' });
      const { size, data } = code.modules;
      return { kind: 'qr', matrix: { size, get: (r, c) => data[r * size + c] === 1 } };
    }
    if (/^\s*\[CUT/.test(line)) return { kind: 'cut' };
    return { kind: 'text', text: line };
  });
}

function blockHeight(b: Block): number {
  if (b.kind === 'qr') return (b.matrix.size + 8) * QR_MODULE;
  return CELL_HEIGHT;
}

export function renderReceiptPng(paper: DecodedPaper, opts: PngOptions = {}): Buffer {
  const scale = Math.max(1, Math.floor(opts.scale ?? 2));
  const list = blocks(paper);
  const columns = opts.columns ?? Math.max(32, ...list.map((b) => (b.kind === 'text' ? [...b.text].length : 0)));
  const qrWidest = Math.max(0, ...list.map((b) => (b.kind === 'qr' ? (b.matrix.size + 8) * QR_MODULE : 0)));
  const widthUnits = Math.max(columns * CELL_WIDTH, qrWidest) + 2 * MARGIN;
  const heightUnits = list.reduce((h, b) => h + blockHeight(b), 0) + 2 * MARGIN;
  const png = new PNG({ width: widthUnits * scale, height: heightUnits * scale });
  png.data.fill(255);

  const dot = (x: number, y: number): void => {
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const i = ((y * scale + dy) * png.width + (x * scale + dx)) * 4;
        png.data[i] = 0;
        png.data[i + 1] = 0;
        png.data[i + 2] = 0;
      }
    }
  };

  let y = MARGIN;
  for (const b of list) {
    if (b.kind === 'text') {
      [...b.text].forEach((ch, i) => {
        for (const [gx, gy] of glyphPixels(ch)) dot(MARGIN + i * CELL_WIDTH + gx, y + gy);
      });
    } else if (b.kind === 'cut') {
      for (let x = 0; x < widthUnits; x++) if (x % 6 < 3) dot(x, y + CELL_HEIGHT / 2);
    } else {
      const size = b.matrix.size;
      const left = Math.floor((widthUnits - size * QR_MODULE) / 2);
      const top = y + 4 * QR_MODULE; // quiet zone of four modules
      for (let r = 0; r < size; r++) {
        for (let c = 0; c < size; c++) {
          if (!b.matrix.get(r, c)) continue;
          for (let py = 0; py < QR_MODULE; py++) for (let px = 0; px < QR_MODULE; px++) dot(left + c * QR_MODULE + px, top + r * QR_MODULE + py);
        }
      }
    }
    y += blockHeight(b);
  }
  return PNG.sync.write(png);
}
