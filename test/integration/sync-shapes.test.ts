/**
 * The cloud's Shape API consumed by the official `@electric-sql/client` in Node, on PGlite and
 * on PostgreSQL: initial snapshot, live updates, rotation (409 → must-refetch → re-snapshot),
 * resuming from a stored offset, and malformed requests refused with stable codes.
 */
import { FetchError, Shape, ShapeStream, type ChangeMessage, type Row } from '@electric-sql/client';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, demoMenu } from '@brigade/sync/model';
import { followShape, type ShapeBatchInfo, type ShapeFollower } from '@brigade/sync/engine';
import { menuItems, stores } from '@brigade/sync/schema/pg';
import { type Cloud, createCloud } from '@brigade/cloud';
import { rotateShape } from '../../cloud/src/shapes/shape-log';
import { BACKENDS, freshPostgresUrl } from '../../cloud/src/db/test-backends';
import { addTenant, createTestCloud, enrolEdge, signInAs } from '../../cloud/src/testing/harness';

describe.each(BACKENDS)('shape API on %s', (kind) => {
  let cloud: Cloud | undefined;
  const cleanups: (() => void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    await cloud?.close();
    cloud = undefined;
  });

  async function setup(settings: { rotationFactor?: number; longPollMs?: number } = {}) {
    cloud = await createTestCloud(kind, { settings: { longPollMs: settings.longPollMs ?? 2_000, ...(settings.rotationFactor ? { rotationFactor: settings.rotationFactor } : {}) } });
    const tenant = await addTenant(cloud);
    const edge = await enrolEdge(cloud, tenant);
    const url = await cloud.app.listen({ port: 0, host: '127.0.0.1' });
    const stream = (table = 'menu_items') => {
      const s = new ShapeStream<Row>({
        url: `${url}/v1/shape`,
        params: { table, where: 'store_id = $1', params: [tenant.storeId] },
        headers: { authorization: `Bearer ${edge.credential}` },
      });
      cleanups.push(() => s.unsubscribeAll());
      return s;
    };
    const setPrice = async (itemId: string, price: number) => {
      await cloud!.ctx.database.db.update(menuItems).set({ price }).where(and(eq(menuItems.storeId, tenant.storeId), eq(menuItems.id, itemId)));
      await cloud!.ctx.changes.kick();
    };
    return { cloud, tenant, edge, url, stream, setPrice, db: cloud.ctx.database.db };
  }

  it('serves the store menu as an initial snapshot the official client parses', async () => {
    const { stream } = await setup();
    const shape = new Shape(stream());
    const rows = await shape.rows;
    expect(rows).toHaveLength(demoMenu.items.length);
    const burger = rows.find((r) => r.id === DEMO.burger);
    expect(burger).toMatchObject({ name: 'Classic Burger', price: 1095, active: true, sold_by_weight: false, tax_rate_ids: [DEMO.taxFood] });
    expect(typeof burger?.price).toBe('number');
  });

  it('delivers a live price change with its transaction id', async () => {
    const { stream, setPrice } = await setup();
    const s = stream();
    const seen: ChangeMessage<Row>[] = [];
    let upToDate = 0;
    s.subscribe((messages) => {
      for (const m of messages) {
        if ('key' in m) seen.push(m);
        else if (m.headers.control === 'up-to-date') upToDate++;
      }
    });
    await expect.poll(() => upToDate, { timeout: 10_000 }).toBeGreaterThan(0);
    const before = seen.length;
    await setPrice(DEMO.fries, 425);
    await expect.poll(() => seen.slice(before).find((m) => m.value.id === DEMO.fries), { timeout: 10_000 }).toBeDefined();
    const change = seen.slice(before).find((m) => m.value.id === DEMO.fries);
    expect(change?.headers.operation).toBe('update');
    expect(change?.value.price).toBe(425);
    expect(change?.headers.txids?.[0]).toBeGreaterThan(0);
  });

  it('rotates a shape: the follower gets must-refetch and a complete new snapshot to replace its rows', async () => {
    const { tenant, edge, url, setPrice, cloud: c } = await setup();
    const batches: { ids: string[]; info: ShapeBatchInfo }[] = [];
    const follower: ShapeFollower = followShape({
      url, table: 'menu_items', storeId: tenant.storeId, credential: edge.credential,
      onBatch: (messages, info) => {
        batches.push({ ids: messages.map((m) => m.value.id as string), info });
      },
    });
    cleanups.push(() => follower.stop());
    await expect.poll(() => batches.length, { timeout: 10_000 }).toBe(1);
    expect(batches[0]?.info.reset).toBe(true);
    expect(batches[0]?.ids.sort()).toEqual(demoMenu.items.map((i) => i.id).sort());
    const firstHandle = batches[0]?.info.handle;
    await rotateShape(c.ctx.database.db, 'menu_items', tenant.storeId);
    await setPrice(DEMO.cola, 275);
    await expect.poll(() => batches.find((b) => b.info.handle !== firstHandle), { timeout: 15_000 }).toBeDefined();
    const rotated = batches.find((b) => b.info.handle !== firstHandle);
    expect(rotated?.info.reset).toBe(true);
    expect(rotated?.ids).toHaveLength(demoMenu.items.length);
  });

  it('rotates by itself when the log outgrows the shape', async () => {
    const { stream, setPrice } = await setup({ rotationFactor: 1 });
    const first = new Shape(stream());
    await first.rows;
    const handle = first.handle;
    for (let i = 0; i < 12; i++) await setPrice(DEMO.beer, 700 + i);
    const again = new Shape(stream());
    const rows = await again.rows;
    expect(again.handle).not.toBe(handle);
    expect(rows.find((r) => r.id === DEMO.beer)?.price).toBe(711);
  });

  it('resumes from a stored handle and offset without a new snapshot', async () => {
    const { tenant, edge, url, setPrice } = await setup();
    const first: ShapeBatchInfo[] = [];
    const f1 = followShape({ url, table: 'stores', storeId: tenant.storeId, credential: edge.credential, onBatch: (_m, info) => void first.push(info) });
    await expect.poll(() => first.length, { timeout: 10_000 }).toBe(1);
    f1.stop();
    const stored = first[0]!;
    await cloud!.ctx.database.db.update(stores).set({ name: 'Renamed Diner' }).where(eq(stores.id, tenant.storeId));
    await setPrice(DEMO.fries, 400);
    const resumed: { names: unknown[]; info: ShapeBatchInfo }[] = [];
    const f2 = followShape({
      url, table: 'stores', storeId: tenant.storeId, credential: edge.credential, handle: stored.handle, offset: stored.offset,
      onBatch: (messages, info) => void resumed.push({ names: messages.map((m) => m.value.name), info }),
    });
    cleanups.push(() => f2.stop());
    await expect.poll(() => resumed.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(resumed[0]).toMatchObject({ names: ['Renamed Diner'], info: { reset: false, handle: stored.handle } });
  });

  describe('bad requests', () => {
    let shared: { cloud: Cloud; url: string; edge: { credential: string }; tenant: { storeId: string } } | undefined;
    beforeAll(async () => {
      const c = await createTestCloud(kind);
      const tenant = await addTenant(c);
      const edge = await enrolEdge(c, tenant);
      shared = { cloud: c, tenant, edge, url: await c.app.listen({ port: 0, host: '127.0.0.1' }) };
    });
    afterAll(async () => {
      await shared?.cloud.close();
    });

    it.each([
      ['an unknown table', 'table=users&offset=-1&where=store_id%20%3D%20%241&params%5B1%5D=S', 'SHAPE_TABLE_UNKNOWN'],
      ['another where clause', 'table=menu_items&offset=-1&where=true&params%5B1%5D=S', 'SHAPE_WHERE_UNSUPPORTED'],
      ['an injected where clause', 'table=menu_items&offset=-1&where=store_id%20%3D%20%241%20OR%201%3D1&params%5B1%5D=S', 'SHAPE_WHERE_UNSUPPORTED'],
      ['no store parameter', 'table=menu_items&offset=-1&where=store_id%20%3D%20%241', 'SHAPE_PARAMS_INVALID'],
      ['a second parameter', 'table=menu_items&offset=-1&where=store_id%20%3D%20%241&params%5B1%5D=S&params%5B2%5D=x', 'SHAPE_PARAMS_INVALID'],
      ['a malformed offset', 'table=menu_items&offset=abc&where=store_id%20%3D%20%241&params%5B1%5D=S', 'SHAPE_OFFSET_INVALID'],
      ['an offset without handle', 'table=menu_items&offset=3_0&where=store_id%20%3D%20%241&params%5B1%5D=S', 'SHAPE_HANDLE_REQUIRED'],
      ['live=maybe', 'table=menu_items&offset=now&handle=ab-1&live=maybe&where=store_id%20%3D%20%241&params%5B1%5D=S', 'SHAPE_PARAMS_INVALID'],
    ])('refuses %s with 400 and a stable code', async (_name, query, code) => {
      const { url, edge, tenant } = shared!;
      const response = await fetch(`${url}/v1/shape?${query.replace('=S', `=${tenant.storeId}`)}`, { headers: { authorization: `Bearer ${edge.credential}` } });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
    });

    it('refuses another store and a missing credential', async () => {
      const { url, edge, cloud: c } = shared!;
      const other = await addTenant(c);
      const query = `table=menu_items&offset=-1&where=store_id%20%3D%20%241&params%5B1%5D=${other.storeId}`;
      const foreign = await fetch(`${url}/v1/shape?${query}`, { headers: { authorization: `Bearer ${edge.credential}` } });
      expect(foreign.status).toBe(403);
      const anonymous = await fetch(`${url}/v1/shape?${query}`);
      expect(anonymous.status).toBe(401);
    });
  });

  it('surfaces a 400 to the official client as a fatal FetchError', async () => {
    const { url, edge, tenant } = await setup();
    const s = new ShapeStream({ url: `${url}/v1/shape`, params: { table: 'menu_items', where: 'price > 0', params: [tenant.storeId] }, headers: { authorization: `Bearer ${edge.credential}` } });
    cleanups.push(() => s.unsubscribeAll());
    const errors: unknown[] = [];
    s.subscribe(() => undefined, (error) => void errors.push(error));
    await expect.poll(() => errors.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(errors[0]).toBeInstanceOf(FetchError);
    expect((errors[0] as FetchError).status).toBe(400);
  });

  it('publishes concurrent writers in commit order so followers converge', async () => {
    const { stream, tenant, db, cloud: c } = await setup();
    const shape = new Shape(stream());
    await shape.rows;
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        db.transaction(async (tx) => {
          await tx.execute(sql`UPDATE menu_items SET price = price + 1 WHERE store_id = ${tenant.storeId} AND id = ${DEMO.burger}`);
          await tx.execute(sql`UPDATE menu_items SET sort_order = ${i} WHERE store_id = ${tenant.storeId} AND id = ${DEMO.fries}`);
        }),
      ),
    );
    await c.ctx.changes.kick();
    const truth = (await db.select().from(menuItems).where(eq(menuItems.storeId, tenant.storeId))).find((r) => r.id === DEMO.burger);
    expect(truth?.price).toBe(1095 + 12);
    await expect.poll(async () => (await shape.rows).find((r) => r.id === DEMO.burger)?.price, { timeout: 10_000 }).toBe(1107);
    const fries = (await db.select().from(menuItems).where(eq(menuItems.storeId, tenant.storeId))).find((r) => r.id === DEMO.fries);
    await expect.poll(async () => (await shape.rows).find((r) => r.id === DEMO.fries)?.sort_order, { timeout: 10_000 }).toBe(fries?.sortOrder);
  });
});

