import { afterEach, describe, expect, it } from 'vitest';
import type { Cloud } from '../index';
import { BACKENDS } from '../db/test-backends';
import { addTenant, createTestCloud, signInAs } from '../testing/harness';

type Err = { error: { code: string } };

describe.each(BACKENDS)('enrolment and store credentials on %s', (kind) => {
  let cloud: Cloud | undefined;
  afterEach(async () => {
    await cloud?.close();
    cloud = undefined;
  });

  it('trades a one-time code for a credential, rotates it and lets the owner revoke it', async () => {
    let now = new Date('2026-05-01T12:00:00Z');
    cloud = await createTestCloud(kind, { now: () => now });
    const c = cloud;
    const tenant = await addTenant(c);
    const owner = await signInAs(c, tenant.ownerEmail, tenant.ownerPassword);
    const push = (credential: string, nodeId: string) =>
      c.app.inject({ method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${credential}` }, payload: { storeId: tenant.storeId, nodeId, epoch: 1, mutations: [] } });

    const code = await owner.call<{ code: string }>('POST', `/api/stores/${tenant.storeId}/enrolment-codes`);
    expect(code.status).toBe(201);
    const enrol = await c.app.inject({ method: 'POST', url: '/sync/enrol', payload: { code: code.body.code.toLowerCase(), nodeId: 'node-1' } });
    expect(enrol.statusCode).toBe(200);
    const first = enrol.json<{ credential: string; storeId: string }>();
    expect(first.storeId).toBe(tenant.storeId);
    const reused = await c.app.inject({ method: 'POST', url: '/sync/enrol', payload: { code: code.body.code, nodeId: 'node-2' } });
    expect(reused.statusCode).toBe(400);
    expect(reused.json<Err>().error.code).toBe('ENROLMENT_CODE_INVALID');
    expect((await push(first.credential, 'node-1')).statusCode).toBe(200);

    const rotated = await c.app.inject({ method: 'POST', url: '/sync/credential/rotate', headers: { authorization: `Bearer ${first.credential}` } });
    const second = rotated.json<{ credential: string }>().credential;
    expect((await push(first.credential, 'node-1')).statusCode).toBe(401);
    expect((await push(second, 'node-1')).statusCode).toBe(200);

    expect((await owner.call<{ revoked: number }>('DELETE', `/api/stores/${tenant.storeId}/credentials`)).body.revoked).toBe(1);
    const revoked = await push(second, 'node-1');
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json<Err>().error.code).toBe('CREDENTIAL_INVALID');

    const late = await owner.call<{ code: string }>('POST', `/api/stores/${tenant.storeId}/enrolment-codes`);
    now = new Date(now.getTime() + 25 * 60 * 60 * 1000);
    const expired = await c.app.inject({ method: 'POST', url: '/sync/enrol', payload: { code: late.body.code, nodeId: 'node-3' } });
    expect(expired.json<Err>().error.code).toBe('ENROLMENT_CODE_INVALID');
    const made = await c.app.inject({ method: 'POST', url: '/sync/enrol', payload: { code: 'ZZZZZ-ZZZZZ', nodeId: 'node-4' } });
    expect(made.statusCode).toBe(400);
  });
});

describe('operations endpoints', () => {
  let cloud: Cloud | undefined;
  afterEach(async () => {
    await cloud?.close();
    cloud = undefined;
  });

  it('answers health, metrics and the API docs, and seeds the demo tenant once', async () => {
    cloud = await createTestCloud('pglite', { seedDemo: true });
    const health = await cloud.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.json()).toEqual({ status: 'ok', database: 'pglite' });
    const metrics = await cloud.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('brigade_cloud_requests_total');
    const docs = await cloud.app.inject({ method: 'GET', url: '/docs/json' });
    const paths = Object.keys(docs.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(expect.arrayContaining(['/sync/push', '/v1/shape', '/api/public/stores/{id}/orders']));
    const owner = await signInAs(cloud, 'owner@demo.brigade', 'brigade-demo');
    const stores = await owner.call<{ stores: { name: string }[] }>('GET', '/api/stores');
    expect(stores.body.stores.map((s) => s.name)).toEqual(['Brigade Demo Diner']);
  });
});
