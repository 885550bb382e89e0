import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { stores } from '@brigade/sync/schema/pg';
import type { Cloud } from '../index';
import { BACKENDS } from '../db/test-backends';
import { addTenant, createTestCloud, enrolEdge, signInAs } from '../testing/harness';
import { pauseSilentStores } from './heartbeat';

describe.each(BACKENDS)('heartbeat on %s', (kind) => {
  let cloud: Cloud | undefined;
  afterEach(async () => {
    await cloud?.close();
    cloud = undefined;
  });

  it('pauses online ordering after 60 s of silence and resumes on the next push', async () => {
    let now = new Date('2026-05-01T12:00:00Z');
    cloud = await createTestCloud(kind, { now: () => now });
    const tenant = await addTenant(cloud);
    const quiet = await addTenant(cloud);
    const edge = await enrolEdge(cloud, tenant);
    const paused = async (id: string) => (await cloud!.ctx.database.db.select().from(stores).where(eq(stores.id, id)))[0]?.onlineOrderingPaused;
    const heartbeat = () =>
      cloud!.app.inject({ method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${edge.credential}` }, payload: { storeId: tenant.storeId, nodeId: edge.nodeId, epoch: 1, mutations: [] } });

    now = new Date(now.getTime() + 59_000);
    expect(await pauseSilentStores(cloud.ctx)).toEqual([]);
    now = new Date(now.getTime() + 2_000);
    expect(await pauseSilentStores(cloud.ctx)).toEqual([tenant.storeId]);
    expect(await paused(tenant.storeId)).toBe(true);
    // A store that was never enrolled has no heartbeat to miss.
    expect(await paused(quiet.storeId)).toBe(false);

    expect((await heartbeat()).statusCode).toBe(200);
    expect(await paused(tenant.storeId)).toBe(false);
    const owner = await signInAs(cloud, tenant.ownerEmail, tenant.ownerPassword);
    const health = await owner.call<{ online: boolean; onlineOrderingPaused: boolean }>('GET', `/api/stores/${tenant.storeId}/sync-health`);
    expect(health.body).toMatchObject({ online: true, onlineOrderingPaused: false });
  });

  it('never lifts a pause set by the owner', async () => {
    const now = new Date('2026-05-01T12:00:00Z');
    cloud = await createTestCloud(kind, { now: () => now });
    const tenant = await addTenant(cloud);
    const edge = await enrolEdge(cloud, tenant);
    const owner = await signInAs(cloud, tenant.ownerEmail, tenant.ownerPassword);
    expect((await owner.call('PUT', `/api/stores/${tenant.storeId}/online-ordering`, { paused: true })).status).toBe(200);
    await cloud.app.inject({ method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${edge.credential}` }, payload: { storeId: tenant.storeId, nodeId: edge.nodeId, epoch: 1, mutations: [] } });
    const row = (await cloud.ctx.database.db.select().from(stores).where(eq(stores.id, tenant.storeId)))[0];
    expect(row).toMatchObject({ onlineOrderingPaused: true, pausedReason: 'owner' });
  });
});
