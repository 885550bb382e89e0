/**
 * The kiosk's first-load budget: every script its index.html loads (entry and module
 * preloads), gzipped, at most 120 KB, so a kiosk restarted during the lunch rush is back in
 * a blink. Reads the real build (`npm run build:ui` runs before the unit tests).
 */
// eslint-disable-next-line no-restricted-imports -- test-only: reads the build from disk
import { existsSync, readFileSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports -- test-only: gzips like the network does
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const FIRST_LOAD_BUDGET_BYTES = 120 * 1024;
const SCREENS = ['kiosk', 'pos', 'kds'] as const;

/** Script URLs an index.html makes the browser load before the app runs (relative to the page). */
function firstLoadScripts(html: string): string[] {
  const urls = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) if (m[1]) urls.add(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) if (m[1]) urls.add(m[1]);
  return [...urls];
}

describe('store screens bundle size', () => {
  it('finds scripts and module preloads in index.html', () => {
    const html = '<script type="module" crossorigin src="../assets/kiosk-1.js"></script><link rel="modulepreload" crossorigin href="../assets/toasts-2.js">';
    expect(firstLoadScripts(html)).toEqual(['../assets/kiosk-1.js', '../assets/toasts-2.js']);
  });

  for (const screen of SCREENS) {
    it(`${screen} loads at most ${FIRST_LOAD_BUDGET_BYTES / 1024} KB of gzipped JS on first load`, () => {
      const index = new URL(`../dist/${screen}/index.html`, import.meta.url);
      if (!existsSync(index)) throw new Error(`The screens are not built (${index.pathname} is missing): run npm run build:ui`);
      const scripts = firstLoadScripts(readFileSync(index, 'utf8'));
      expect(scripts.length, 'index.html loads the app').toBeGreaterThan(0);
      const total = scripts.reduce((sum, url) => sum + gzipSync(readFileSync(new URL(url, index))).length, 0);
      expect(total).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
    });
  }
});
