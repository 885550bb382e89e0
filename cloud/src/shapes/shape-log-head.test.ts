/**
 * A rotation deletes its shape's log entries up to its new start offset. When those were the
 * newest entries in the whole log, the log's head fell below the start: the snapshot then
 * carried an offset before the start and every next request got 409 under the same handle,
 * a refetch loop (found by the sync simulator). The snapshot and the log read now never hand
 * out an offset before the shape's start, nor one behind the follower's own.
 */
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { Cloud } from '../index';
import { queryRows } from '../db/database';
import { BACKENDS } from '../db/test-backends';
import { addTenant, createTestCloud, enrolEdge } from '../testing/harness';
import { rotateShape } from './shape-log';

describe.each(BACKENDS)('a shape rotated at the head of the log on %s', (kind) => {
  let cloud: Cloud | undefined;
  afterEach(async () => {
    await cloud?.close();
    cloud = undefined;
  });

  it('is followed from its snapshot without a 409 under the same handle', async () => {
    cloud = await createTestCloud(kind, { settings: { longPollMs: 300 } });
    const c = cloud;
    const db = c.ctx.database.db;
    const tenant = await addTenant(c);
    const { credential } = await enrolEdge(c, tenant);
    const get = async (query: Record<string, string>) => {
      const params = new URLSearchParams({ table: 'stores', where: 'store_id = $1', 'params[1]': tenant.storeId, ...query });
      const r = await c.app.inject({ method: 'GET', url: `/v1/shape?${params}`, headers: { authorization: `Bearer ${credential}` } });
      return { status: r.statusCode, handle: String(r.headers['electric-handle']), offset: String(r.headers['electric-offset'] ?? '') };
    };
    // The store's own row is the newest change in the log.
    await db.execute(sql`UPDATE stores SET name = 'Renamed' WHERE id = ${tenant.storeId}`);
    await c.ctx.changes.kick();
    const first = await get({ offset: '-1' });
    const newest = await queryRows<{ table_name: string; head: string }>(db, sql`SELECT table_name, "offset"::text AS head FROM shape_log ORDER BY "offset" DESC LIMIT 1`);
    expect(newest[0]?.table_name).toBe('stores');

    const rotated = await rotateShape(db, 'stores', tenant.storeId);
    const head = await queryRows<{ head: string }>(db, sql`SELECT max("offset")::text AS head FROM shape_log`);
    expect(Number(head[0]?.head ?? 0)).toBeLessThan(rotated.startOffset);

    const snapshot = await get({ offset: '-1' });
    expect(snapshot.status).toBe(200);
    expect(snapshot.handle).not.toBe(first.handle);
    expect(Number(snapshot.offset.split('_')[0])).toBeGreaterThanOrEqual(rotated.startOffset);
    const next = await get({ offset: snapshot.offset, handle: snapshot.handle });
    expect(next).toEqual({ status: 200, handle: snapshot.handle, offset: snapshot.offset });
    const live = await get({ offset: snapshot.offset, handle: snapshot.handle, live: 'true' });
    expect(live).toEqual({ status: 200, handle: snapshot.handle, offset: snapshot.offset });
  });
});
