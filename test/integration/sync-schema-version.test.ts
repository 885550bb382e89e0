/**
 * The shape schema version bumped while a store is partitioned, on PostgreSQL with real edge
 * stores and the official client: the cloud is migrated (an expand-only column) and restarted
 * serving version 2 while store A cannot reach it; A is upgraded to version 2 while still cut
 * off; when the link comes back A's followers get must-refetch and rebuild every synced table,
 * which then equals the cloud's version 2 shape. Store B, never upgraded, keeps its handles
 * and never sees the new column. An edge newer than the cloud is refused and says so, without
 * hammering the cloud.
 */
import { afterEach, expect, it } from 'vitest';
import { DEMO } from '@brigade/sync/model';
import { SHAPE_NAMES } from '@brigade/sync/protocol';
import { sql } from 'drizzle-orm';
import { type Cloud, createCloud } from '@brigade/cloud';
import { type EdgeSync, startEdgeSync } from '../../edge/src/sync';
import { type TestStore, openTestStore } from '../../edge/src/store/test-support';
import { freshPostgresUrl } from '../../cloud/src/db/test-backends';
import { type TestTenant, addTenant, enrolEdge, signInAs } from '../../cloud/src/testing/harness';
import type { CloudSettings } from '../../cloud/src/context';
import { canonicalRows, freshShapeRows } from '../support/shape-rows';

const V2: Partial<CloudSettings> = { shapeSchemaVersion: 2, shapeColumnsSince: { menu_items: { photo_url: 2 } } };
const QUICK = { baseMs: 50, maxMs: 400 };

/** The store's link to the cloud: refuses every request while down, and follows the cloud when it moves. */
function link(base: string) {
  const state = { down: false, base, shapeRequests: 0, refused: 0 };
  const fetchVia: typeof fetch = (input, init) => {
    if (state.down && ++state.refused) return Promise.reject(new TypeError('fetch failed: the store is cut off'));
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname === '/v1/shape') state.shapeRequests++;
    const target = new URL(state.base);
    url.host = target.host;
    return fetch(url, init);
  };
  return { state, fetch: fetchVia };
}

interface Store {
  readonly edge: TestStore;
  readonly tenant: TestTenant;
  readonly credential: string;
  readonly link: ReturnType<typeof link>;
  sync: EdgeSync | null;
}

const open: { stores: Store[]; clouds: Cloud[] } = { stores: [], clouds: [] };
afterEach(async () => {
  for (const s of open.stores.splice(0)) {
    await s.sync?.stop();
    s.edge.cleanup();
  }
  for (const c of open.clouds.splice(0)) await c.close();
});

async function startStore(cloud: Cloud, url: string): Promise<Store> {
  const tenant = await addTenant(cloud);
  const edge = openTestStore({ now: () => new Date() });
  const { credential } = await enrolEdge(cloud, tenant, edge.store.outbox.nodeId);
  const store: Store = { edge, tenant, credential, link: link(url), sync: null };
  open.stores.push(store);
  return store;
}

function runSync(s: Store, url: string, shapeSchemaVersion?: number): EdgeSync {
  s.sync = startEdgeSync({
    store: s.edge.store, cloudUrl: url, storeId: s.tenant.storeId, credential: s.credential, fetch: s.link.fetch,
    heartbeatMs: 200, backoff: QUICK, shapeBackoff: QUICK, ...(shapeSchemaVersion ? { shapeSchemaVersion } : {}),
  });
  return s.sync;
}

/** Every synced table of the store, canonical, beside the cloud's fresh snapshot of it. */
async function compareTables(s: Store, url: string, schemaVersion?: number) {
  const edge: Record<string, string[]> = {};
  const cloud: Record<string, string[]> = {};
  for (const table of SHAPE_NAMES) {
    edge[table] = canonicalRows(s.edge.store.shapes.rows(table));
    cloud[table] = canonicalRows(await freshShapeRows({ url, table, storeId: s.tenant.storeId, credential: s.credential, ...(schemaVersion ? { schemaVersion } : {}) }));
  }
  return { edge, cloud };
}

async function converged(s: Store, url: string, schemaVersion?: number): Promise<boolean> {
  const { edge, cloud } = await compareTables(s, url, schemaVersion);
  return JSON.stringify(edge) === JSON.stringify(cloud);
}

