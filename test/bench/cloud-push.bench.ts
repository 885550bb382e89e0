/**
 * Push apply rate: 2,000 mutations (1 in 10 an order snapshot, the rest stock movements) in
 * batches of 500 through `POST /sync/push`, on PGlite and on PostgreSQL. Target from
 * sync.md §8.5: ≥ 1,000 mutations/s on PGlite, a 500-mutation batch in < 1 s.
 * `--quick` pushes 500.
 */
import { loadavg } from 'node:os';
import { PUSH_BATCH_MAX } from '@brigade/sync/protocol';
import { type Backend, benchCloud, orderMutation, row, stockMutation } from './cloud-bench-support';

const total = process.argv.includes('--quick') ? 500 : 2_000;

async function run(backend: Backend): Promise<string> {
  const bench = await benchCloud(backend);
  try {
    const mutations = Array.from({ length: total }, (_, i) => (i % 10 === 0 ? orderMutation(i + 1) : stockMutation(i + 1)));
    let slowest = 0;
    const started = performance.now();
    for (let i = 0; i < mutations.length; i += PUSH_BATCH_MAX) {
      const t = performance.now();
      const response = await bench.cloud.app.inject({
        method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${bench.credential}` },
        payload: { storeId: bench.storeId, nodeId: bench.nodeId, epoch: 1, mutations: mutations.slice(i, i + PUSH_BATCH_MAX) },
      });
      if (response.statusCode !== 200) throw new Error(`push failed: ${response.body}`);
      slowest = Math.max(slowest, performance.now() - t);
    }
    const seconds = (performance.now() - started) / 1000;
    return row([backend, total, seconds.toFixed(2), Math.round(total / seconds), Math.round(slowest)]);
  } finally {
    await bench.close();
  }
}

process.stdout.write(`Load average when started: ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n\n`);
process.stdout.write('| backend | mutations | seconds | mutations/s | slowest 500-batch (ms) |\n|---|---|---|---|---|\n');
for (const backend of ['pglite', 'postgres'] as const) process.stdout.write(`${await run(backend)}\n`);
