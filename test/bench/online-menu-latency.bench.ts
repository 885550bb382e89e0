/**
 * Menu edit in the cloud → row applied on the edge: an owner changes a price through the
 * owner API (`PATCH /api/menus/:id/items/:itemId`, over HTTP), and the clock stops when the
 * edge's shape follower has committed the changed `menu_items` row (and the rebuilt menu) to
 * its SQLite file — the edge's own sync client (`startEdgeSync`) following the live shape with
 * the official Electric client. Target: p95 ≤ 500 ms. `--quick` makes 10 edits, else 60.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO } from '@brigade/sync/model';
import { openEdgeStore } from '../../edge/src/store';
import { startEdgeSync } from '../../edge/src/sync';
import { type Backend, benchCloud, row } from './cloud-bench-support';
import { percentile } from './online-bench-support';

const quick = process.argv.includes('--quick');
const edits = quick ? 10 : 60;
const backends: Backend[] = process.argv.includes('--pglite-only') ? ['pglite'] : ['pglite', 'postgres'];

process.stdout.write(`Load average at start: ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n\n`);
process.stdout.write('| backend | edits | p50 ms | p95 ms | max ms | target p95 ≤ 500 ms |\n|---|---:|---:|---:|---:|---|\n');

for (const backend of backends) {
  const bench = await benchCloud(backend);
  const dir = mkdtempSync(join(tmpdir(), 'brigade-bench-menu-'));
  const store = openEdgeStore({ dataDir: dir, seedDemo: true });
  let waiting: { price: number; resolve: () => void } | null = null;
  const sync = startEdgeSync({
    store, cloudUrl: await bench.cloud.app.listen({ port: 0, host: '127.0.0.1' }), storeId: bench.storeId, credential: bench.credential,
    onShapeApplied: (table, changes) => {
      // The batch is committed when this runs: the row is on the edge's disk.
      if (table === 'menu_items' && waiting && changes.some((c) => c.value.id === DEMO.fries && Number(c.value.price) === waiting?.price)) waiting.resolve();
    },
  });
  try {
    const until = Date.now() + 60_000;
    while (!(sync.status().shapes.menu_items?.upToDate && store.queries.menu().menu.items.some((i) => i.id === DEMO.fries))) {
      if (Date.now() > until) throw new Error('the edge did not sync the menu');
      await new Promise((r) => setTimeout(r, 50));
    }
    const login = await fetch(`${urlOf(bench.cloud)}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: bench.ownerEmail, password: bench.ownerPassword }),
    });
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    const samples: number[] = [];
    for (let i = 0; i < edits; i++) {
      const price = 400 + i + 1;
      const applied = new Promise<void>((resolve) => {
        waiting = { price, resolve };
      });
      const started = performance.now();
      const response = await fetch(`${urlOf(bench.cloud)}/api/menus/${bench.menuId}/items/${DEMO.fries}`, {
        method: 'PATCH', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ price }),
      });
      if (response.status !== 200) throw new Error(`the edit was refused: ${response.status} ${await response.text()}`);
      await applied;
      samples.push(performance.now() - started);
      waiting = null;
      // Owners do not edit in a tight loop; a pause lets each edit find the follower parked.
      await new Promise((r) => setTimeout(r, 50));
    }
    const p95 = percentile(samples, 95);
    process.stdout.write(`${row([backend, edits, percentile(samples, 50).toFixed(0), p95.toFixed(0), Math.max(...samples).toFixed(0), p95 <= 500 ? 'met' : 'missed'])}\n`);
  } finally {
    await sync.stop();
    store.close();
    rmSync(dir, { recursive: true, force: true });
    await bench.close();
  }
}
process.stdout.write(`\nLoad average at end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);

function urlOf(cloud: { app: { server: { address(): unknown } } }): string {
  const address = cloud.app.server.address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}
