/**
 * The demo store's cloud: unless BRIGADE_DEMO_CLOUD=0 or BRIGADE_CLOUD_URL names another
 * one, the cloud service runs beside the store as a child process (`cloud/src/main.ts`, the
 * same program as on a server) on PGlite under the data folder, port BRIGADE_CLOUD_PORT
 * (8080), with the demo organisation seeded. A child rather than an import: the edge
 * package does not depend on the cloud's code. The store enrols with a code the demo owner
 * asks for through the dashboard's API, as an owner would.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from './config';

/** The demo tenant the cloud seeds (cloud/src/stores/seed.ts, DEMO_CLOUD). */
export const DEMO_CLOUD_TENANT = {
  storeId: '0190a000-0000-7000-8000-00000000a003',
  ownerEmail: 'owner@demo.brigade',
  ownerPassword: 'brigade-demo',
  storeName: 'Brigade Demo Diner',
  timezone: 'America/New_York',
} as const;

export interface DemoCloud {
  /** The cloud's base URL, or null when the demo runs without one. */
  readonly url: string | null;
  /** True when the demo started the cloud itself. */
  readonly started: boolean;
  close(): Promise<void>;
}

type Env = Readonly<Record<string, string | undefined>>;

const CLOUD_MAIN = fileURLToPath(new URL('../../cloud/src/main.ts', import.meta.url));
const STARTUP_MS = 60_000;

export async function startDemoCloud(env: Env, edgeDataDir: string): Promise<DemoCloud> {
  const none = (url: string | null): DemoCloud => ({ url, started: false, close: () => Promise.resolve() });
  if (env.BRIGADE_CLOUD_URL) return none(env.BRIGADE_CLOUD_URL);
  if (env.BRIGADE_DEMO_CLOUD === '0') return none(null);
  const port = Number(env.BRIGADE_CLOUD_PORT || 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`BRIGADE_CLOUD_PORT must be a port number, got "${env.BRIGADE_CLOUD_PORT}".`);
  const child = spawn(process.execPath, ['--import', 'tsx', CLOUD_MAIN], {
    env: {
      ...env,
      // PGlite keeps its files in <data>/cloud/pg, beside the store's <data>/edge.
      BRIGADE_DATA_DIR: resolve(edgeDataDir, '..'),
      BRIGADE_CLOUD_PORT: String(port),
      BRIGADE_SEED_DEMO: '1',
      LOG_LEVEL: env.BRIGADE_CLOUD_LOG_LEVEL || 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Whatever way the demo exits (short of SIGKILL), its cloud goes with it.
  const orphanGuard = () => child.kill('SIGTERM');
  process.once('exit', orphanGuard);
  child.once('exit', () => process.off('exit', orphanGuard));
  const url = await cloudUrlFrom(child, port);
  // The cloud's own warnings go where the demo's go.
  child.stderr?.pipe(process.stderr);
  child.stdout?.resume();
  return {
    url,
    started: true,
    close: () => stopChild(child),
  };
}

function cloudUrlFrom(child: ChildProcess, port: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let out = '';
    let err = '';
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const timer = setTimeout(() => fail(new Error(`The demo cloud did not start within ${STARTUP_MS / 1000} s.\n${err}`)), STARTUP_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Brigade cloud on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        err.includes('EADDRINUSE')
          ? new ConfigError(`Port ${port} for the demo cloud is already in use: set BRIGADE_CLOUD_PORT to a free port, or BRIGADE_DEMO_CLOUD=0 to run the store without a cloud.`)
          : new Error(`The demo cloud exited with code ${code}.\n${err}`),
      );
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Signs in as the demo owner and makes a one-time enrolment code for the demo store. */
export async function demoEnrolmentCode(cloudUrl: string, doFetch: typeof fetch = fetch): Promise<string> {
  const login = await doFetch(new URL('/api/auth/login', cloudUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_CLOUD_TENANT.ownerEmail, password: DEMO_CLOUD_TENANT.ownerPassword }),
  });
  if (!login.ok) throw new Error(`The demo owner cannot sign in to ${cloudUrl} (${login.status}): is it a cloud with the demo seeded (BRIGADE_SEED_DEMO=1)?`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const created = await doFetch(new URL(`/api/stores/${DEMO_CLOUD_TENANT.storeId}/enrolment-codes`, cloudUrl), { method: 'POST', headers: { authorization: `Bearer ${accessToken}` } });
  if (!created.ok) throw new Error(`The demo cloud refused an enrolment code (${created.status}).`);
  return ((await created.json()) as { code: string }).code;
}
