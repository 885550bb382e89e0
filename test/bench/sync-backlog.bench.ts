/**
 * Catch-up after a long offline spell: a busy store's backlog of 2,000 order snapshots and
 * 20,000 stock movements pushed by the real pusher over HTTP until the outbox is empty and
 * every row acknowledged. Target from sync.md §8.5: fully pushed in < 60 s.
 * `--quick` uses a tenth of the backlog; `--postgres` runs against PostgreSQL instead of PGlite.
 */
import { loadavg } from 'node:os';
import type { OutboxMutation } from '@brigade/sync/protocol';
import { createPusher } from '@brigade/sync/engine';
import { benchCloud, orderMutation, row, stockMutation } from './cloud-bench-support';

const quick = process.argv.includes('--quick');
const backend = process.argv.includes('--postgres') ? 'postgres' : 'pglite';
const ordersCount = quick ? 200 : 2_000;
const movesCount = quick ? 2_000 : 20_000;

const bench = await benchCloud(backend);
try {
  const url = await bench.cloud.app.listen({ port: 0, host: '127.0.0.1' });
  let outbox: OutboxMutation[] = [];
  const every = Math.floor(movesCount / ordersCount) + 1;
  let madeOrders = 0;
  for (let seq = 1; seq <= ordersCount + movesCount; seq++) {
    const isOrder = seq % every === 1 && madeOrders < ordersCount;
    if (isOrder) madeOrders++;
    outbox.push(isOrder ? orderMutation(seq) : stockMutation(seq));
  }
  const total = outbox.length;
  let acked = 0;
  const pusher = createPusher({
    peek: (limit) => outbox.slice(0, limit),
    ack: (upto) => {
      outbox = outbox.filter((m) => m.seq > upto);
      acked = upto;
    },
    count: () => outbox.length,
    nodeId: bench.nodeId,
    epoch: 1,
    storeId: bench.storeId,
    url,
    credential: bench.credential,
  });
  const started = performance.now();
  while (outbox.length > 0) await pusher.pushOnce();
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`Load average when done: ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n\n`);
  process.stdout.write('| backend | orders | stock movements | acked up to | seconds | mutations/s |\n|---|---|---|---|---|---|\n');
  process.stdout.write(`${row([backend, madeOrders, total - madeOrders, acked, seconds.toFixed(1), Math.round(total / seconds)])}\n`);
} finally {
  await bench.close();
}
