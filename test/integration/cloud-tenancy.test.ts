/**
 * Tenant isolation: a second organisation's owner walks every owner endpoint with the first
 * organisation's ids and can neither read nor change anything of it; its store credential
 * can neither push into nor follow the first one's store. A foreign id answers like a
 * missing one (404), so ids cannot be probed.
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, newId, withCheckDigit } from '@brigade/sync/model';
import { diningTables, enrolmentCodes, menuItems, menus, rolePermissions, storeCredentials, stores } from '@brigade/sync/schema/pg';
import { type Cloud, registeredRoutes } from '@brigade/cloud';
import { BACKENDS } from '../../cloud/src/db/test-backends';
import { type ApiClient, type TestTenant, addTenant, createTestCloud, enrolEdge, makeOrder, signInAs, snapshotMutation } from '../../cloud/src/testing/harness';

describe.each(BACKENDS)('tenant isolation on %s', (kind) => {
  const CARD_OF_A = withCheckDigit('627100000000042');
  const ONLINE_ORDER_OF_A = '0190a5b2-3c4d-7e5f-8a6b-7c8d9e0f1a2b';
  let cloud: Cloud;
  let a: TestTenant;
  let b: TestTenant;
  let intruder: ApiClient;
  let edgeA: { nodeId: string; credential: string };
  let edgeB: { nodeId: string; credential: string };
  let tableA: string;

  beforeAll(async () => {
    cloud = await createTestCloud(kind);
    a = await addTenant(cloud);
    b = await addTenant(cloud);
    edgeA = await enrolEdge(cloud, a);
    edgeB = await enrolEdge(cloud, b);
    intruder = await signInAs(cloud, b.ownerEmail, b.ownerPassword);
    const ownerA = await signInAs(cloud, a.ownerEmail, a.ownerPassword);
    tableA = (await ownerA.call<{ table: { id: string } }>('POST', `/api/stores/${a.storeId}/tables`, { label: 'A1' })).body.table.id;
    // A gift card of the first tenant, activated at its store.
    const entry = { id: newId(), ledger: 'gift', account: CARD_OF_A, kind: 'activate', delta: 5000, orderId: null, occurredAt: new Date().toISOString() };
    await cloud.app.inject({ method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${edgeA.credential}` }, payload: { storeId: a.storeId, nodeId: edgeA.nodeId, epoch: 1, mutations: [{ seq: 1, mutationId: newId(), createdAt: entry.occurredAt, name: 'gift.entry', args: entry }] } });
    expect((await ownerA.call('GET', `/api/ledgers/gift/${CARD_OF_A}`)).status).toBe(200);
  });
  afterAll(async () => {
    await cloud.close();
  });

  const item = { categoryId: 'cat-drinks', name: 'Stolen', description: '', price: 1, taxRateIds: [DEMO.taxFood], stationId: DEMO.drinks, modifierGroupIds: [], sortOrder: 1, active: true };
  const walk = (): [string, string, unknown?][] => [
    ['GET', `/api/stores/${a.storeId}`],
    ['PUT', `/api/stores/${a.storeId}/online-ordering`, { paused: true }],
    ['POST', `/api/stores/${a.storeId}/enrolment-codes`],
    ['DELETE', `/api/stores/${a.storeId}/credentials`],
    ['GET', `/api/stores/${a.storeId}/sync-health`],
    ['GET', `/api/stores/${a.storeId}/sales/today`],
    ['GET', `/api/menus/${a.menuId}`],
    ['PUT', `/api/menus/${a.menuId}`, { version: 1, menu: { currency: 'USD', taxInclusive: false, categories: [], items: [], modifierGroups: [], taxRates: [], stations: [] } }],
    ['POST', `/api/menus/${a.menuId}/items`, { item }],
    ['PATCH', `/api/menus/${a.menuId}/items/${DEMO.fries}`, { price: 1 }],
    ['PUT', `/api/menus/${a.menuId}/dayparts`, { dayparts: [] }],
    ['POST', `/api/menus/${a.menuId}/modifier-groups`, { group: { name: 'G', min: 0, max: 1, options: [{ name: 'o', priceDelta: 0 }] } }],
    ['POST', '/api/stores', { name: 'Sneaky', timezone: 'UTC', menuId: a.menuId }],
    ['GET', `/api/stores/${a.storeId}/tables`],
    ['POST', `/api/stores/${a.storeId}/tables`, { label: 'B1' }],
    ['POST', `/api/stores/${a.storeId}/tables/${tableA}/rotate`],
    ['GET', `/api/stores/${a.storeId}/tables/${tableA}/qr.svg`],
    ['GET', `/api/ledgers/gift/${CARD_OF_A}`],
    ['GET', `/api/stores/${a.storeId}/online-orders`],
    ['POST', `/api/stores/${a.storeId}/online-orders/${ONLINE_ORDER_OF_A}/refund`],
    ['GET', `/api/stores/${a.storeId}/drawer-sessions`],
    ['GET', `/api/stores/${a.storeId}/timesheets`],
    ['GET', `/api/stores/${a.storeId}/z-reports`],
    ['GET', `/api/stores/${a.storeId}/permissions`],
    ['PUT', `/api/stores/${a.storeId}/permissions`, { changes: [{ role: 'cashier', permission: 'refund', granted: true }] }],
  ];

  it('answers 404 to every owner endpoint named with the other tenant’s ids', async () => {
    for (const [method, url, payload] of walk()) {
      const response = await intruder.call<{ error: { code: string } }>(method as 'GET', url, payload);
      expect(response.status, `${method} ${url}`).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
  });

  it('walks every owner route registered by the app', () => {
    const walked = new Set(walk().map(([method, url]) => `${method} ${url.replace(a.storeId, ':id').replace(a.menuId, ':id').replace(DEMO.fries, ':itemId').replace(tableA, ':tableId').replace('qr.svg', 'qr.:format').replace(`gift/${CARD_OF_A}`, ':ledger/:account').replace(ONLINE_ORDER_OF_A, ':orderId')}`));
    walked.add('GET /api/stores').add('GET /api/menus');
    const ownerRoutes = registeredRoutes(cloud.app).filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/public/') && !r.url.startsWith('/api/auth/') && r.url !== '/api/me');
    for (const route of ownerRoutes) expect(walked, `${route.method} ${route.url} is not walked`).toContain(`${route.method} ${route.url}`);
  });

  it('lists only its own stores and menus', async () => {
    const listed = await intruder.call<{ stores: { id: string }[] }>('GET', '/api/stores');
    expect(listed.body.stores.map((s) => s.id)).toEqual([b.storeId]);
    const menuList = await intruder.call<{ menus: { id: string }[] }>('GET', '/api/menus');
    expect(menuList.body.menus.map((m) => m.id)).toEqual([b.menuId]);
  });

  it('left the first tenant untouched', async () => {
    const db = cloud.ctx.database.db;
    const store = (await db.select().from(stores).where(eq(stores.id, a.storeId)))[0];
    expect(store?.onlineOrderingPaused).toBe(false);
    expect((await db.select().from(menus).where(eq(menus.id, a.menuId)))[0]?.version).toBe(1);
    expect((await db.select({ n: count() }).from(enrolmentCodes).where(and(eq(enrolmentCodes.storeId, a.storeId), eq(enrolmentCodes.createdBy, b.ownerId))))[0]?.n).toBe(0);
    expect((await db.select({ n: count() }).from(stores).where(eq(stores.name, 'Sneaky')))[0]?.n).toBe(0);
    const fries = (await db.select().from(menuItems).where(and(eq(menuItems.storeId, a.storeId), eq(menuItems.id, DEMO.fries))))[0];
    expect(fries?.price).toBe(395);
    const tables = await db.select().from(diningTables).where(eq(diningTables.storeId, a.storeId));
    expect(tables.map((t) => [t.label, t.tokenVersion])).toEqual([['A1', 1]]);
    expect(await db.select().from(rolePermissions).where(eq(rolePermissions.storeId, a.storeId))).toEqual([]);
    const live = await db.select().from(storeCredentials).where(eq(storeCredentials.storeId, a.storeId));
    expect(live.every((c) => c.revokedAt === null)).toBe(true);
  });

  it('keeps store credentials to their own store for push and shapes', async () => {
    const intoA = await cloud.app.inject({ method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${edgeB.credential}` }, payload: { storeId: a.storeId, nodeId: edgeB.nodeId, epoch: 1, mutations: [] } });
    expect(intoA.statusCode).toBe(403);
    const nodeOfA = await cloud.app.inject({ method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${edgeB.credential}` }, payload: { storeId: b.storeId, nodeId: edgeA.nodeId, epoch: 1, mutations: [] } });
    // A credential speaks for the node it was issued to only.
    expect(nodeOfA.statusCode).toBe(403);
    const shape = await cloud.app.inject({ method: 'GET', url: `/v1/shape?table=menu_items&offset=-1&where=${encodeURIComponent('store_id = $1')}&params%5B1%5D=${a.storeId}`, headers: { authorization: `Bearer ${edgeB.credential}` } });
    expect(shape.statusCode).toBe(403);
  });

  it('refuses an order snapshot that reuses an order id of the other tenant', async () => {
    const order = makeOrder();
    const push = (credential: string, storeId: string, nodeId: string) =>
      cloud.app.inject({ method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${credential}` }, payload: { storeId, nodeId, epoch: 7, mutations: [snapshotMutation(1, order)] } });
    expect((await push(edgeA.credential, a.storeId, edgeA.nodeId)).json<{ results: { status: string }[] }>().results[0]?.status).toBe('applied');
    const clash = (await push(edgeB.credential, b.storeId, edgeB.nodeId)).json<{ results: { status: string; code?: string }[] }>();
    expect(clash.results[0]).toMatchObject({ status: 'rejected', code: 'ORDER_OTHER_STORE' });
  });
});
