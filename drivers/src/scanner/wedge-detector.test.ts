import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WedgeDetector, type WedgeResult } from '../wedge';

function feed(d: WedgeDetector, keys: string[], start: number, gapMs: number): WedgeResult[] {
  return keys.map((k, i) => d.key(k, start + i * gapMs));
}

describe('WedgeDetector', () => {
  it('recognises a fast burst ending in Enter as a scan', () => {
    const d = new WedgeDetector();
    const results = feed(d, [...'5000112637922', 'Enter'], 1000, 8);
    expect(results.at(-1)).toEqual({ kind: 'scan', code: '5000112637922' });
    expect(results.slice(0, -1).every((r) => r.kind === 'pending')).toBe(true);
  });

  it('hands back slow typing as keys, in order', () => {
    const d = new WedgeDetector();
    const results = feed(d, [...'12345678', 'Enter'], 0, 150);
    const typed = results.flatMap((r) => (r.kind === 'typed' ? r.keys : []));
    expect(typed).toEqual([...'1234567', '8', 'Enter']);
    expect(results.some((r) => r.kind === 'scan')).toBe(false);
  });

  it('treats a short fast burst as typing (below the minimum length)', () => {
    const d = new WedgeDetector({ minLength: 8 });
    expect(feed(d, [...'123', 'Enter'], 0, 5).at(-1)).toEqual({ kind: 'typed', keys: ['1', '2', '3', 'Enter'] });
  });

  it('a pause inside the code breaks the scan; flush releases held keys', () => {
    const d = new WedgeDetector();
    feed(d, [...'500011'], 0, 5);
    expect(d.key('2', 500)).toEqual({ kind: 'typed', keys: [...'500011'] });
    expect(d.flush()).toEqual({ kind: 'typed', keys: ['2'] });
    expect(d.flush()).toEqual({ kind: 'pending' });
  });

  it('passes modifier and navigation keys straight through', () => {
    const d = new WedgeDetector();
    expect(d.key('Shift', 0)).toEqual({ kind: 'typed', keys: ['Shift'] });
  });
});

describe('@brigade/drivers/wedge', () => {
  it('stays browser-safe: its files import nothing but each other', () => {
    for (const file of ['../wedge.ts', './wedge-detector.ts']) {
      const source = readFileSync(new URL(file, import.meta.url), 'utf8');
      const imports = [...source.matchAll(/\bfrom\s+'([^']+)'/g)].map((m) => m[1]);
      expect(imports.every((i) => i === './scanner/wedge-detector'), `${file}: ${imports.join(', ')}`).toBe(true);
    }
  });
});
