/**
 * Sync overhead on the order path: durable orders/s through the edge hub's HTTP API (the path
 * of hub.bench.ts: `order.create` from a paired kiosk, 10 concurrent clients) with the edge's
 * sync running against a live cloud, and with no cloud configured, in the same run. Rounds
 * alternate (on, off, off, on, …) so that drift in a busy machine's load falls on both sides.
 * Each side has its own data folder, so a sync-on round never pushes a backlog an off round
 * left behind. The edge is the real headless node in its own process, the cloud another
 * process (`sync-cloud-child.ts`), the load generator this one. `--postgres` runs the cloud on
 * PostgreSQL; `--quick` runs one short pair.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { openEdgeStore } from '@brigade/edge';
import { type EdgeProcess, machineLine, percentile, startEdgeProcess } from './support/edge-process';
import { createOrdersUntil, orderBody, post, prepareDataDir } from './support/hub-load';

const quick = process.argv.includes('--quick');
const backend = process.argv.includes('--postgres') ? 'postgres' : 'pglite';
const DURATION_MS = quick ? 1_500 : 5_000;
const PAIRS = quick ? 1 : 3;
const CLIENTS = 10;

type Mode = 'sync on' | 'sync off';

async function prepare(): Promise<{ dataDir: string; token: string }> {
  const { dataDir, kioskCode } = await prepareDataDir(0);
  const store = openEdgeStore({ dataDir });
  // Paired here, once: pairing over HTTP is rate-limited per address and rounds restart the node.
  const token = store.auth.claimSetupCode(kioskCode, 'bench kiosk').deviceToken;
  store.close();
  return { dataDir, token };
}

async function syncStatus(edge: EdgeProcess, token: string): Promise<{ online: boolean; waiting: number }> {
  const response = await fetch(`${edge.baseUrl}/api/sync/status`, { headers: { authorization: `Bearer ${token}` } });
  return (await response.json()) as { online: boolean; waiting: number };
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return performance.now() - started;
}

const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./sync-cloud-child.ts', import.meta.url)), backend], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const cloud = await new Promise<{ url: string; code: string }>((resolve, reject) => {
  child.once('message', (message) => resolve(message as { url: string; code: string }));
  child.once('exit', (code) => reject(new Error(`the cloud process exited (${code})`)));
});
const sides: Record<Mode, { dataDir: string; token: string }> = { 'sync on': await prepare(), 'sync off': await prepare() };
const rows: string[] = [];
const rates: Record<Mode, number[]> = { 'sync on': [], 'sync off': [] };
let pushedOrders = 0;
try {
  process.stdout.write(`Machine: ${machineLine()}; cloud on ${backend}; load average at start ${loadavg().map((l) => l.toFixed(1)).join(' ')}.\n\n`);
  for (let pair = 0; pair < PAIRS; pair++) {
    const order: Mode[] = pair % 2 === 0 ? ['sync on', 'sync off'] : ['sync off', 'sync on'];
    for (const mode of order) {
      const { dataDir, token } = sides[mode];
      const env: Record<string, string> = mode === 'sync on' ? { BRIGADE_CLOUD_URL: cloud.url, BRIGADE_ENROL_CODE: cloud.code } : {};
      const edge = await startEdgeProcess(dataDir, env);
      try {
        if (mode === 'sync on') await until(async () => (await syncStatus(edge, token)).online, 30_000, 'the edge going online');
        for (let i = 0; i < 50; i += 1) await post(edge.baseUrl, token, 'order.create', orderBody());
        const started = performance.now();
        const { latencies, failures } = await createOrdersUntil(edge.baseUrl, token, CLIENTS, started + DURATION_MS);
        const seconds = (performance.now() - started) / 1000;
        if (failures > 0) throw new Error(`${failures} orders were refused during the run`);
        let backlog = '–';
        let catchUp = '–';
        if (mode === 'sync on') {
          backlog = String((await syncStatus(edge, token)).waiting);
          catchUp = ((await until(async () => (await syncStatus(edge, token)).waiting === 0, 60_000, 'the outbox draining')) / 1000).toFixed(2);
          pushedOrders += latencies.length + 50;
        }
        latencies.sort((a, b) => a - b);
        const rate = latencies.length / seconds;
        rates[mode].push(rate);
        rows.push(`| ${pair + 1} | ${mode} | ${latencies.length} | ${rate.toFixed(0)} | ${percentile(latencies, 50).toFixed(2)} | ${percentile(latencies, 99).toFixed(2)} | ${backlog} | ${catchUp} | ${loadavg()[0]?.toFixed(1)} |`);
      } finally {
        await edge.stop();
      }
    }
  }
  const cloudOrders = await new Promise<number>((resolve) => {
    child.once('message', (message) => resolve((message as { orders: number }).orders));
    child.send({ type: 'count' });
  });
  if (cloudOrders !== pushedOrders) throw new Error(`the cloud holds ${cloudOrders} orders, the sync-on rounds made ${pushedOrders}`);
  process.stdout.write(`| pair | mode | orders | orders/s (hub, HTTP, ${CLIENTS} clients) | p50 ms | p99 ms | outbox at end of round | drained after s | load (1 min) |\n|---:|---|---:|---:|---:|---:|---:|---:|---:|\n`);
  process.stdout.write(`${rows.join('\n')}\n\n`);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const on = mean(rates['sync on']);
  const off = mean(rates['sync off']);
  process.stdout.write(`Mean: ${on.toFixed(0)} orders/s with sync, ${off.toFixed(0)} without; sync costs ${((1 - on / off) * 100).toFixed(1)} % of the order rate. The cloud holds all ${cloudOrders} orders of the sync-on rounds.\n`);
} finally {
  child.send({ type: 'stop' });
  for (const side of Object.values(sides)) rmSync(side.dataDir, { recursive: true, force: true });
}
