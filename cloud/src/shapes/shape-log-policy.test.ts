/**
 * The shape log's rotation and compaction policy, through the real Shape API routes on PGlite
 * and PostgreSQL: a follower far behind gets must-refetch and a snapshot the size of the
 * table (not of the log); compaction deletes what no handle can serve and rotates logs that
 * outgrew their shape, while a follower at the head loses nothing.
 */
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { demoMenu } from '@brigade/sync/model';
import type { Cloud } from '../index';
import { queryRows } from '../db/database';
import { BACKENDS } from '../db/test-backends';
import { type TestTenant, addTenant, createTestCloud, enrolEdge } from '../testing/harness';
import type { LiveWaiters } from './live-waiters';
import { compactShapeLog } from './shape-log-compaction';
import { replayLimit, rotateShape } from './shape-log';

interface ShapeReply {
  readonly status: number;
  readonly handle: string;
  readonly offset: string;
  readonly changes: { key: string; value: Record<string, unknown> }[];
}

describe.each(BACKENDS)('shape log rotation and compaction on %s', (kind) => {
  let cloud: Cloud | undefined;
  afterEach(async () => {
    await cloud?.close();
    cloud = undefined;
  });

  async function setup(settings: { replayCap?: number } = {}) {
    cloud = await createTestCloud(kind, { settings: { longPollMs: 500, ...settings } });
    const c = cloud;
    const db = c.ctx.database.db;
    const follow = async (tenant: TestTenant) => {
      const { credential } = await enrolEdge(c, tenant);
      return async (table: string, position: { offset: string; handle?: string; live?: boolean }): Promise<ShapeReply> => {
        const query = new URLSearchParams({ table, where: 'store_id = $1', 'params[1]': tenant.storeId, offset: position.offset });
        if (position.handle) query.set('handle', position.handle);
        if (position.live) query.set('live', 'true');
        const r = await c.app.inject({ method: 'GET', url: `/v1/shape?${query}`, headers: { authorization: `Bearer ${credential}` } });
        const body = JSON.parse(r.body) as { key?: string; value?: Record<string, unknown> }[];
        return {
          status: r.statusCode,
          handle: String(r.headers['electric-handle']),
          offset: String(r.headers['electric-offset'] ?? ''),
          changes: body.filter((m) => m.key !== undefined).map((m) => ({ key: m.key ?? '', value: m.value ?? {} })),
        };
      };
    };
    /** `times` updates of every row of the store's table, each its own statement, so each row change is one log entry. */
    const touch = async (table: 'menu_items' | 'categories', storeId: string, times: number) => {
      for (let i = 0; i < times; i++) {
        if (table === 'menu_items') await db.execute(sql`UPDATE menu_items SET price = price + 1 WHERE store_id = ${storeId}`);
        else await db.execute(sql`UPDATE categories SET name = name || '.' WHERE store_id = ${storeId}`);
      }
      await c.ctx.changes.kick();
    };
    const logOf = async (table: string, storeId: string) =>
      (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM shape_log WHERE table_name = ${table} AND store_id = ${storeId}`))[0]?.n ?? 0;
    const unreadable = async () =>
      (
        await queryRows<{ n: number }>(
          db,
          sql`SELECT count(*)::int AS n FROM shape_log l
              WHERE NOT EXISTS (SELECT 1 FROM shape_handles h WHERE h.table_name = l.table_name AND h.store_id = l.store_id AND h.start_offset < l."offset")`,
        )
      )[0]?.n ?? 0;
    return { cloud: c, db, follow, touch, logOf, unreadable };
  }

  it('sends a follower far behind a must-refetch and a snapshot of the table, not the log', async () => {
    const { cloud: c, follow, touch } = await setup();
    const tenant = await addTenant(c);
    const get = await follow(tenant);
    const first = await get('menu_items', { offset: '-1' });
    expect(first.status).toBe(200);
    const rows = demoMenu.items.length;
    expect(first.changes).toHaveLength(rows);

    // Three rounds of edits: replayed, well inside the bound.
    await touch('menu_items', tenant.storeId, 3);
    const near = await get('menu_items', { offset: first.offset, handle: first.handle });
    expect(near.status).toBe(200);
    expect(near.handle).toBe(first.handle);
    expect(near.changes).toHaveLength(3 * rows);

    // A long time away: more edits than the replay bound allows.
    const rounds = Math.ceil(replayLimit(rows, c.ctx.settings.rotationFactor) / rows) + 2;
    await touch('menu_items', tenant.storeId, rounds);
    const far = await get('menu_items', { offset: near.offset, handle: near.handle });
    expect(far.status).toBe(409);
    expect(far.handle).not.toBe(first.handle);
    const fresh = await get('menu_items', { offset: '-1', handle: far.handle });
    expect(fresh.status).toBe(200);
    expect(fresh.handle).toBe(far.handle);
    expect(fresh.changes).toHaveLength(rows);
    const prices = await queryRows<{ id: string; price: number }>(c.ctx.database.db, sql`SELECT id, price FROM menu_items WHERE store_id = ${tenant.storeId}`);
    expect(Object.fromEntries(fresh.changes.map((m) => [m.value.id, Number(m.value.price)]))).toEqual(Object.fromEntries(prices.map((p) => [p.id, p.price])));
  });

  it('holds a live follower that comes back behind to the same bound', async () => {
    const { cloud: c, follow, touch } = await setup({ replayCap: 1 });
    const tenant = await addTenant(c);
    const get = await follow(tenant);
    const first = await get('menu_items', { offset: '-1' });
    const rows = first.changes.length;
    // With a cap below the rows, the bound is the rows themselves: one full round is replayed, two are not.
    await touch('menu_items', tenant.storeId, 1);
    const oneRound = await get('menu_items', { offset: first.offset, handle: first.handle, live: true });
    expect(oneRound.status).toBe(200);
    expect(oneRound.changes).toHaveLength(rows);
    await touch('menu_items', tenant.storeId, 2);
    const behind = await get('menu_items', { offset: oneRound.offset, handle: first.handle, live: true });
    expect(behind.status).toBe(409);
    expect(behind.handle).not.toBe(first.handle);
  });

  it('never answers a parked live request with its old handle once the shape was rotated meanwhile', async () => {
    const { cloud: c, db, follow, touch } = await setup();
    const tenant = await addTenant(c);
    const get = await follow(tenant);
    const first = await get('categories', { offset: '-1' });
    const parked = get('categories', { offset: first.offset, handle: first.handle, live: true });
    const waiters = (c.app as unknown as { shapeWaiters: LiveWaiters }).shapeWaiters;
    await expect.poll(() => waiters.parked, { timeout: 5_000 }).toBe(1);
    // Compaction (or another follower) rotates the shape while the request waits; then a change wakes it.
    await rotateShape(db, 'categories', tenant.storeId);
    await touch('categories', tenant.storeId, 1);
    const answer = await parked;
    expect(answer.status).toBe(409);
    expect(answer.handle).not.toBe(first.handle);
  });

  it('compaction deletes what no handle can serve and rotates outgrown logs; a follower at the head loses nothing', async () => {
    const { cloud: c, db, follow, touch, logOf, unreadable } = await setup();
    const followed = await addTenant(c);
    const lateComer = await addTenant(c);
    const nobody = await addTenant(c);
    const get = await follow(followed);
    const getLate = await follow(lateComer);

    // Entries written before anyone followed: the late comer's first snapshot starts after them.
    await touch('categories', lateComer.storeId, 2);
    await touch('categories', nobody.storeId, 2);
    const late = await getLate('categories', { offset: '-1' });
    expect(late.status).toBe(200);

    // The followed store: categories changed a little after the follower's position, menu items a lot.
    const cats = await get('categories', { offset: '-1' });
    const items = await get('menu_items', { offset: '-1' });
    await touch('categories', followed.storeId, 2);
    const rows = items.changes.length;
    await touch('menu_items', followed.storeId, c.ctx.settings.rotationFactor + 2);
    // A second follower at the head of categories.
    const head = await get('categories', { offset: cats.offset, handle: cats.handle });
    expect(head.changes).toHaveLength(2 * demoMenu.categories.length);

    expect(await unreadable()).toBeGreaterThan(0);
    expect(await logOf('menu_items', followed.storeId)).toBeGreaterThan(c.ctx.settings.rotationFactor * rows);
    const result = await compactShapeLog(db, c.ctx.settings.rotationFactor);
    expect(result.rotated).toBe(1);
    expect(await unreadable()).toBe(0);
    expect(await logOf('categories', nobody.storeId)).toBe(0);
    expect(await logOf('categories', lateComer.storeId)).toBe(0);
    expect(await logOf('menu_items', followed.storeId)).toBe(0);
    expect(result.deleted).toBeGreaterThan(c.ctx.settings.rotationFactor * rows);

    // The categories follower that had not read its changes yet still gets every one of them.
    const resumed = await get('categories', { offset: cats.offset, handle: cats.handle });
    expect(resumed.status).toBe(200);
    expect(resumed.changes.map((m) => m.value.name)).toEqual(head.changes.map((m) => m.value.name));
    // The follower at the head sees the next change, and only it.
    await db.execute(sql`UPDATE categories SET name = 'Renamed' WHERE store_id = ${followed.storeId} AND id = ${demoMenu.categories[0]?.id ?? ''}`);
    await c.ctx.changes.kick();
    const next = await get('categories', { offset: head.offset, handle: head.handle });
    expect(next.changes.map((m) => m.value.name)).toEqual(['Renamed']);
    // The outgrown shape was rotated: its follower is told to start again.
    const stale = await get('menu_items', { offset: items.offset, handle: items.handle });
    expect(stale.status).toBe(409);
  });
});
