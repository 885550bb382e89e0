/**
 * Backlog drain after 72 hours offline, through a REAL edge store's outbox: 2,000 counter
 * orders (each created and paid in cash, ten stock movements each: 20,000 movements) rung up
 * through the store's command executor with its clock starting 72 hours back, while no cloud
 * is there. Then the store's own sync client (`startEdgeSync`: the pusher and the five shape
 * followers) meets a fresh cloud, and the clock runs until the outbox is empty — once on
 * PGlite and once on PostgreSQL, each from a copy of the same store file.
 * Target from sync.md §8.5: fully pushed in < 60 s. `--quick` rings up a tenth.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE, openEdgeStore } from '@brigade/edge';
import type { EdgeStore } from '../../edge/src/store/types';
import { startEdgeSync } from '../../edge/src/sync';
import { backupEdgeDatabase } from '../../edge/src/ops/backup';
import { createEnrolmentCode } from '../../cloud/src/stores/enrolment';
import { type Backend, benchCloud, row } from './cloud-bench-support';
import { MOVES_PER_ORDER, prepareStock, ringUpOfflineDays } from './sync-busy-store';
import { machineLine } from './support/edge-process';

const quick = process.argv.includes('--quick');
const ORDERS = quick ? 200 : 2_000;
const HOURS = 72;

function countOutbox(store: EdgeStore, name?: string): number {
  const sql = name ? 'SELECT count(*) AS n FROM outbox WHERE name = ?' : 'SELECT count(*) AS n FROM outbox';
  return (store.db.prepare(sql).get(...(name ? [name] : [])) as { n: number }).n;
}

const work = mkdtempSync(join(tmpdir(), 'brigade-offline-bench-'));
try {
  // The store trades for 72 hours of its clock with no cloud at all.
  const sourceDir = join(work, 'source');
  let clock = Date.now() - HOURS * 3_600_000;
  const source = openEdgeStore({ dataDir: sourceDir, seedDemo: true, now: () => new Date(clock) });
  await prepareStock(source);
  const rungStarted = performance.now();
  await ringUpOfflineDays(source, { orders: ORDERS, hours: HOURS, advance: (ms) => (clock += ms) });
  const ringSeconds = (performance.now() - rungStarted) / 1000;
  const mutations = countOutbox(source);
  const moves = countOutbox(source, 'stock.move');
  source.close();
  process.stdout.write(`Machine: ${machineLine()}. Ringing up ${ORDERS} orders (${ORDERS * 2} commands) took ${ringSeconds.toFixed(1)} s; the outbox holds ${mutations} mutations (${moves} stock movements, expected ${ORDERS * MOVES_PER_ORDER}+).\n\n`);

  const lines = ['| backend | orders | stock movements | mutations | drained in s | mutations/s | shapes up to date after s | load average |', '|---|---:|---:|---:|---:|---:|---:|---|'];
  for (const backend of ['pglite', 'postgres'] as const satisfies readonly Backend[]) {
    const dataDir = join(work, backend);
    await backupEdgeDatabase(sourceDir, join(dataDir, DATABASE_FILE));
    const store = openEdgeStore({ dataDir });
    const bench = await benchCloud(backend);
    try {
      const { code } = await createEnrolmentCode(bench.cloud.ctx, bench.organisationId, bench.storeId, bench.ownerId);
      const enrolled = await bench.cloud.app.inject({ method: 'POST', url: '/sync/enrol', payload: { code, nodeId: store.outbox.nodeId } });
      const credential = enrolled.json<{ credential: string }>().credential;
      const url = await bench.cloud.app.listen({ port: 0, host: '127.0.0.1' });
      const started = performance.now();
      const sync = startEdgeSync({ store, cloudUrl: url, storeId: bench.storeId, credential, heartbeatMs: 60_000 });
      let shapesAt: number | null = null;
      let drainedAt: number | null = null;
      while (drainedAt === null || shapesAt === null) {
        const now = performance.now();
        if (shapesAt === null && Object.values(sync.status().shapes).every((s) => s.upToDate)) shapesAt = now;
        if (drainedAt === null && countOutbox(store) === 0) drainedAt = now;
        if (sync.status().push.consecutiveFailures > 3) throw new Error(`the push keeps failing: ${sync.status().push.lastError}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      const seconds = (drainedAt - started) / 1000;
      await sync.stop();
      lines.push(row([backend, ORDERS, moves, mutations, seconds.toFixed(1), Math.round(mutations / seconds), ((shapesAt - started) / 1000).toFixed(1), loadavg().map((l) => l.toFixed(1)).join(' ')]));
    } finally {
      store.close();
      await bench.close();
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
