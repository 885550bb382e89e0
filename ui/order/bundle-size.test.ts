/**
 * The PWA's first-load budget: every script index.html loads (entry and modulepreloads),
 * gzipped, at most 120 KB. Phones on a weak signal at a table must get the menu fast.
 * Reads the real build (`npm run build:ui` runs before the unit tests).
 */
// eslint-disable-next-line no-restricted-imports -- test-only: reads the build from disk
import { existsSync, readFileSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports -- test-only: gzips like the network does
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const FIRST_LOAD_BUDGET_BYTES = 120 * 1024;
const dist = new URL('../dist-cloud/order/', import.meta.url);

/** Script URLs an index.html makes the browser load before the app runs. */
function firstLoadScripts(html: string): string[] {
  const urls = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) if (m[1]) urls.add(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) if (m[1]) urls.add(m[1]);
  return [...urls];
}

function fileOf(url: string): URL {
  // The build's URLs start with the app's base, /order/.
  return new URL(url.replace(/^\/order\//, '').replace(/^\.?\//, ''), dist);
}

describe('PWA bundle size', () => {
  it('finds scripts and module preloads in index.html', () => {
    const html = '<script type="module" crossorigin src="/order/assets/a.js"></script><link rel="modulepreload" crossorigin href="/order/assets/b.js"><script defer src="/order/registerSW.js"></script>';
    expect(firstLoadScripts(html)).toEqual(['/order/assets/a.js', '/order/registerSW.js', '/order/assets/b.js']);
  });

  it(`loads at most ${FIRST_LOAD_BUDGET_BYTES / 1024} KB of gzipped JS on first load`, () => {
    const index = new URL('index.html', dist);
    if (!existsSync(index)) throw new Error(`The PWA is not built (${index.pathname} is missing): run npm run build:ui`);
    const scripts = firstLoadScripts(readFileSync(index, 'utf8'));
    expect(scripts.length, 'index.html loads the app').toBeGreaterThan(0);
    let total = 0;
    const sizes: string[] = [];
    for (const url of scripts) {
      const file = fileOf(url);
      if (!existsSync(file)) throw new Error(`index.html loads ${url}, which is not in the build: run npm run build:ui`);
      const size = gzipSync(readFileSync(file), { level: 9 }).length;
      sizes.push(`${url}: ${(size / 1024).toFixed(1)} KB`);
      total += size;
    }
    expect(total, `first-load JS (gzip) of the PWA:\n${sizes.join('\n')}`).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
  });
});
