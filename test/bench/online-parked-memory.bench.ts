/**
 * Memory of one cloud process holding 4,000 parked live shape requests (1,000 stores × 4
 * shapes), the cloud alone in its own process on PGlite (support/cloud-memory-child.ts) and
 * the followers in this one, so the figures are the cloud's only. Memory is read after a
 * full collection at each stage: booted with the stores, after every follower's first
 * request (the snapshots), and with all requests parked. Twice: the first boot of a fresh
 * data folder (PGlite runs initdb inside the process), then the same folder started again,
 * as a deployed cloud restarts. Target: ≤ 512 MB RSS. `--quick`: 100 stores.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { setMaxListeners } from 'node:events';
import http from 'node:http';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { STORE_WHERE } from '@brigade/sync/protocol';
import { row } from './cloud-bench-support';

const quick = process.argv.includes('--quick');
const storeCount = quick ? 100 : 1000;
const SHAPES = ['menu_items', 'modifier_groups', 'online_orders', 'stores'] as const;

interface Memory { rss: number; heapUsed: number; external: number; arrayBuffers: number; parked: number }
interface Tenant { storeId: string; credential: string }

const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
function get(target: string, credential: string, signal?: AbortSignal): Promise<{ handle: string; offset: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(target, { agent, headers: { authorization: `Bearer ${credential}` }, ...(signal ? { signal } : {}) }, (response) => {
      response.resume();
      response.on('end', () => resolve({ handle: String(response.headers['electric-handle'] ?? ''), offset: String(response.headers['electric-offset'] ?? '') }));
    });
    request.on('error', reject);
  });
}

async function run(label: string, reuse: { dir: string; tenants: Tenant[] } | null): Promise<{ dir: string; tenants: Tenant[]; stages: [string, Memory][] }> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', fileURLToPath(new URL('./support/cloud-memory-child.ts', import.meta.url)), String(storeCount), ...(reuse ? [reuse.dir] : [])],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  child.setMaxListeners(0);
  const next = <T>(type: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the cloud process exited (${code})`));
      const onMessage = (message: { type: string }) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message as T);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const measure = async (): Promise<Memory> => {
    const answer = next<Memory>('memory');
    child.send({ type: 'measure' });
    return answer;
  };
  const ready = await next<{ url: string; tenants: Tenant[]; dir: string }>('ready');
  const tenants = reuse ? reuse.tenants : ready.tenants;
  const stages: [string, Memory][] = [];
  try {
    const shapeUrl = (table: string, storeId: string, extra: string) => `${ready.url}/v1/shape?table=${table}&where=${encodeURIComponent(STORE_WHERE)}&params%5B1%5D=${storeId}&${extra}`;
    stages.push([`${label}: booted, ${storeCount} stores`, await measure()]);
    const positions: { table: string; storeId: string; credential: string; handle: string; offset: string }[] = [];
    for (const tenant of tenants) {
      const first = await Promise.all(SHAPES.map((table) => get(shapeUrl(table, tenant.storeId, 'offset=-1'), tenant.credential)));
      SHAPES.forEach((table, i) => positions.push({ table, ...tenant, ...(first[i] ?? { handle: '', offset: '' }) }));
    }
    stages.push([`${label}: after the snapshots`, await measure()]);
    const abort = new AbortController();
    setMaxListeners(0, abort.signal);
    const parked = positions.map((p) => get(shapeUrl(p.table, p.storeId, `offset=${p.offset}&handle=${p.handle}&live=true`), p.credential, abort.signal).catch(() => null));
    const deadline = Date.now() + 180_000;
    let held = await measure();
    while (held.parked < parked.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      held = await measure();
    }
    stages.push([`${label}: requests parked`, held]);
    abort.abort();
    await Promise.allSettled(parked);
  } finally {
    child.send({ type: reuse ? 'stop' : 'stop-keep' });
    await new Promise((r) => child.once('exit', r));
  }
  return { dir: ready.dir, tenants, stages };
}

try {
  const first = await run('first boot', null);
  const again = await run('restart', { dir: first.dir, tenants: first.tenants });
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  process.stdout.write(`Load average: ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n\n`);
  process.stdout.write('| stage | parked | RSS (MB) | JS heap (MB) | external (MB) | of which array buffers (MB) |\n|---|---:|---:|---:|---:|---:|\n');
  for (const [stage, m] of [...first.stages, ...again.stages]) process.stdout.write(`${row([stage, m.parked, mb(m.rss), mb(m.heapUsed), mb(m.external), mb(m.arrayBuffers)])}\n`);
  for (const { stages } of [first, again]) {
    const snapshots = stages[1]?.[1];
    const held = stages[2]?.[1];
    if (!snapshots || !held) continue;
    const perRequest = (held.heapUsed - snapshots.heapUsed) / Math.max(1, held.parked);
    process.stdout.write(`\n${stages[2]?.[0]}: ${held.parked} parked; JS heap per parked request ${(perRequest / 1024).toFixed(1)} KB; RSS ${held.rss <= 512 * 1024 * 1024 ? 'within' : 'over'} the 512 MB target.`);
  }
  process.stdout.write('\n');
} finally {
  agent.destroy();
}
