/**
 * Shape schema versions through the real Shape API route on PGlite and PostgreSQL: a column
 * added by an expand-only migration reaches only followers on its version; a follower whose
 * version changed gets must-refetch and its version's handle; a version newer than the cloud,
 * or a malformed one, is refused with a stable code and writes nothing.
 */
import { DEMO } from '@brigade/sync/model';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cloud } from '../index';
import { queryRows } from '../db/database';
import { BACKENDS } from '../db/test-backends';
import { addTenant, createTestCloud, enrolEdge } from '../testing/harness';
import type { CloudSettings } from '../context';

interface ShapeReply {
  readonly status: number;
  readonly code: string | null;
  readonly handle: string;
  readonly offset: string;
  readonly schema: Record<string, unknown>;
  readonly changes: { key: string; value: Record<string, unknown>; operation: string }[];
}

/** What a migration to version 2 does: an expand-only column on a shape table. */
const V2: Partial<CloudSettings> = { shapeSchemaVersion: 2, shapeColumnsSince: { menu_items: { photo_url: 2 } } };

describe.each(BACKENDS)('shape schema versions on %s', (kind) => {
  let cloud: Cloud | undefined;
  // One cloud per backend, migrated to version 2 once; every test has a tenant of its own.
  beforeAll(async () => {
    cloud = await createTestCloud(kind, { settings: { longPollMs: 300, ...V2 } });
    await cloud.ctx.database.db.execute(sql`ALTER TABLE menu_items ADD COLUMN photo_url text`);
  });
  afterAll(async () => {
    await cloud?.close();
    cloud = undefined;
  });

  async function setup() {
    const c = cloud!;
    const db = c.ctx.database.db;
    const tenant = await addTenant(c);
    const { credential } = await enrolEdge(c, tenant);
    const get = async (query: Record<string, string>): Promise<ShapeReply> => {
      const params = new URLSearchParams({ table: 'menu_items', where: 'store_id = $1', 'params[1]': tenant.storeId, ...query });
      const r = await c.app.inject({ method: 'GET', url: `/v1/shape?${params}`, headers: { authorization: `Bearer ${credential}` } });
      const body = JSON.parse(r.body) as unknown;
      const messages = Array.isArray(body) ? (body as { key?: string; value?: Record<string, unknown>; headers?: { operation?: string } }[]) : [];
      return {
        status: r.statusCode,
        code: Array.isArray(body) ? null : ((body as { error?: { code?: string } }).error?.code ?? null),
        handle: String(r.headers['electric-handle'] ?? ''),
        offset: String(r.headers['electric-offset'] ?? ''),
        schema: JSON.parse(String(r.headers['electric-schema'] ?? '{}')) as Record<string, unknown>,
        changes: messages.filter((m) => m.key !== undefined).map((m) => ({ key: m.key ?? '', value: m.value ?? {}, operation: m.headers?.operation ?? '' })),
      };
    };
    const setPhoto = async (itemId: string, photo_url: string, price?: number) => {
      await db.execute(sql`UPDATE menu_items SET photo_url = ${photo_url}, price = coalesce(${price ?? null}::int, price) WHERE store_id = ${tenant.storeId} AND id = ${itemId}`);
      await c.ctx.changes.kick();
    };
    const handleRows = async (storeId: string) =>
      (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM shape_handles WHERE store_id = ${storeId}`))[0]?.n ?? 0;
    return { c, db, tenant, get, setPhoto, handleRows };
  }

  it('serves a column added in version 2 only to followers on version 2', async () => {
    const { get, setPhoto } = await setup();
    await setPhoto(DEMO.burger, 'https://img.example/burger.jpg');
    const v1 = await get({ offset: '-1' });
    const v2 = await get({ offset: '-1', schema_version: '2' });
    expect(v1.status).toBe(200);
    expect(v2.status).toBe(200);
    expect(Object.keys(v1.schema)).not.toContain('photo_url');
    expect(v2.schema.photo_url).toEqual({ type: 'text' });
    expect(v1.changes.every((m) => !('photo_url' in m.value))).toBe(true);
    expect(v2.changes.find((m) => m.value.id === DEMO.burger)?.value.photo_url).toBe('https://img.example/burger.jpg');
    // The same rows, one column fewer.
    expect(v1.changes.map((m) => m.key)).toEqual(v2.changes.map((m) => m.key));
    expect(v2.handle).toBe(`${v1.handle}-v2`);
    // An edge that never sends a version is on version 1.
    expect((await get({ offset: '-1', schema_version: '1' })).handle).toBe(v1.handle);
  });

  it('projects logged changes onto the follower version', async () => {
    const { get, setPhoto } = await setup();
    const v1 = await get({ offset: '-1' });
    const v2 = await get({ offset: '-1', schema_version: '2' });
    await setPhoto(DEMO.fries, 'https://img.example/fries.jpg', 455);
    const next1 = await get({ offset: v1.offset, handle: v1.handle });
    const next2 = await get({ offset: v2.offset, handle: v2.handle, schema_version: '2' });
    const fries1 = next1.changes.find((m) => m.value.id === DEMO.fries);
    const fries2 = next2.changes.find((m) => m.value.id === DEMO.fries);
    expect(fries1?.value.price).toBe('455');
    expect(fries1?.value).not.toHaveProperty('photo_url');
    expect(fries2?.value).toMatchObject({ price: '455', photo_url: 'https://img.example/fries.jpg' });
    expect(next1.handle).toBe(v1.handle);
    expect(next2.handle).toBe(v2.handle);
  });

  it('sends a follower whose version changed to a new snapshot under its version handle', async () => {
    const { get } = await setup();
    const v1 = await get({ offset: '-1' });
    const upgraded = await get({ offset: v1.offset, handle: v1.handle, schema_version: '2' });
    expect(upgraded.status).toBe(409);
    expect(upgraded.handle).toBe(`${v1.handle}-v2`);
    const downgraded = await get({ offset: v1.offset, handle: `${v1.handle}-v2`, schema_version: '1' });
    expect(downgraded.status).toBe(409);
    expect(downgraded.handle).toBe(v1.handle);
    const live = await get({ offset: v1.offset, handle: v1.handle, schema_version: '2', live: 'true' });
    expect(live.status).toBe(409);
  });

  it('refuses a version newer than the cloud with SHAPE_SCHEMA_TOO_NEW and writes nothing', async () => {
    const { get, tenant, handleRows } = await setup();
    const before = await handleRows(tenant.storeId);
    const refused = await get({ offset: '-1', schema_version: '3' });
    expect(refused.status).toBe(400);
    expect(refused.code).toBe('SHAPE_SCHEMA_TOO_NEW');
    expect(await handleRows(tenant.storeId)).toBe(before);
    // The versions the cloud serves are still served.
    expect((await get({ offset: '-1', schema_version: '2' })).status).toBe(200);
  });

  it('refuses a malformed schema_version with SHAPE_PARAMS_INVALID and writes nothing', async () => {
    const { get, tenant, handleRows } = await setup();
    const before = await handleRows(tenant.storeId);
    for (const value of ['0', '-1', 'two', '1.5', '12345', '']) {
      const refused = await get({ offset: '-1', schema_version: value });
      expect([value, refused.status, refused.code]).toEqual([value, 400, 'SHAPE_PARAMS_INVALID']);
    }
    expect(await handleRows(tenant.storeId)).toBe(before);
  });
});
