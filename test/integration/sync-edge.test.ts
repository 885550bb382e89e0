/**
 * A real edge store (SQLite file) synced with a real cloud over HTTP: orders rung up on the
 * edge reach the cloud exactly once and leave the outbox; an owner's price change in the
 * cloud reaches the edge's menu through the shapes.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, demoMenu } from '@brigade/sync/model';
import { orders } from '@brigade/sync/schema/pg';
import type { Cloud } from '@brigade/cloud';
import { type EdgeSync, startEdgeSync } from '../../edge/src/sync';
import { type TestStore, createOrder, openTestStore, payCash } from '../../edge/src/store/test-support';
import { BACKENDS } from '../../cloud/src/db/test-backends';
import { addTenant, createTestCloud, enrolEdge, signInAs } from '../../cloud/src/testing/harness';

describe.each(BACKENDS)('edge store synced with the cloud on %s', (kind) => {
  let cloud: Cloud | undefined;
  let edge: TestStore | undefined;
  let sync: EdgeSync | undefined;
  afterEach(async () => {
    await sync?.stop();
    edge?.cleanup();
    await cloud?.close();
    sync = undefined;
    edge = undefined;
    cloud = undefined;
  });

  it('pushes rung-up orders once and follows the cloud menu', async () => {
    cloud = await createTestCloud(kind);
    const tenant = await addTenant(cloud);
    edge = openTestStore({ now: () => new Date() });
    const store = edge.store;
    const { credential } = await enrolEdge(cloud, tenant, store.outbox.nodeId);
    const url = await cloud.app.listen({ port: 0, host: '127.0.0.1' });
    sync = startEdgeSync({ store, cloudUrl: url, storeId: tenant.storeId, credential, heartbeatMs: 200 });

    const order = await payCash(store, await createOrder(store));
    sync.wake();
    await expect.poll(() => store.outbox.peek(10).length, { timeout: 15_000 }).toBe(0);
    const stored = await cloud.ctx.database.db.select().from(orders).where(eq(orders.id, order.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ owner: 'edge', paymentStatus: 'paid', total: order.totals.total });
    expect(store.queries.syncStatus().online).toBe(true);

    await expect.poll(() => sync!.status().shapes.menu_items?.upToDate, { timeout: 15_000 }).toBe(true);
    const owner = await signInAs(cloud, tenant.ownerEmail, tenant.ownerPassword);
    expect((await owner.call('PATCH', `/api/menus/${tenant.menuId}/items/${DEMO.fries}`, { price: 455 })).status).toBe(200);
    await expect.poll(() => store.queries.menu().menu.items.find((i) => i.id === DEMO.fries)?.price, { timeout: 15_000 }).toBe(455);
    expect(store.queries.menu().menu.items).toHaveLength(demoMenu.items.length);
  });
});
