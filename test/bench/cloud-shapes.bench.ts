/**
 * Memory of parked live shape requests: 4,000 long-polls (200 stores × 5 shapes × 4 followers)
 * held open on one cloud process, measured as RSS and heap growth over the idle process, and
 * the time for one menu edit to wake its followers. Target from sync.md §8.5: 2,500 parked
 * long-polls with RSS < 512 MB. `--quick` parks 400.
 */
import { setMaxListeners } from 'node:events';
import http from 'node:http';
import v8 from 'node:v8';
import vm from 'node:vm';
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { newId } from '@brigade/sync/model';
import { SHAPE_NAMES, STORE_WHERE } from '@brigade/sync/protocol';
import { stores } from '@brigade/sync/schema/pg';
import { issueCredential } from '../../cloud/src/stores/enrolment';
import { benchCloud, row } from './cloud-bench-support';

// A forced collection before each reading, so the figures are live memory, not garbage.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const quick = process.argv.includes('--quick');
const storeCount = quick ? 20 : 200;
const perShape = 4;

const bench = await benchCloud('pglite', { settings: { longPollMs: 120_000 } });
const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

/** A GET over node:http (no connection cap, unlike fetch's default pool), body discarded. */
function get(target: string, credential: string, signal?: AbortSignal): Promise<{ handle: string; offset: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(target, { agent, headers: { authorization: `Bearer ${credential}` }, ...(signal ? { signal } : {}) }, (response) => {
      response.resume();
      response.on('end', () => resolve({ handle: String(response.headers['electric-handle'] ?? ''), offset: String(response.headers['electric-offset'] ?? '') }));
    });
    request.on('error', reject);
  });
}
try {
  const url = await bench.cloud.app.listen({ port: 0, host: '127.0.0.1' });
  const db = bench.cloud.ctx.database.db;
  const tenants: { storeId: string; credential: string }[] = [];
  for (let i = 0; i < storeCount; i++) {
    const storeId = newId();
    await db.insert(stores).values({ id: storeId, organisationId: bench.organisationId, name: `Store ${i}`, timezone: 'UTC', currency: 'USD' });
    const issued = await db.transaction((tx) => issueCredential(tx, bench.organisationId, storeId, newId(), null));
    tenants.push({ storeId, credential: issued.credential });
  }
  const shapeUrl = (table: string, storeId: string, extra: string) => `${url}/v1/shape?table=${table}&where=${encodeURIComponent(STORE_WHERE)}&params%5B1%5D=${storeId}&${extra}`;
  const positions: { table: string; storeId: string; credential: string; handle: string; offset: string }[] = [];
  for (const t of tenants) {
    for (const table of SHAPE_NAMES) {
      const position = await get(shapeUrl(table, t.storeId, 'offset=-1'), t.credential);
      positions.push({ table, storeId: t.storeId, credential: t.credential, ...position });
    }
  }
  gc();
  await new Promise((r) => setTimeout(r, 500));
  const before = process.memoryUsage();
  const parked: Promise<unknown>[] = [];
  const abort = new AbortController();
  setMaxListeners(0, abort.signal);
  for (const p of positions) {
    for (let i = 0; i < perShape; i++) {
      parked.push(
        get(shapeUrl(p.table, p.storeId, `offset=${p.offset}&handle=${p.handle}&live=true`), p.credential, abort.signal).catch(() => null),
      );
    }
  }
  const waiters = () => (bench.cloud.app as unknown as { shapeWaiters?: { parked: number } }).shapeWaiters?.parked ?? 0;
  const deadline = Date.now() + 120_000;
  while (waiters() < parked.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  gc();
  await new Promise((r) => setTimeout(r, 500));
  const after = process.memoryUsage();
  const first = tenants[0];
  const started = performance.now();
  if (first) {
    await db.execute(sql`UPDATE stores SET name = 'Renamed' WHERE id = ${first.storeId}`);
    await bench.cloud.ctx.changes.kick();
  }
  const woken = parked.slice(SHAPE_NAMES.indexOf('stores') * perShape, SHAPE_NAMES.indexOf('stores') * perShape + perShape);
  await Promise.all(woken);
  const wakeMs = performance.now() - started;
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  process.stdout.write(`Load average: ${loadavg().map((l) => l.toFixed(1)).join(' ')}; client and server share one process, so the figures include both sides of each socket.\n\n`);
  process.stdout.write('| parked long-polls | RSS before (MB) | RSS parked (MB) | heap growth (MB) | heap per request (KB) | edit → followers woken (ms) |\n|---|---|---|---|---|---|\n');
  process.stdout.write(`${row([parked.length, mb(before.rss), mb(after.rss), mb(after.heapUsed - before.heapUsed), ((after.heapUsed - before.heapUsed) / 1024 / Math.max(1, parked.length)).toFixed(1), wakeMs.toFixed(0)])}\n`);
  abort.abort();
  await Promise.allSettled(parked);
} finally {
  agent.destroy();
  await bench.close();
}
