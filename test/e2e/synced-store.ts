/**
 * A demo store synced with a cloud, each in its own process, for the specs that stop and
 * start one of them: the cloud (`cloud/src/main.ts` on PGlite, demo tenant seeded, a short
 * heartbeat timeout) and the demo store (`edge/src/demo.ts` pointed at that cloud, which
 * enrols itself with a code the demo owner makes). Both restart on the same ports and data,
 * as after a power cut or a lost link.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/free-port';
import { parseDemoBanner } from './demo-store-setup';

const repo = new URL('../../', import.meta.url).pathname;
const STARTUP_MS = 60_000;
/** How long a silent store keeps online ordering in this cloud. */
export const HEARTBEAT_TIMEOUT_MS = 4_000;

function waitFor(child: ChildProcess, what: string, done: (out: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start within ${STARTUP_MS / 1000} s.\n${out}\n${err}`)), STARTUP_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (done(out)) {
        clearTimeout(timer);
        resolve(out);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with code ${code}.\n${out}\n${err}`));
    });
  });
}

async function stop(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export interface SyncedStore {
  readonly cloudUrl: string;
  readonly storeUrl: string;
  readonly posSetupCode: string;
  startCloud(): Promise<void>;
  stopCloud(): Promise<void>;
  startStore(): Promise<void>;
  stopStore(): Promise<void>;
  close(): Promise<void>;
}

export async function startSyncedStore(): Promise<SyncedStore> {
  const dir = mkdtempSync(join(tmpdir(), 'brigade-e2e-sync-'));
  const [cloudPort, hubPort] = [await freePort(), await freePort()];
  const cloudUrl = `http://127.0.0.1:${cloudPort}`;
  let cloud: ChildProcess | null = null;
  let store: ChildProcess | null = null;
  let posSetupCode = '';

  const startCloud = async () => {
    cloud = spawn(process.execPath, ['--import', 'tsx', 'cloud/src/main.ts'], {
      cwd: repo,
      env: { ...process.env, BRIGADE_DATA_DIR: dir, BRIGADE_CLOUD_PORT: String(cloudPort), BRIGADE_SEED_DEMO: '1', BRIGADE_HEARTBEAT_TIMEOUT_MS: String(HEARTBEAT_TIMEOUT_MS), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await waitFor(cloud, 'The cloud', (out) => out.includes('Brigade cloud on'));
  };
  const startStore = async () => {
    store = spawn(join(repo, 'node_modules/.bin/tsx'), ['edge/src/demo.ts'], {
      cwd: repo,
      env: {
        ...process.env,
        BRIGADE_DATA_DIR: join(dir, 'edge'),
        BRIGADE_PRINTER_DIR: join(dir, 'printer'),
        BRIGADE_HUB_HOST: '127.0.0.1',
        BRIGADE_HUB_PORT: String(hubPort),
        BRIGADE_PRINTER_PORT: '0',
        BRIGADE_DEMO_DEVICES: '0',
        BRIGADE_CLOUD_URL: cloudUrl,
        // A store that pushes every second and retries within a second, so the specs need not wait.
        BRIGADE_SYNC_HEARTBEAT_MS: '1000',
        BRIGADE_SYNC_RETRY_MAX_MS: '1000',
        BRIGADE_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const banner = await waitFor(store, 'The demo store', (out) => out.includes('Press Ctrl+C'));
    const parsed = parseDemoBanner(banner);
    if (!parsed) throw new Error(`No POS link in the demo's banner:\n${banner}`);
    posSetupCode = parsed.setupCodes.pos;
  };

  await startCloud();
  await startStore();
  return {
    cloudUrl,
    storeUrl: `http://127.0.0.1:${hubPort}`,
    get posSetupCode() {
      return posSetupCode;
    },
    startCloud,
    stopCloud: () => stop(cloud),
    startStore,
    stopStore: () => stop(store),
    close: async () => {
      await stop(store);
      await stop(cloud);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
