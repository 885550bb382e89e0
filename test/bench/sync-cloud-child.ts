/**
 * The cloud for the sync-overhead benchmark, in a process of its own so its queries do not
 * share an event loop with the load generator: a seeded tenant on PGlite or PostgreSQL and
 * one enrolment code for the edge. Sends `{ url, code }` once listening; `stop` closes it.
 * Argument: `pglite` or `postgres`.
 */
import { sql } from 'drizzle-orm';
import { createEnrolmentCode } from '../../cloud/src/stores/enrolment';
import { queryRows } from '../../cloud/src/db/database';
import { type Backend, benchCloud } from './cloud-bench-support';

const backend = (process.argv[2] ?? 'pglite') as Backend;
const bench = await benchCloud(backend);
const url = await bench.cloud.app.listen({ port: 0, host: '127.0.0.1' });
const { code } = await createEnrolmentCode(bench.cloud.ctx, bench.organisationId, bench.storeId, bench.ownerId);
process.on('message', (message: { type: string }) => {
  if (message.type === 'count') {
    void queryRows<{ n: number }>(bench.cloud.ctx.database.db, sql`SELECT count(*)::int AS n FROM orders WHERE store_id = ${bench.storeId}`).then((rows) =>
      process.send?.({ type: 'count', orders: rows[0]?.n ?? 0 }),
    );
  }
  if (message.type !== 'stop') return;
  void (async () => {
    await bench.close();
    process.exit(0);
  })();
});
process.send?.({ type: 'ready', url, code });
