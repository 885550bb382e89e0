/**
 * Long offline (docs/reliability.md, "Long offline and restore"): a real edge store (SQLite
 * file, the real command executor, its own sync client with the official Electric client)
 * loses the cloud for 72 hours of its clock while it takes a busy trade; meanwhile the cloud's
 * owner edits the menu many times, another store's shapes rotate and the shape log is
 * compacted. When the link is back, the outbox drains with every mutation applied once and no
 * seq gap, stock sums agree, the store's menu equals the cloud's, and what the store was sent
 * of the shapes is bounded by the tables, not by the 72 hours of log.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, demoMenu } from '@brigade/sync/model';
import { appliedMutations } from '@brigade/sync/schema/pg';
import { queryRows } from '../../cloud/src/db/database';
import { BACKENDS } from '../../cloud/src/db/test-backends';
import { compactShapeLog } from '../../cloud/src/shapes/shape-log-compaction';
import { replayLimit, rotateShape } from '../../cloud/src/shapes/shape-log';
import { addTenant, signInAs } from '../../cloud/src/testing/harness';
import { edgeStockSums, outboxSeqsIssued, prepareStock, ringUpOfflineDays } from '../bench/sync-busy-store';
import { type Partition, partitionedFetch } from '../support/partitioned-fetch';
import { type SyncedEdge, createSyncedEdge } from '../support/synced-edge';

const ORDERS = 300;
const HOURS = 72;
const PRICE_EDITS = 150;

describe.each(BACKENDS)('a busy store offline for 72 hours, cloud on %s', (kind) => {
  let synced: SyncedEdge | undefined;
  let net: Partition | undefined;
  afterEach(async () => {
    net?.reconnect();
    await synced?.close();
    synced = undefined;
    net = undefined;
  });

  it('drains its backlog once, converges with the cloud and replays a bounded shape log', async () => {
    synced = await createSyncedEdge(kind, { cloud: { settings: { longPollMs: 1_000 } } });
    const { cloud: c, tenant, edge } = synced;
    const db = c.ctx.database.db;
    const neighbour = await addTenant(c);
    const store = edge.store;
    net = partitionedFetch();
    const s = await synced.startSync({ fetch: net.fetch, backoff: { baseMs: 50, maxMs: 250 } });
    await prepareStock(store);
    s.wake();
    await expect.poll(() => store.outbox.peek(1).length, { timeout: 20_000 }).toBe(0);
    await expect.poll(() => Object.values(s.status().shapes).every((sh) => sh.upToDate), { timeout: 20_000 }).toBe(true);

    // The link goes down; 72 hours of the store's clock pass while it trades.
    net.disconnect();
    const owner = await signInAs(c, tenant.ownerEmail, tenant.ownerPassword);
    const items = demoMenu.items.map((i) => i.id);
    let edits = 0;
    const sold = await ringUpOfflineDays(store, {
      orders: ORDERS,
      hours: HOURS,
      advance: (ms) => edge.clock.advance(ms),
      afterOrder: async (i) => {
        // Two menu edits in the cloud for every order rung up at the store, on and off.
        if (i % 2 === 0 && edits < PRICE_EDITS) {
          const itemId = items[edits % items.length] ?? DEMO.fries;
          const r = await owner.call('PATCH', `/api/menus/${tenant.menuId}/items/${itemId}`, { price: 500 + edits });
          expect(r.status).toBe(200);
          edits += 1;
        }
        if (i === ORDERS / 2) {
          // Another store's shapes rotate and the log is compacted while this one is away.
          await db.execute(sql`UPDATE categories SET name = name || '!' WHERE store_id = ${neighbour.storeId}`);
          await c.ctx.changes.kick();
          await rotateShape(db, 'categories', neighbour.storeId);
          await compactShapeLog(db, c.ctx.settings.rotationFactor);
        }
      },
    });
    // A change small enough to be replayed rather than re-snapshotted.
    await db.execute(sql`UPDATE categories SET name = 'Renamed while away' WHERE store_id = ${tenant.storeId} AND id = ${demoMenu.categories[0]?.id ?? ''}`);
    await c.ctx.changes.kick();
    expect(edits).toBe(PRICE_EDITS);
    const issued = outboxSeqsIssued(store);
    const waiting = store.outbox.peek(100_000).length;
    expect(waiting).toBeGreaterThan(ORDERS * 10);
    // What replaying the menu from where the store stopped would have cost.
    const stoppedAt = Number(store.shapes.position('menu_items')?.offset.split('_')[0] ?? 0);
    const replay = (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM shape_log WHERE table_name = 'menu_items' AND store_id = ${tenant.storeId} AND "offset" > ${stoppedAt}`))[0]?.n ?? 0;

    // The link is back.
    net.reconnect();
    s.wake();
    await expect.poll(() => store.outbox.peek(1).length, { timeout: 60_000, interval: 200 }).toBe(0);

    const ledger = await db.select({ seq: appliedMutations.seq, status: appliedMutations.status }).from(appliedMutations)
      .where(and(eq(appliedMutations.nodeId, store.outbox.nodeId), eq(appliedMutations.epoch, store.outbox.epoch)));
    expect(ledger).toHaveLength(issued);
    expect(ledger.map((l) => l.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: issued }, (_, i) => i + 1));
    expect(ledger.filter((l) => l.status !== 'applied')).toEqual([]);
    const cloudOrders = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM orders WHERE store_id = ${tenant.storeId} AND id IN (${sql.join(sold.map((o) => sql`${o.id}`), sql`, `)})`);
    expect(cloudOrders[0]?.n).toBe(ORDERS);
    const cloudStock = await queryRows<{ id: string; total: string }>(db, sql`SELECT item_id AS id, sum(delta)::text AS total FROM stock_movements WHERE store_id = ${tenant.storeId} GROUP BY item_id`);
    expect(Object.fromEntries(cloudStock.map((r) => [r.id, Number(r.total)]))).toEqual(edgeStockSums(store));

    // The store's menu is the cloud's.
    const cloudPrices = async () =>
      Object.fromEntries((await queryRows<{ id: string; price: number }>(db, sql`SELECT id, price FROM menu_items WHERE store_id = ${tenant.storeId}`)).map((r) => [r.id, Number(r.price)]));
    const expected = await cloudPrices();
    const edgePrices = () => Object.fromEntries(store.queries.menu().menu.items.map((i) => [i.id, i.price]));
    await expect.poll(edgePrices, { timeout: 30_000 }).toEqual(expected);
    await expect.poll(() => store.queries.menu().menu.categories.find((cat) => cat.id === demoMenu.categories[0]?.id)?.name, { timeout: 30_000 }).toBe('Renamed while away');
    expect(Object.fromEntries(store.shapes.rows('menu_items').map((r) => [String(r.id), Number(r.price)]))).toEqual(expected);

    // Bounded catch-up: a snapshot of the menu, not the 72 hours of edits; the one rename replayed.
    const sent = net.shapeTraffic();
    expect(replay).toBe(PRICE_EDITS);
    expect(replay).toBeGreaterThan(replayLimit(demoMenu.items.length, c.ctx.settings.rotationFactor));
    expect(sent.menu_items?.changes).toBeLessThanOrEqual(demoMenu.items.length);
    expect(sent.menu_items?.refetches).toBeGreaterThanOrEqual(1);
    expect(sent.categories).toMatchObject({ changes: 1, refetches: 0 });
  }, 120_000);
});
