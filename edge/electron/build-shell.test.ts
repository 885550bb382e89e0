import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildShell } from './build-shell';

const outDir = mkdtempSync(join(tmpdir(), 'brigade-shell-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const declared = (file: string): string[] => Object.keys((JSON.parse(readFileSync(join(repoRoot, file), 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {});
const direct = [...declared('edge/package.json'), ...declared('sync/package.json'), ...declared('drivers/package.json')].filter((name) => !name.startsWith('@brigade/'));
/**
 * Packages a packaged app may import: the runtime dependencies of the workspaces it bundles,
 * and theirs (electron-builder packs production dependencies with their own dependencies).
 */
const allowed = new Set(['electron', ...direct, ...direct.flatMap((name) => declared(`node_modules/${name}/package.json`))]);

function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? specifier);
}

describe('the compiled Electron shell', () => {
  it('bundles our TypeScript and leaves only declared npm packages and Node built-ins to import', async () => {
    const { main, preload } = await buildShell(outDir);
    const code = readFileSync(main, 'utf8');
    const imports = [...code.matchAll(/^import .*? from "([^"]+)";?$/gm), ...code.matchAll(/^import "([^"]+)";?$/gm)].map((match) => match[1] as string);
    expect(imports.length).toBeGreaterThan(5);
    for (const specifier of imports) {
      if (specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
      expect(specifier.startsWith('.') || specifier.endsWith('.ts'), specifier).toBe(false);
      expect(allowed.has(packageOf(specifier)), `${specifier} is not a declared dependency`).toBe(true);
    }
    expect(code).not.toMatch(/from "@brigade\//);
    const preloadCode = readFileSync(preload, 'utf8');
    expect(preloadCode).toContain('exposeInMainWorld');
    expect([...preloadCode.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1])).toEqual(['electron']);
  });

  it('keeps each module finding its files: migrations and the screens resolve to real folders', () => {
    const code = readFileSync(join(outDir, 'main.mjs'), 'utf8');
    const urls = [...code.matchAll(/new URL\("([^"]+)", new URL\("([^"]+)", import\.meta\.url\)\.href\)/g)];
    const targets = urls.map((match) => resolve(dirname(resolve(outDir, match[2] as string)), match[1] as string));
    const migrations = targets.find((target) => target.endsWith(join('sqlite', 'migrations')));
    expect(migrations && existsSync(migrations)).toBe(true);
    expect(targets).toContain(join(repoRoot, 'ui', 'dist'));
  });
});
