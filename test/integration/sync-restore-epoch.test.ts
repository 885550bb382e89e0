/**
 * Restore from backup (docs/reliability.md, "Long offline and restore"): a real edge store
 * pushes through the real pusher to a real cloud; a backup is taken with sales still in its
 * outbox; more sales are pushed and more wait; the older backup is restored. The store then
 * syncs in a new epoch: no (epoch, seq) is reused, the backup's queued mutations that the
 * cloud already applied come back as duplicates and are not applied twice, the sales pushed
 * after the backup stay in the cloud, the ones still waiting at the restore still arrive
 * (carried over from the replaced database), and new sales are applied once.
 */
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { and, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, type Order, newId } from '@brigade/sync/model';
import type { PushResult } from '@brigade/sync/protocol';
import { createPusher } from '@brigade/sync/engine';
import { appliedMutations, syncClients } from '@brigade/sync/schema/pg';
import type { Cloud } from '@brigade/cloud';
import { backupEdgeDatabase, restoreEdgeDatabase } from '../../edge/src/ops/backup';
import { openEdgeStore } from '../../edge/src/store/index';
import type { EdgeStore } from '../../edge/src/store/types';
import { type TestStore, openTestStore } from '../../edge/src/store/test-support';
import { queryRows } from '../../cloud/src/db/database';
import { BACKENDS } from '../../cloud/src/db/test-backends';
import { type TestTenant, addTenant, createTestCloud, enrolEdge } from '../../cloud/src/testing/harness';
import { MOVES_PER_ORDER, cashier, edgeStockSums, outboxSeqsIssued, prepareStock, sellOne } from '../bench/sync-busy-store';