describe('shape API across cloud processes on PostgreSQL', () => {
  it('wakes a live follower on one process when another process edits the menu (LISTEN/NOTIFY)', async () => {
    const databaseUrl = await freshPostgresUrl();
    const reader = await createCloud({ databaseUrl, settings: { longPollMs: 15_000 } });
    const writer = await createCloud({ databaseUrl });
    try {
      const tenant = await addTenant(reader);
      const edge = await enrolEdge(reader, tenant);
      const url = await reader.app.listen({ port: 0, host: '127.0.0.1' });
      const seen: number[] = [];
      const follower = followShape({
        url, table: 'menu_items', storeId: tenant.storeId, credential: edge.credential,
        onBatch: (messages) => {
          for (const m of messages) if (m.value.id === DEMO.cola) seen.push(Number(m.value.price));
        },
      });
      try {
        await expect.poll(() => follower.status().upToDate, { timeout: 10_000 }).toBe(true);
        const owner = await signInAs(writer, tenant.ownerEmail, tenant.ownerPassword);
        expect((await owner.call('PATCH', `/api/menus/${tenant.menuId}/items/${DEMO.cola}`, { price: 260 })).status).toBe(200);
        await expect.poll(() => seen[seen.length - 1], { timeout: 10_000 }).toBe(260);
      } finally {
        follower.stop();
      }
    } finally {
      await writer.close();
      await reader.close();
    }
  });
});
