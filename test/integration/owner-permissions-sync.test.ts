/**
 * The owner changes a store's permission matrix in the cloud; the store's edge (a real SQLite
 * store following the real shape client over HTTP) applies it and the next command is checked
 * against it. The POS's own changes before the take-over are kept; once the owner manages the
 * matrix the POS editor is refused, and a POS change the owner's matrix replaced is reported
 * back to the dashboard, not lost silently.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, type HubEvent, newId } from '@brigade/sync/model';
import type { Cloud } from '@brigade/cloud';
import type { EdgeSync } from '../../edge/src/sync';
import { type TestStore, actors } from '../../edge/src/store/test-support';
import { BACKENDS } from '../../cloud/src/db/test-backends';
import { type TestTenant, signInAs } from '../../cloud/src/testing/harness';
import { type SyncedEdge, createSyncedEdge } from '../support/synced-edge';

interface View {
  managed: boolean;
  matrix: Record<string, string[]>;
  overriddenAtStore: { role: string; permission: string; granted: boolean }[];
}

describe.each(BACKENDS)('owner permission matrix reaching a store on %s', (kind) => {
  let synced: SyncedEdge | undefined;
  afterEach(async () => {
    await synced?.close();
    synced = undefined;
  });

  async function start(): Promise<{ c: Cloud; tenant: TestTenant; t: TestStore; connect: () => Promise<EdgeSync> }> {
    const s = (synced = await createSyncedEdge(kind, { store: { now: () => new Date() } }));
    await s.listen();
    return { c: s.cloud, tenant: s.tenant, t: s.edge, connect: () => s.startSync() };
  }

  const set86 = (t: TestStore) => t.store.execute('item.set86', newId(), { itemId: DEMO.fries, unavailable: true }, actors.cashier);

  it('a cloud change reaches the edge and changes what a cashier can do; the POS then cannot edit', async () => {
    const { c, tenant, t, connect } = await start();
    // Before the owner takes over, a manager changes a cell on the POS; it goes up with the audit.
    await t.store.execute('permissions.set', newId(), { role: 'server', permission: 'comp', granted: true }, actors.manager);
    await expect(set86(t)).rejects.toMatchObject({ code: 'MANAGER_APPROVAL_REQUIRED' });
    const s = await connect();
    await expect.poll(() => t.store.outbox.peek(10).length, { timeout: 15_000 }).toBe(0);
    const events: HubEvent[] = [];
    t.store.onEvents((batch) => events.push(...batch));

    const owner = await signInAs(c, tenant.ownerEmail, tenant.ownerPassword);
    const url = `/api/stores/${tenant.storeId}/permissions`;
    await expect.poll(async () => (await owner.call<View>('GET', url)).body.matrix.server?.includes('comp'), { timeout: 15_000 }).toBe(true);
    const saved = await owner.call<View>('PUT', url, { changes: [{ role: 'cashier', permission: 'item.86', granted: true }] });
    expect(saved.status).toBe(200);

    await expect.poll(() => t.store.staffCash.roleHas('cashier', 'item.86'), { timeout: 15_000 }).toBe(true);
    expect(s.status().shapes.role_permissions?.lastError).toBeNull();
    await set86(t);
    expect(t.store.queries.menu().unavailable).toContain(DEMO.fries);
    // The POS's change before the take-over is still the store's.
    expect(t.store.staffCash.roleHas('server', 'comp')).toBe(true);
    expect(t.store.staffCash.permissionsManagedByOwner()).toBe(true);
    expect(events.some((e) => e.type === 'permissions.updated')).toBe(true);
    await expect(t.store.execute('permissions.set', newId(), { role: 'cashier', permission: 'refund', granted: true }, actors.manager))
      .rejects.toMatchObject({ code: 'PERMISSIONS_MANAGED_BY_OWNER' });
    expect(t.store.staffCash.roleHas('cashier', 'refund')).toBe(false);

    // Taking it away again reaches the store the same way.
    await owner.call('PUT', url, { changes: [{ role: 'cashier', permission: 'item.86', granted: false }] });
    await expect.poll(() => t.store.staffCash.roleHas('cashier', 'item.86'), { timeout: 15_000 }).toBe(false);
    await expect(set86(t)).rejects.toMatchObject({ code: 'MANAGER_APPROVAL_REQUIRED' });
  });

  it('reports a POS change made offline that the owner\'s matrix replaced', async () => {
    const { c, tenant, t, connect } = await start();
    const owner = await signInAs(c, tenant.ownerEmail, tenant.ownerPassword);
    const url = `/api/stores/${tenant.storeId}/permissions`;
    // The owner takes over while the store is offline and, meanwhile, a manager changes a cell there.
    await owner.call('PUT', url, { changes: [{ role: 'bartender', permission: 'void.line', granted: true }] });
    await t.store.execute('permissions.set', newId(), { role: 'cashier', permission: 'refund', granted: true }, actors.manager);

    await connect();
    await expect.poll(() => t.store.staffCash.permissionsManagedByOwner(), { timeout: 15_000 }).toBe(true);
    expect(t.store.staffCash.roleHas('bartender', 'void.line')).toBe(true);
    expect(t.store.staffCash.roleHas('cashier', 'refund')).toBe(false);
    expect(t.store.queries.audit(20).some((a) => a.action === 'permissions.overridden' && a.detail.permission === 'refund')).toBe(true);
    await expect.poll(async () => (await owner.call<View>('GET', url)).body.overriddenAtStore, { timeout: 15_000 })
      .toEqual([{ role: 'cashier', permission: 'refund', granted: true, at: expect.any(String) as string, staffId: expect.any(String) as string }]);
  });
});
