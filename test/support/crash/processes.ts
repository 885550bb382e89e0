/**
 * The cloud and the edge as real child processes, started as an operator would start them
 * (`cloud/src/main.ts`, `edge/src/main.ts`), optionally armed with a crash point
 * (`BRIGADE_CRASH_AT`, sync/engine/crash-points.ts). Each start knows how its process ended,
 * so a test can assert it died by SIGKILL and not by a bug.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CrashPointLabel } from '@brigade/sync/engine';
import { freePort } from '../free-port';

export { freePort };

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const running = new Set<ChildProcess>();

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface RunningProcess {
  readonly child: ChildProcess;
  /** Resolves when the process has ended, however it ended. */
  readonly exited: Promise<Exit>;
  /** What it wrote to stderr so far (for failure messages). */
  stderr(): string;
  /** SIGTERM, then SIGKILL after 15 s; resolves with how it ended. */
  stop(): Promise<Exit>;
}

export interface CloudProcess extends RunningProcess {
  readonly url: string;
}

export interface EdgeProcess extends RunningProcess {
  readonly port: number;
  readonly url: string;
}

/** Kills whatever a test file left running (afterAll). */
export function killAll(): void {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  running.clear();
}

function launch(script: string, env: Record<string, string | undefined>): RunningProcess & { stdout(): string } {
  const base: NodeJS.ProcessEnv = { ...process.env };
  // A crash point armed in the test runner's own environment must not leak into a process started unarmed.
  delete base.BRIGADE_CRASH_AT;
  for (const [key, value] of Object.entries(env)) if (value !== undefined) base[key] = value;
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: repoRoot, env: base, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  return {
    child,
    exited,
    stderr: () => err,
    stdout: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        const exit = await exited;
        clearTimeout(timer);
        return exit;
      }
      return exited;
    },
  };
}

async function until(what: string, proc: RunningProcess, ready: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
      throw new Error(`${what} ended (${proc.child.exitCode ?? proc.child.signalCode}) before it was ready: ${proc.stderr()}`);
    }
    if (await ready()) return;
    if (Date.now() > deadline) {
      proc.child.kill('SIGKILL');
      throw new Error(`${what} was not ready within ${timeoutMs} ms: ${proc.stderr()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface CloudStart {
  /** Root data folder: PGlite lives in `<dataDir>/cloud/pg`. */
  readonly dataDir: string;
  /** The same port on every restart, so the edge's BRIGADE_CLOUD_URL stays right. */
  readonly port: number;
  /** A PostgreSQL database instead of PGlite. */
  readonly databaseUrl?: string;
  readonly crashAt?: CrashPointLabel | `${CrashPointLabel}:${number}`;
}

/** The cloud service with the demo tenant seeded (owner `owner@demo.brigade`). */
export async function startCloudProcess(start: CloudStart): Promise<CloudProcess> {
  const proc = launch('cloud/src/main.ts', {
    BRIGADE_DATA_DIR: start.dataDir,
    BRIGADE_CLOUD_HOST: '127.0.0.1',
    BRIGADE_CLOUD_PORT: String(start.port),
    BRIGADE_SEED_DEMO: '1',
    DATABASE_URL: start.databaseUrl,
    BRIGADE_CRASH_AT: start.crashAt,
    // An edge stopped between scenarios must not have its store paused as silent: that changes
    // the store's shape row, which a stopped edge cannot follow, and the final checks compare shapes.
    BRIGADE_HEARTBEAT_TIMEOUT_MS: '3600000',
    LOG_LEVEL: 'warn',
  });
  // Generous: on a busy two-core machine a PGlite cloud's first start (migrations) takes tens of seconds.
  await until('the cloud', proc, () => /Brigade cloud on http/.test(proc.stdout()), 180_000);
  return { ...proc, url: `http://127.0.0.1:${start.port}` };
}

export interface EdgeStart {
  /** The store's data folder, already seeded (openEdgeStore with seedDemo) so a setup code exists. */
  readonly dataDir: string;
  readonly cloudUrl: string;
  /** Needed only at the first start: later starts use the stored credential. */
  readonly enrolCode?: string;
  readonly crashAt?: CrashPointLabel | `${CrashPointLabel}:${number}`;
  /** BRIGADE_PRINTERS, as JSON. */
  readonly printers?: readonly unknown[];
}

/** The headless edge node; returns once `/healthz` answers. */
export async function startEdgeProcess(start: EdgeStart): Promise<EdgeProcess> {
  const port = await freePort();
  const proc = launch('edge/src/main.ts', {
    BRIGADE_DATA_DIR: start.dataDir,
    BRIGADE_HUB_HOST: '127.0.0.1',
    BRIGADE_HUB_PORT: String(port),
    BRIGADE_LOG_LEVEL: 'warn',
    BRIGADE_UI_DIST: `${start.dataDir}/no-ui`,
    BRIGADE_CLOUD_URL: start.cloudUrl,
    BRIGADE_ENROL_CODE: start.enrolCode,
    // Short: a cloud that comes back is found within half a second, not a minute.
    BRIGADE_SYNC_HEARTBEAT_MS: '500',
    BRIGADE_SYNC_RETRY_MAX_MS: '500',
    BRIGADE_PRINTERS: JSON.stringify(start.printers ?? []),
    BRIGADE_CRASH_AT: start.crashAt,
  });
  const url = `http://127.0.0.1:${port}`;
  await until('the edge node', proc, async () => {
    try {
      return (await fetch(`${url}/healthz`)).ok;
    } catch {
      return false;
    }
  }, 120_000);
  return { ...proc, port, url };
}

/** Waits for a process armed with a crash point to die; fails if it ended any other way. */
export async function diedAtCrashPoint(proc: RunningProcess, timeoutMs = 60_000): Promise<Exit> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the process did not reach its crash point within ${timeoutMs} ms: ${proc.stderr()}`)), timeoutMs);
  });
  try {
    return await Promise.race([proc.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
