/**
 * Starts the demo store exactly as `npm start` does (`tsx edge/src/demo.ts`), in a fresh
 * temporary data folder with free ports, and hands the tests its URL, setup codes, the
 * virtual printer's output folder and the URL of the cloud the demo runs beside it through
 * the environment. Builds the screens first if they have not been built.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = new URL('../../', import.meta.url).pathname;
const STARTUP_MS = 60_000;

export interface DemoStore {
  url: string;
  setupCodes: Record<'pos' | 'kiosk' | 'kds', string>;
  printerDir: string;
  /** The demo's cloud (dashboard, ordering app), which the store is enrolled with. */
  cloudUrl: string | null;
}

/** Reads what the demo prints: "POS  http://host:port/pos/#setup=CODE" and the receipts folder. */
export function parseDemoBanner(text: string): { setupCodes: DemoStore['setupCodes']; port: number } | null {
  const code = (app: string) => new RegExp(`https?://[^\\s/]+:(\\d+)/${app}/#setup=([A-Za-z0-9_-]+)`).exec(text);
  const pos = code('pos');
  const kiosk = code('kiosk');
  const kds = code('kds');
  if (!pos?.[2] || !kiosk?.[2] || !kds?.[2] || !pos[1]) return null;
  return { setupCodes: { pos: pos[2], kiosk: kiosk[2], kds: kds[2] }, port: Number(pos[1]) };
}

/** Reads the cloud's base URL from the banner's "Dashboard  http://host:port/dashboard/" line. */
export function parseCloudUrl(text: string): string | null {
  return /Dashboard\s+(https?:\/\/[^\s/]+)\/dashboard\//.exec(text)?.[1] ?? null;
}

function buildScreensIfMissing(): void {
  if (existsSync(join(repo, 'ui/dist/pos/index.html')) && existsSync(join(repo, 'ui/dist/kds/index.html'))) return;
  execFileSync(join(repo, 'node_modules/.bin/vite'), ['build', '--config', 'ui/vite.config.ts', '--logLevel', 'warn'], { cwd: repo, stdio: 'inherit' });
}

function waitForBanner(child: ChildProcess): Promise<{ setupCodes: DemoStore['setupCodes']; port: number; cloudUrl: string | null }> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`The demo store did not start within ${STARTUP_MS / 1000} s.\n${out}\n${err}`)), STARTUP_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const parsed = parseDemoBanner(out);
      if (parsed && out.includes('Press Ctrl+C')) {
        clearTimeout(timer);
        resolve({ ...parsed, cloudUrl: parseCloudUrl(out) });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The demo store exited with code ${code}.\n${out}\n${err}`));
    });
  });
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  buildScreensIfMissing();
  const dir = mkdtempSync(join(tmpdir(), 'brigade-e2e-'));
  const printerDir = join(dir, 'printer');
  const child = spawn(join(repo, 'node_modules/.bin/tsx'), ['edge/src/demo.ts'], {
    cwd: repo,
    env: {
      ...process.env,
      BRIGADE_DATA_DIR: join(dir, 'edge'),
      BRIGADE_PRINTER_DIR: printerDir,
      BRIGADE_HUB_HOST: '127.0.0.1',
      BRIGADE_HUB_PORT: '0',
      BRIGADE_PRINTER_PORT: '0',
      // The demo's cloud on a free port too, so runs at once never collide on 8080.
      BRIGADE_CLOUD_PORT: '0',
      BRIGADE_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const banner = await waitForBanner(child);
  // After start-up the store's own warnings and a crash's stack go to the test output.
  child.stderr?.pipe(process.stderr);
  child.on('exit', (code, signal) => {
    if (signal !== 'SIGTERM' && code !== 0) process.stderr.write(`\nThe demo store stopped (code ${code}, signal ${signal}).\n`);
  });
  const store: DemoStore = { url: `http://127.0.0.1:${banner.port}`, setupCodes: banner.setupCodes, printerDir, cloudUrl: banner.cloudUrl };
  // Workers are started after global setup and inherit this environment.
  process.env.BRIGADE_E2E_STORE = JSON.stringify(store);
  return async () => {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
}
