import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '@brigade/sync/model';
import { users } from '@brigade/sync/schema/pg';
import type { Cloud } from '../index';
import { BACKENDS } from '../db/test-backends';
import { addTenant, createTestCloud, signInAs } from '../testing/harness';
import { hashPassword, verifyPassword } from './passwords';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one or a tampered hash', async () => {
    const hash = await hashPassword('brigade-demo');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('brigade-demo', hash)).toBe(true);
    expect(await verifyPassword('brigade-dem0', hash)).toBe(false);
    expect(await verifyPassword('brigade-demo', hash.slice(0, -2) + 'AA')).toBe(false);
    expect(await verifyPassword('brigade-demo', 'md5$abc')).toBe(false);
  });
});

describe.each(BACKENDS)('dashboard sign-in on %s', (kind) => {
  let cloud: Cloud | undefined;
  afterEach(async () => {
    await cloud?.close();
    cloud = undefined;
  });

  it('signs in, refreshes (the old refresh token dies) and signs out (the access token dies)', async () => {
    cloud = await createTestCloud(kind);
    const tenant = await addTenant(cloud);
    const login = await cloud.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: tenant.ownerEmail.toUpperCase(), password: tenant.ownerPassword } });
    expect(login.statusCode).toBe(200);
    const pair = login.json<{ accessToken: string; refreshToken: string; user: { role: string; organisationId: string } }>();
    expect(pair.user).toMatchObject({ role: 'owner', organisationId: tenant.organisationId });
    const me = await cloud.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${pair.accessToken}` } });
    expect(me.json()).toMatchObject({ organisationId: tenant.organisationId });

    const refreshed = await cloud.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: pair.refreshToken } });
    expect(refreshed.statusCode).toBe(200);
    const again = await cloud.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: pair.refreshToken } });
    expect(again.statusCode).toBe(401);
    expect(again.json<{ error: { code: string } }>().error.code).toBe('SESSION_EXPIRED');

    const next = refreshed.json<{ accessToken: string }>().accessToken;
    expect((await cloud.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${next}` } })).statusCode).toBe(204);
    const after = await cloud.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${next}` } });
    expect(after.statusCode).toBe(401);
  });

  it('refuses a wrong password and an unknown email alike, and rate-limits guessing', async () => {
    cloud = await createTestCloud(kind);
    const tenant = await addTenant(cloud);
    const wrong = await cloud.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: tenant.ownerEmail, password: 'nope' } });
    const unknown = await cloud.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@example.test', password: 'nope' } });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json()).toEqual(unknown.json());
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await cloud.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: tenant.ownerEmail, password: `guess-${i}` } })).statusCode);
    expect(statuses).toContain(429);
    const limited = await cloud.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: tenant.ownerEmail, password: tenant.ownerPassword } });
    expect(limited.statusCode).toBe(429);
    expect(limited.json<{ error: { code: string } }>().error.code).toBe('RATE_LIMITED');
  });

  it('lets a manager read but not make enrolment codes', async () => {
    cloud = await createTestCloud(kind);
    const tenant = await addTenant(cloud);
    await cloud.ctx.database.db.insert(users).values({ id: newId(), organisationId: tenant.organisationId, email: 'manager@example.test', name: 'M', role: 'manager', passwordHash: await hashPassword('manager-pass') });
    const manager = await signInAs(cloud, 'manager@example.test', 'manager-pass');
    expect((await manager.call('GET', '/api/stores')).status).toBe(200);
    const refused = await manager.call<{ error: { code: string } }>('POST', `/api/stores/${tenant.storeId}/enrolment-codes`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
  });
});
