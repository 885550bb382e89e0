import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLE_PERMISSIONS, PERMISSIONS, STAFF_ROLES, newId } from '@brigade/sync/model';
import { auditLog, rolePermissions, users } from '@brigade/sync/schema/pg';
import { hashPassword } from '../auth/passwords';
import type { Cloud } from '../index';
import { BACKENDS } from '../db/test-backends';
import { type TestTenant, addTenant, enrolEdge, signInAs, tenantClouds } from '../testing/harness';

interface View {
  managed: boolean;
  matrix: Record<string, string[]>;
  overriddenAtStore: { role: string; permission: string; granted: boolean }[];
}

describe.each(BACKENDS)('the owner edits a store permission matrix on %s', (kind) => {
  const clouds = tenantClouds(kind);

  async function setup() {
    const { cloud, tenant, owner } = await clouds.withOwner();
    return { cloud, tenant, owner, url: `/api/stores/${tenant.storeId}/permissions` };
  }

  async function written(c: Cloud, tenant: TestTenant) {
    const db = c.ctx.database.db;
    const rows = await db.select().from(rolePermissions).where(eq(rolePermissions.storeId, tenant.storeId));
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.storeId, tenant.storeId), eq(auditLog.source, 'cloud')));
    return { rows: rows.length, audits: audits.length };
  }

  /** The store's POS changed a cell before the owner took the matrix over: it arrives as an audit entry. */
  async function pushPosEdit(c: Cloud, tenant: TestTenant, seq: number, edit: { role: string; permission: string; granted: boolean }) {
    const edge = await enrolEdge(c, tenant);
    const at = new Date().toISOString();
    const response = await c.app.inject({
      method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${edge.credential}` },
      payload: {
        storeId: tenant.storeId, nodeId: edge.nodeId, epoch: 1,
        mutations: [{ seq, mutationId: newId(), name: 'audit.append', createdAt: at, args: { id: newId(), at, action: 'permissions.set', staffId: 'manager-1', approvedBy: 'manager-1', deviceId: null, orderId: null, detail: { ...edit, was: !edit.granted } } }],
      },
    });
    expect(response.statusCode).toBe(200);
  }

  it('shows the defaults with the POS changes replayed until the owner saves, then every cell is the owner\'s', async () => {
    const { cloud: c, tenant, owner, url } = await setup();
    await pushPosEdit(c, tenant, 1, { role: 'cashier', permission: 'refund', granted: true });
    const before = await owner.call<View>('GET', url);
    expect(before.status).toBe(200);
    expect(before.body.managed).toBe(false);
    expect(before.body.matrix.cashier).toEqual(PERMISSIONS.filter((p) => p === 'refund' || DEFAULT_ROLE_PERMISSIONS.cashier.includes(p)));
    expect(before.body.matrix.owner).toEqual([...PERMISSIONS]);

    const saved = await owner.call<View>('PUT', url, { changes: [{ role: 'server', permission: 'comp', granted: true }, { role: 'manager', permission: 'reports.closeDay', granted: false }] });
    expect(saved.status).toBe(200);
    expect(saved.body.managed).toBe(true);
    expect(saved.body.matrix.server).toContain('comp');
    expect(saved.body.matrix.manager).not.toContain('reports.closeDay');
    // The POS's change before the owner took over is kept.
    expect(saved.body.matrix.cashier).toContain('refund');
    const rows = await c.ctx.database.db.select().from(rolePermissions).where(eq(rolePermissions.storeId, tenant.storeId));
    expect(rows).toHaveLength((STAFF_ROLES.length - 1) * PERMISSIONS.length);
    const audits = await c.ctx.database.db.select().from(auditLog).where(and(eq(auditLog.storeId, tenant.storeId), eq(auditLog.source, 'cloud')));
    expect(audits.map((a) => a.action).sort()).toEqual(['permissions.managed', 'permissions.set', 'permissions.set']);
    expect(audits.find((a) => a.action === 'permissions.set' && (a.detail as { role: string }).role === 'manager')?.detail).toMatchObject({ permission: 'reports.closeDay', granted: false, was: true, userId: tenant.ownerId });

    // A second save changes only its cell; a cell set to what it already was is not audited.
    const again = await owner.call<View>('PUT', url, { changes: [{ role: 'server', permission: 'comp', granted: false }, { role: 'cashier', permission: 'discount', granted: true }] });
    expect(again.body.matrix.server).not.toContain('comp');
    expect((await written(c, tenant)).audits).toBe(4);
  });

  it('keeps both of two first saves made at the same moment', async () => {
    const { owner, url } = await setup();
    const [one, two] = await Promise.all([
      owner.call<View>('PUT', url, { changes: [{ role: 'server', permission: 'refund', granted: true }] }),
      owner.call<View>('PUT', url, { changes: [{ role: 'bartender', permission: 'comp', granted: true }] }),
    ]);
    expect([one.status, two.status]).toEqual([200, 200]);
    const view = await owner.call<View>('GET', url);
    expect(view.body.matrix.server).toContain('refund');
    expect(view.body.matrix.bartender).toContain('comp');
  });

  it('serves the owner\'s matrix to the store as the role_permissions shape', async () => {
    const { cloud: c, tenant, owner, url } = await setup();
    const edge = await enrolEdge(c, tenant);
    await owner.call('PUT', url, { changes: [{ role: 'bartender', permission: 'void.line', granted: true }] });
    const shape = await c.app.inject({
      method: 'GET',
      url: `/v1/shape?table=role_permissions&where=${encodeURIComponent('store_id = $1')}&params[1]=${tenant.storeId}&offset=-1`,
      headers: { authorization: `Bearer ${edge.credential}` },
    });
    expect(shape.statusCode).toBe(200);
    const messages = shape.json<{ value?: Record<string, string> }[]>().filter((m) => m.value);
    expect(messages).toHaveLength((STAFF_ROLES.length - 1) * PERMISSIONS.length);
    expect(messages.find((m) => m.value?.role === 'bartender' && m.value.permission === 'void.line')?.value).toMatchObject({ granted: 'true', store_id: tenant.storeId });
  });

  it.each([
    ['an unknown role', { role: 'chef', permission: 'refund', granted: true }, 400, 'ROLE_UNKNOWN'],
    ['an unknown permission', { role: 'cashier', permission: 'launch.rockets', granted: true }, 400, 'PERMISSION_UNKNOWN'],
    ['the owner role', { role: 'owner', permission: 'permissions.edit', granted: false }, 422, 'PERMISSION_LOCKED'],
    ['a granted flag that is not a boolean', { role: 'cashier', permission: 'refund', granted: 'yes' }, 400, 'VALIDATION_FAILED'],
    ['an extra field', { role: 'cashier', permission: 'refund', granted: true, storeId: 'x' }, 400, 'VALIDATION_FAILED'],
  ])('refuses %s and writes nothing, even beside a valid change', async (_name, bad, status, code) => {
    const { cloud: c, tenant, owner, url } = await setup();
    const response = await owner.call<{ error: { code: string } }>('PUT', url, { changes: [{ role: 'server', permission: 'comp', granted: true }, bad] });
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    expect(await written(c, tenant)).toEqual({ rows: 0, audits: 0 });
  });

  it('refuses an empty change list and a body without changes', async () => {
    const { cloud: c, tenant, owner, url } = await setup();
    for (const body of [{ changes: [] }, {}]) {
      const response = await owner.call<{ error: { code: string } }>('PUT', url, body);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect(await written(c, tenant)).toEqual({ rows: 0, audits: 0 });
  });

  it('lets a manager of the organisation look but not change', async () => {
    const { cloud: c, tenant, url } = await setup();
    const email = `manager-${newId()}@example.test`;
    await c.ctx.database.db.insert(users).values({ id: newId(), organisationId: tenant.organisationId, email, name: 'M', role: 'manager', passwordHash: await hashPassword('manager-pass') });
    const manager = await signInAs(c, email, 'manager-pass');
    expect((await manager.call<View>('GET', url)).status).toBe(200);
    const put = await manager.call<{ error: { code: string } }>('PUT', url, { changes: [{ role: 'cashier', permission: 'refund', granted: true }] });
    expect(put.status).toBe(403);
    expect(put.body.error.code).toBe('FORBIDDEN');
    expect(await written(c, tenant)).toEqual({ rows: 0, audits: 0 });
  });

  it('answers another organisation\'s store like one that does not exist, and signed out is refused', async () => {
    const { cloud: c, tenant, url } = await setup();
    const other = await addTenant(c);
    const stranger = await signInAs(c, other.ownerEmail, other.ownerPassword);
    expect((await stranger.call<{ error: { code: string } }>('GET', url)).status).toBe(404);
    const put = await stranger.call<{ error: { code: string } }>('PUT', url, { changes: [{ role: 'cashier', permission: 'refund', granted: true }] });
    expect(put.status).toBe(404);
    expect(put.body.error.code).toBe('NOT_FOUND');
    const anonymous = await c.app.inject({ method: 'GET', url });
    expect(anonymous.statusCode).toBe(401);
    expect(await written(c, tenant)).toEqual({ rows: 0, audits: 0 });
  });
});
