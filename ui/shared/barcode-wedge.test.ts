import { describe, expect, it } from 'vitest';
import { BarcodeWedge } from './barcode-wedge';

function burst(wedge: BarcodeWedge, text: string, startMs: number, gapMs: number): (string | null)[] {
  return [...text, 'Enter'].map((key, i) => wedge.feed(key, startMs + i * gapMs));
}

describe('barcode wedge', () => {
  it('recognises a scanner burst ended by Enter', () => {
    const results = burst(new BarcodeWedge(), '2000000000022', 1000, 8);
    expect(results.at(-1)).toBe('2000000000022');
    expect(results.slice(0, -1).every((r) => r === null)).toBe(true);
  });

  it('ignores a person typing the same digits', () => {
    expect(burst(new BarcodeWedge(), '2000000000022', 1000, 180).at(-1)).toBeNull();
  });

  it('ignores short bursts and starts over after a pause', () => {
    const wedge = new BarcodeWedge();
    expect(burst(wedge, '123', 0, 5).at(-1)).toBeNull();
    wedge.feed('9', 10_000);
    expect(burst(wedge, '5000112637922', 10_500, 5).at(-1)).toBe('5000112637922');
  });

  it('drops what came before a non-character key', () => {
    const wedge = new BarcodeWedge({ minLength: 4 });
    wedge.feed('1', 0);
    wedge.feed('2', 5);
    wedge.feed('Shift', 10);
    expect(burst(wedge, '34', 15, 5).at(-1)).toBeNull();
  });
});
