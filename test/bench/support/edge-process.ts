/**
 * Runs the real headless edge node (`edge/src/main.ts`) as a child process for benchmarks,
 * on a prepared data folder and a free loopback port, so the load generator never shares
 * the hub's event loop.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface EdgeProcess {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  readonly port: number;
  /** Milliseconds from spawn to the first healthy answer. */
  readonly healthyAfterMs: number;
  rssBytes(): number;
  stop(): Promise<void>;
}

/**
 * `entry` is what the appliance runs: the compiled bundle (`npm run build:appliance`), or the
 * TypeScript through tsx as `npm run headless` does.
 */
export async function startEdgeProcess(
  dataDir: string, extraEnv: Record<string, string> = {}, entry: { bundle: string } | 'tsx' = 'tsx', nodeArgs: readonly string[] = [],
): Promise<EdgeProcess & { spawnedAt: number }> {
  const port = await freePort();
  const spawnedAt = performance.now();
  // nodeArgs: e.g. --cpu-prof, which NODE_OPTIONS does not accept.
  const args = [...nodeArgs, ...(entry === 'tsx' ? ['--import', 'tsx', 'edge/src/main.ts'] : [entry.bundle])];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, BRIGADE_DATA_DIR: dataDir, BRIGADE_HUB_HOST: '127.0.0.1', BRIGADE_HUB_PORT: String(port), BRIGADE_LOG_LEVEL: 'warn', ...extraEnv },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // A benchmark that throws must not leave a hub running behind it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the edge node exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('the edge node did not become healthy within 30 s');
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const healthyAfterMs = performance.now() - spawnedAt;
  return {
    child,
    port,
    baseUrl,
    spawnedAt,
    healthyAfterMs,
    rssBytes() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
      return kb ? Number(kb) * 1024 : Number.NaN;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function pairScreen(baseUrl: string, setupCode: string, name: string): Promise<{ deviceToken: string }> {
  const response = await fetch(`${baseUrl}/api/pairing/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ setupCode, name }),
  });
  if (!response.ok) throw new Error(`pairing failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { deviceToken: string };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function machineLine(): string {
  const cpus = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.+)/g) ?? [];
  const model = cpus[0]?.split(':')[1]?.trim() ?? 'unknown CPU';
  return `${cpus.length} × ${model}, Node ${process.version}, ${process.platform}`;
}