it('rebuilds the synced tables of a store upgraded while partitioned, and leaves a store on the old version alone', async () => {
  const databaseUrl = await freshPostgresUrl();
  const cloud1 = await createCloud({ databaseUrl, settings: { longPollMs: 1_000 } });
  open.clouds.push(cloud1);
  const url1 = await cloud1.app.listen({ port: 0, host: '127.0.0.1' });
  const a = await startStore(cloud1, url1);
  const b = await startStore(cloud1, url1);
  runSync(a, url1);
  runSync(b, url1);
  await expect.poll(async () => (await converged(a, url1)) && (await converged(b, url1)), { timeout: 20_000, interval: 250 }).toBe(true);
  const bHandles = Object.fromEntries(SHAPE_NAMES.map((t) => [t, b.edge.store.shapes.position(t)?.handle]));
  const aHandle = a.edge.store.shapes.position('menu_items')?.handle;
  expect(aHandle).toMatch(/^[0-9a-f]+-\d+$/);

  // A is cut off; the cloud is migrated and restarted on version 2 meanwhile.
  a.link.state.down = true;
  await cloud1.ctx.database.db.execute(sql`ALTER TABLE menu_items ADD COLUMN photo_url text`);
  await cloud1.close();
  open.clouds.splice(open.clouds.indexOf(cloud1), 1);
  const cloud2 = await createCloud({ databaseUrl, settings: { longPollMs: 1_000, ...V2 } });
  open.clouds.push(cloud2);
  const url2 = await cloud2.app.listen({ port: 0, host: '127.0.0.1' });
  a.link.state.base = url2;
  b.link.state.base = url2;

  // The owner sets photos and changes a price for both stores while A is away.
  for (const s of [a, b]) {
    await cloud2.ctx.database.db.execute(sql`UPDATE menu_items SET photo_url = ${`https://img.example/${s.tenant.storeId}/burger.jpg`} WHERE store_id = ${s.tenant.storeId} AND id = ${DEMO.burger}`);
    const owner = await signInAs(cloud2, s.tenant.ownerEmail, s.tenant.ownerPassword);
    expect((await owner.call('PATCH', `/api/menus/${s.tenant.menuId}/items/${DEMO.fries}`, { price: 465 })).status).toBe(200);
  }
  await cloud2.ctx.changes.kick();

  // A is upgraded to version 2 while still cut off (a new release, restarted), then the link returns.
  await a.sync?.stop();
  const refusedBefore = a.link.state.refused;
  runSync(a, url1, 2);
  await expect.poll(() => a.link.state.refused - refusedBefore, { timeout: 10_000 }).toBeGreaterThan(SHAPE_NAMES.length);
  a.link.state.down = false;

  await expect.poll(() => converged(a, url2, 2), { timeout: 20_000, interval: 250 }).toBe(true);
  const aTables = await compareTables(a, url2, 2);
  expect(aTables.edge).toEqual(aTables.cloud);
  const aBurger = a.edge.store.shapes.rows('menu_items').find((r) => r.id === DEMO.burger);
  expect(aBurger?.photo_url).toBe(`https://img.example/${a.tenant.storeId}/burger.jpg`);
  expect(a.edge.store.shapes.position('menu_items')?.handle).toMatch(/-v2$/);
  expect(a.edge.store.queries.menu().menu.items.find((i) => i.id === DEMO.fries)?.price).toBe(465);

  // B never left version 1: same handles, the price change, no photo column.
  await expect.poll(() => converged(b, url2), { timeout: 20_000, interval: 250 }).toBe(true);
  expect(b.edge.store.shapes.rows('menu_items').some((r) => 'photo_url' in r)).toBe(false);
  expect(b.edge.store.shapes.rows('menu_items').find((r) => r.id === DEMO.fries)?.price).toBe(465);
  expect(Object.fromEntries(SHAPE_NAMES.map((t) => [t, b.edge.store.shapes.position(t)?.handle]))).toEqual(bHandles);
});

it('reports a cloud older than the edge and asks again only slowly', async () => {
  const cloud = await createCloud({ databaseUrl: await freshPostgresUrl(), settings: { longPollMs: 1_000 } });
  open.clouds.push(cloud);
  const url = await cloud.app.listen({ port: 0, host: '127.0.0.1' });
  const s = await startStore(cloud, url);
  const sync = runSync(s, url, 2);
  await expect.poll(() => Object.values(sync.status().shapes).map((f) => f.refused), { timeout: 15_000 }).toEqual(SHAPE_NAMES.map(() => 'SHAPE_SCHEMA_TOO_NEW'));
  // One refused request per shape; the followers then wait minutes before asking again (no retry loop).
  expect(s.link.state.shapeRequests).toBe(SHAPE_NAMES.length);
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(s.link.state.shapeRequests).toBe(SHAPE_NAMES.length);
  // Selling and pushing go on.
  expect(sync.status().push.online).toBe(true);
  expect(s.edge.store.shapes.position('menu_items')).toBeNull();
});
