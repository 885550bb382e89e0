/**
 * A cloud process for the parked-requests memory benchmark, alone in its process so its
 * memory is its own: PGlite in a fresh folder, `stores` stores each with an enrolled
 * credential, listening on a loopback port. It sends `{ url, tenants }` once ready and answers
 * every `measure` message with its memory after a full garbage collection.
 * Run with `node --expose-gc --import tsx`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '@brigade/sync/model';
import { organisations, stores } from '@brigade/sync/schema/pg';
import { createCloud } from '@brigade/cloud';
import { issueCredential } from '../../../cloud/src/stores/enrolment';

const storeCount = Number(process.argv[2] ?? 1000);
// A folder from an earlier run: a restart, with the stores (and their credentials) already there.
const reused = process.argv[3];
const dir = reused ?? mkdtempSync(join(tmpdir(), 'brigade-bench-cloud-mem-'));
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc || !process.send) throw new Error('run with --expose-gc as a child with an IPC channel');

const cloud = await createCloud({ dataDir: dir, logger: false, settings: { longPollMs: 300_000 } });
const db = cloud.ctx.database.db;
const organisationId = newId();
const tenants: { storeId: string; credential: string }[] = [];
if (!reused) await db.insert(organisations).values({ id: organisationId, name: 'Bench' });
for (let i = 0; i < (reused ? 0 : storeCount); i++) {
  const storeId = newId();
  await db.insert(stores).values({ id: storeId, organisationId, name: `Store ${i}`, timezone: 'UTC', currency: 'USD' });
  const issued = await db.transaction((tx) => issueCredential(tx, organisationId, storeId, newId(), null));
  tenants.push({ storeId, credential: issued.credential });
}
await cloud.ctx.changes.kick();
const url = await cloud.app.listen({ port: 0, host: '127.0.0.1' });

const waiters = () => (cloud.app as unknown as { shapeWaiters?: { parked: number } }).shapeWaiters?.parked ?? 0;
process.on('message', (message: { type: string }) => {
  if (message.type === 'measure') {
    gc();
    const m = process.memoryUsage();
    process.send?.({ type: 'memory', rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers, parked: waiters() });
  } else if (message.type === 'stop' || message.type === 'stop-keep') {
    void cloud.close().then(() => {
      if (message.type === 'stop') rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    });
  }
});
process.send({ type: 'ready', url, tenants, dir });
