import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SHELL_MAIN } from './build-shell';

const require = createRequire(import.meta.url);
const repoRoot = new URL('../../', import.meta.url);

function loadSchema(): object {
  // electron-builder validates its configuration against this schema before packaging.
  const path = require.resolve('app-builder-lib/scheme.json');
  return JSON.parse(readFileSync(path, 'utf8')) as object;
}

function loadConfig(): Record<string, unknown> {
  return parse(readFileSync(new URL('electron-builder.yml', repoRoot), 'utf8')) as Record<string, unknown>;
}

describe('electron-builder.yml', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(loadSchema());

  it('is valid against the schema electron-builder ships', () => {
    const ok = validate(loadConfig());
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema refuses a misspelt key, so the check above can fail', () => {
    expect(validate({ ...loadConfig(), appID: 'wrong-case' })).toBe(false);
  });

  it('builds AppImage and deb for Linux and unpacks better-sqlite3 from the asar', () => {
    const config = loadConfig();
    const linux = config.linux as { target: { target: string }[] };
    expect(linux.target.map((entry) => entry.target).sort()).toEqual(['AppImage', 'deb']);
    expect(config.asar).toBe(true);
    expect((config.asarUnpack as string[]).some((glob) => glob.includes('better-sqlite3'))).toBe(true);
    expect(typeof config.appId).toBe('string');
  });

  it('points the app at the compiled shell that build-shell.ts writes', () => {
    expect((loadConfig().extraMetadata as { main: string }).main).toBe(SHELL_MAIN);
  });
});
