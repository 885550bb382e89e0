/**
 * The appliance's service runs the compiled headless node (`npm run build:appliance`), not
 * the TypeScript: the bundle must start on its own, find its migrations and answer.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { APPLIANCE_NODE_FLAGS, HEADLESS_MAIN, buildHeadless } from '../../edge/src/ops/build-headless';

const dirs: string[] = [];
let child: ChildProcess | null = null;
afterAll(() => {
  child?.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('compiled headless edge node', () => {
  it('starts from the bundle, migrates a new database and reports healthy', async () => {
    // Inside the repository, as on the appliance: the bundle imports npm packages from node_modules.
    const distDir = fileURLToPath(new URL('../../edge/dist/', import.meta.url));
    mkdirSync(distDir, { recursive: true });
    const outDir = mkdtempSync(join(distDir, 'bundle-test-'));
    const dataDir = mkdtempSync(join(tmpdir(), 'brigade-bundle-data-'));
    dirs.push(outDir, dataDir);
    const bundle = await buildHeadless(outDir);
    // Started with the node flags of the appliance's systemd unit, which must match the constant.
    const unit = readFileSync(new URL('../../installer/systemd/brigade-edge.service', import.meta.url), 'utf8');
    expect(/^ExecStart=(.*)$/m.exec(unit)?.[1]).toBe(['/usr/bin/node', ...APPLIANCE_NODE_FLAGS, HEADLESS_MAIN].join(' '));
    child = spawn(process.execPath, [...APPLIANCE_NODE_FLAGS, bundle], {
      env: { ...process.env, BRIGADE_DATA_DIR: dataDir, BRIGADE_HUB_HOST: '127.0.0.1', BRIGADE_HUB_PORT: '0', BRIGADE_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (b: Buffer) => { output += b.toString(); });
    child.stderr?.on('data', (b: Buffer) => { output += b.toString(); });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed within 20 s:\n${output}`)), 20_000);
      const check = () => {
        const found = /POS\s+(http:\/\/[^/\s]+)\/pos\//.exec(output)?.[1];
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      };
      child?.stdout?.on('data', check);
      child?.once('exit', (code) => reject(new Error(`the bundle exited with ${code}:\n${output}`)));
    });
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as { status: string };
    expect(body.status).toBe('ok');
    // The appliance's own POS can pair with the setup code it printed.
    const setup = /#setup=(\S+)/.exec(output)?.[1];
    expect(setup).toBeDefined();
    const paired = await fetch(`${url}/api/pairing/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ setupCode: setup, name: 'appliance screen' }) });
    expect(paired.status).toBe(200);
  });
});