describe.each(BACKENDS)('restoring an older copy of the edge database, cloud on %s', (kind) => {
  let cloud: Cloud | undefined;
  let edge: TestStore | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    edge?.cleanup();
    await cloud?.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    edge = undefined;
    cloud = undefined;
  });

  it('continues in a new epoch without reusing a seq, losing or doubling anything', async () => {
    cloud = await createTestCloud(kind);
    const c = cloud;
    const db = c.ctx.database.db;
    const tenant: TestTenant = await addTenant(c);
    edge = openTestStore({ now: () => new Date() });
    const t = edge;
    const nodeId = t.store.outbox.nodeId;
    const { credential } = await enrolEdge(c, tenant, nodeId);
    const url = await c.app.listen({ port: 0, host: '127.0.0.1' });
    /** Pushes the whole outbox with the store's current epoch through the real pusher; returns every result. */
    const pushAll = async (store: EdgeStore): Promise<PushResult[]> => {
      const pusher = createPusher({
        peek: (limit) => store.outbox.peek(limit), ack: (upto) => store.outbox.ack(upto), count: () => store.outbox.peek(100_000).length,
        nodeId, epoch: store.outbox.epoch, storeId: tenant.storeId, url, credential,
      });
      const results: PushResult[] = [];
      for (let round = 0; store.outbox.peek(1).length > 0 && round < 50; round++) results.push(...(await pusher.pushOnce()).results);
      expect(store.outbox.peek(1)).toEqual([]);
      return results;
    };
    const sell = async (n: number): Promise<Order[]> => {
      const sold: Order[] = [];
      for (let i = 0; i < n; i++) sold.push(await sellOne(t.store));
      return sold;
    };
    const mutationIds = () => (t.store.db.prepare('SELECT mutation_id AS id FROM outbox ORDER BY seq').all() as { id: string }[]).map((r) => r.id);

    const pay = async (store: EdgeStore, order: Order): Promise<Order> => {
      const amount = order.totals.total - order.paid;
      const outcome = await store.execute('payment.capture', newId(), { orderId: order.id, paymentId: newId(), tender: 'cash', amount, tendered: amount }, cashier);
      return (outcome.result as { order: Order }).order;
    };

    const { ingredients } = await prepareStock(t.store);
    const beforeBackup = await sell(3);
    // Open at the backup, paid after it: the cloud ends up with a higher version than the backup's.
    const openAtBackup = (await t.store.execute('order.create', newId(), { orderId: newId(), channel: 'counter', diningOption: 'take_out', lines: [{ lineId: newId(), itemId: DEMO.cola, quantity: 1, modifierOptionIds: [DEMO.regular] }] }, cashier)).result as { order: Order };
    await pushAll(t.store);
    // Queued at the backup, pushed after it: they come back with the restored database.
    const queuedAtBackup = await sell(3);
    const backupQueue = mutationIds();
    const backup = join(mkdtempSync(join(tmpdir(), 'brigade-restore-')), 'store.sqlite');
    dirs.push(join(backup, '..'));
    await backupEdgeDatabase(t.dir, backup);
    await pay(t.store, openAtBackup.order);
    await pushAll(t.store);
    const pushedAfterBackup = await sell(3);
    await pushAll(t.store);
    const waitingAtRestore = await sell(2);
    const carriedQueue = mutationIds();
    const oldEpoch = t.store.outbox.epoch;
    const oldSeqs = outboxSeqsIssued(t.store);
    t.store.close();

    const restored = restoreEdgeDatabase(t.dir, backup);
    expect(restored.epoch).toBeGreaterThan(oldEpoch);
    expect(restored.carried).toBe(carriedQueue.length);
    t.store = openEdgeStore(t.options);
    const store = t.store;
    expect(store.outbox.epoch).toBe(restored.epoch);
    const afterRestore = [...(await sell(2))];
    // The restored store still sees it open and takes the payment again: that change must reach the cloud.
    const repaid = await pay(store, store.queries.order(openAtBackup.order.id));
    const results = await pushAll(store);

    const statusOf = new Map(results.map((r) => [r.mutationId, r.status]));
    expect(backupQueue.map((id) => statusOf.get(id))).toEqual(backupQueue.map(() => 'duplicate'));
    expect(carriedQueue.map((id) => statusOf.get(id))).toEqual(carriedQueue.map(() => 'applied'));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);

    // No (epoch, seq) is used twice; the new epoch's ledger is gap-free after the duplicates.
    const ledger = await db.select({ epoch: appliedMutations.epoch, seq: appliedMutations.seq }).from(appliedMutations).where(eq(appliedMutations.nodeId, nodeId));
    expect(new Set(ledger.map((l) => `${l.epoch}/${l.seq}`)).size).toBe(ledger.length);
    expect(ledger.filter((l) => l.epoch === oldEpoch).map((l) => l.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: oldSeqs - carriedQueue.length }, (_, i) => i + 1));
    const newSeqs = outboxSeqsIssued(store);
    expect(ledger.filter((l) => l.epoch === restored.epoch).map((l) => l.seq).sort((a, b) => a - b))
      .toEqual(Array.from({ length: newSeqs - backupQueue.length }, (_, i) => backupQueue.length + i + 1));
    const client = await db.select({ lastSeq: syncClients.lastSeq }).from(syncClients).where(and(eq(syncClients.nodeId, nodeId), eq(syncClients.epoch, restored.epoch)));
    expect(client[0]?.lastSeq).toBe(newSeqs);

    // Every sale is in the cloud once, whichever side of the restore it was made on.
    const everyOrder = [...beforeBackup, ...queuedAtBackup, ...pushedAfterBackup, ...waitingAtRestore, ...afterRestore];
    const inCloud = await queryRows<{ id: string; n: number }>(
      db,
      sql`SELECT id, count(*)::int AS n FROM orders WHERE store_id = ${tenant.storeId} AND id IN (${sql.join(everyOrder.map((o) => sql`${o.id}`), sql`, `)}) GROUP BY id`,
    );
    expect(inCloud).toHaveLength(everyOrder.length);
    const movesInCloud = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM stock_movements WHERE store_id = ${tenant.storeId} AND reason = 'sale'`);
    // The cola paid on both sides of the restore was taken out of stock twice (syrup and cup each time).
    expect(movesInCloud[0]?.n).toBe(everyOrder.length * MOVES_PER_ORDER + 2 * 2);
    // The cloud counts the sales the restored store no longer holds: one unit of each ingredient per
    // lost order, and the cola's first payment.
    const lost = pushedAfterBackup.length + waitingAtRestore.length;
    const colaOnce = new Set([ingredients.get('syrup'), ingredients.get('cup')]);
    const cloudStock = await queryRows<{ id: string; total: string }>(db, sql`SELECT item_id AS id, sum(delta)::text AS total FROM stock_movements WHERE store_id = ${tenant.storeId} GROUP BY item_id`);
    const edgeStock = edgeStockSums(store);
    expect(Object.fromEntries(cloudStock.map((r) => [r.id, Number(r.total)]))).toEqual(Object.fromEntries(Object.entries(edgeStock).map(([id, total]) => [id, total - lost - (colaOnce.has(id) ? 1 : 0)])));
    const versionOnEdge = (store.db.prepare('SELECT version FROM orders WHERE id = ?').get(repaid.id) as { version: number }).version;
    const inCloudNow = await queryRows<{ version: number; document: Order }>(db, sql`SELECT version, document FROM orders WHERE id = ${repaid.id}`);
    expect(inCloudNow[0]?.version).toBe(versionOnEdge);
    // The cloud holds the restored store's payment, not the one made on the lost database.
    expect(inCloudNow[0]?.document.payments.map((p) => p.id)).toEqual(repaid.payments.map((p) => p.id));
    // What the product does today: the restored store does not learn back the orders it lost.
    for (const order of [...pushedAfterBackup, ...waitingAtRestore]) expect(() => store.queries.order(order.id)).toThrow(expect.objectContaining({ code: 'ORDER_NOT_FOUND' }) as Error);
  }, 60_000);
});
