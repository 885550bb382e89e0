/**
 * A real edge store (SQLite file) synced with a real cloud over HTTP: orders rung up on the
 * edge reach the cloud exactly once and leave the outbox; an owner's price change in the
 * cloud reaches the edge's menu through the shapes.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, demoMenu } from '@brigade/sync/model';
import { orders } from '@brigade/sync/schema/pg';
import { createOrder, payCash } from '../../edge/src/store/test-support';
import { BACKENDS } from '../../cloud/src/db/test-backends';
import { signInAs } from '../../cloud/src/testing/harness';
import { type SyncedEdge, createSyncedEdge } from '../support/synced-edge';

describe.each(BACKENDS)('edge store synced with the cloud on %s', (kind) => {
  let synced: SyncedEdge | undefined;
  afterEach(async () => {
    await synced?.close();
    synced = undefined;
  });

  it('pushes rung-up orders once and follows the cloud menu', async () => {
    synced = await createSyncedEdge(kind, { store: { now: () => new Date() } });
    const { cloud, tenant } = synced;
    const store = synced.edge.store;
    const sync = await synced.startSync();

    const order = await payCash(store, await createOrder(store));
    sync.wake();
    await expect.poll(() => store.outbox.peek(10).length, { timeout: 15_000 }).toBe(0);
    const stored = await cloud.ctx.database.db.select().from(orders).where(eq(orders.id, order.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ owner: 'edge', paymentStatus: 'paid', total: order.totals.total });
    expect(store.queries.syncStatus().online).toBe(true);

    await expect.poll(() => sync.status().shapes.menu_items?.upToDate, { timeout: 15_000 }).toBe(true);
    const owner = await signInAs(cloud, tenant.ownerEmail, tenant.ownerPassword);
    expect((await owner.call('PATCH', `/api/menus/${tenant.menuId}/items/${DEMO.fries}`, { price: 455 })).status).toBe(200);
    await expect.poll(() => store.queries.menu().menu.items.find((i) => i.id === DEMO.fries)?.price, { timeout: 15_000 }).toBe(455);
    expect(store.queries.menu().menu.items).toHaveLength(demoMenu.items.length);
  });
});
