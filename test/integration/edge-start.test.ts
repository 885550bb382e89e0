/** The headless edge refuses to start with a sentence, not a stack, for the usual mistakes. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { type Server, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'brigade-start-'));
const servers: Server[] = [];

afterAll(async () => {
  for (const server of servers) await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

function runHeadless(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'edge/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, BRIGADE_DATA_DIR: dataDir, BRIGADE_HUB_HOST: '127.0.0.1', BRIGADE_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    }),
  );
}

describe('starting the headless edge node', () => {
  it('names the variable when a setting is wrong', async () => {
    const { code, stderr } = await runHeadless({ BRIGADE_HUB_PORT: 'http' });
    expect(code).toBe(78);
    expect(stderr).toContain('BRIGADE_HUB_PORT must be a port number');
    expect(stderr).not.toContain('    at ');
  });

  it('says so when the port is taken', async () => {
    const taken = createServer();
    servers.push(taken);
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const address = taken.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const { code, stderr } = await runHeadless({ BRIGADE_HUB_PORT: String(address.port) });
    expect(code).toBe(78);
    expect(stderr).toContain('already in use');
    expect(stderr).toContain('BRIGADE_HUB_PORT');
  });
});
