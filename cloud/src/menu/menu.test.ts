import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DEMO, demoMenu, type Menu } from '@brigade/sync/model';
import { menuItems, menus, modifierGroups, shapeLog } from '@brigade/sync/schema/pg';
import { BACKENDS } from '../db/test-backends';
import { tenantClouds } from '../testing/harness';

type Err = { error: { code: string } };

describe.each(BACKENDS)('menu editing on %s', (kind) => {
  const clouds = tenantClouds(kind);

  async function setup() {
    const { cloud, tenant, owner, db } = await clouds.withOwner();
    const logCount = async () => (await db.select({ n: count() }).from(shapeLog).where(eq(shapeLog.storeId, tenant.storeId)))[0]?.n ?? 0;
    const storeItem = async (id: string) => (await db.select().from(menuItems).where(and(eq(menuItems.storeId, tenant.storeId), eq(menuItems.id, id))))[0];
    const version = async () => (await db.select().from(menus).where(eq(menus.id, tenant.menuId)))[0]?.version;
    return { cloud, tenant, owner, db, logCount, storeItem, version };
  }

  it('creates an item, changes its price and photo, and each edit reaches the store rows and the shape log', async () => {
    const { cloud, owner, tenant, logCount, storeItem } = await setup();
    const before = await logCount();
    const created = await owner.call<{ item: { id: string }; version: number }>('POST', `/api/menus/${tenant.menuId}/items`, {
      item: { id: 'item-shake', categoryId: 'cat-drinks', name: 'Milkshake', description: 'Vanilla', price: 550, taxRateIds: [DEMO.taxFood], stationId: DEMO.drinks, modifierGroupIds: [DEMO.size], sortOrder: 9, active: true },
    });
    expect(created.status).toBe(201);
    expect(created.body.version).toBe(2);
    expect(await storeItem('item-shake')).toMatchObject({ name: 'Milkshake', price: 550 });
    const afterCreate = await logCount();
    expect(afterCreate).toBe(before + 1);

    const priced = await owner.call('PATCH', `/api/menus/${tenant.menuId}/items/item-shake`, { price: 595, imageUrl: 'https://cdn.example.test/shake.jpg', version: 2 });
    expect(priced.status).toBe(200);
    expect(await storeItem('item-shake')).toMatchObject({ price: 595, imageUrl: 'https://cdn.example.test/shake.jpg' });
    expect(await logCount()).toBe(afterCreate + 1);

    const group = await owner.call<{ group: { id: string; options: { id: string }[] } }>('POST', `/api/menus/${tenant.menuId}/modifier-groups`, {
      group: { name: 'Toppings', min: 0, max: 2, options: [{ name: 'Sprinkles', priceDelta: 50 }, { name: 'Cream', priceDelta: 75 }] },
    });
    expect(group.status).toBe(201);
    const rows = await cloud.ctx.database.db.select().from(modifierGroups).where(and(eq(modifierGroups.storeId, tenant.storeId), eq(modifierGroups.id, group.body.group.id)));
    expect(rows[0]?.name).toBe('Toppings');
    expect(group.body.group.options).toHaveLength(2);
  });

  it('refuses bad edits with a stable code and changes nothing', async () => {
    const { cloud, owner, tenant, logCount, storeItem, version } = await setup();
    const before = await logCount();
    const item = { categoryId: 'cat-drinks', name: 'X', description: '', price: 100, taxRateIds: [DEMO.taxFood], stationId: DEMO.drinks, modifierGroupIds: [], sortOrder: 1, active: true };
    const oversized: Menu = { ...demoMenu, items: Array.from({ length: 2_001 }, (_, i) => ({ ...demoMenu.items[0]!, id: `i-${i}` as Menu['items'][number]['id'] })) };
    const cases: [Promise<{ status: number; body: unknown }>, number, string][] = [
      [owner.call('POST', `/api/menus/${tenant.menuId}/items`, { item: { ...item, categoryId: 'cat-nope' } }), 422, 'MENU_INVALID'],
      [owner.call('POST', `/api/menus/${tenant.menuId}/items`, { item: { ...item, taxRateIds: ['tax-nope'] } }), 422, 'MENU_INVALID'],
      [owner.call('POST', `/api/menus/${tenant.menuId}/items`, { item: { ...item, price: -5 } }), 400, 'VALIDATION_FAILED'],
      [owner.call('POST', `/api/menus/${tenant.menuId}/items`, { item: { ...item, id: DEMO.burger } }), 422, 'MENU_INVALID'],
      [owner.call('PATCH', `/api/menus/${tenant.menuId}/items/${DEMO.fries}`, { price: 1, version: 99 }), 409, 'MENU_VERSION_CONFLICT'],
      [owner.call('PATCH', `/api/menus/${tenant.menuId}/items/${DEMO.fries}`, { imageUrl: 'javascript:alert(1)' }), 400, 'VALIDATION_FAILED'],
      [owner.call('PATCH', `/api/menus/${tenant.menuId}/items/item-nope`, { price: 1 }), 422, 'ITEM_UNKNOWN'],
      [owner.call('POST', `/api/menus/${tenant.menuId}/modifier-groups`, { group: { name: 'G', min: 3, max: 2, options: [{ name: 'a', priceDelta: 0 }] } }), 422, 'MENU_INVALID'],
      [owner.call('PUT', `/api/menus/${tenant.menuId}`, { version: 1, menu: oversized }), 400, 'VALIDATION_FAILED'],
    ];
    for (const [pending, status, code] of cases) {
      const response = await pending;
      expect(response.status, code).toBe(status);
      expect((response.body as Err).error.code).toBe(code);
    }
    const huge = await cloud.app.inject({ method: 'PUT', url: `/api/menus/${tenant.menuId}`, headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' }, payload: JSON.stringify({ version: 1, menu: { ...oversized, items: oversized.items.map((i) => ({ ...i, description: 'x'.repeat(1_500) })) } }) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json<Err>().error.code).toBe('BODY_TOO_LARGE');
    expect(await version()).toBe(1);
    expect(await logCount()).toBe(before);
    expect((await storeItem(DEMO.fries))?.price).toBe(395);
  });

  it('replaces a whole menu and removes items no longer on it from the store', async () => {
    const { owner, tenant, storeItem } = await setup();
    const fetched = await owner.call<{ menu: Menu; version: number }>('GET', `/api/menus/${tenant.menuId}`);
    const next = { ...fetched.body.menu, items: fetched.body.menu.items.filter((i) => i.id !== DEMO.beer) };
    const replaced = await owner.call('PUT', `/api/menus/${tenant.menuId}`, { version: fetched.body.version, menu: next });
    expect(replaced.status).toBe(200);
    expect(await storeItem(DEMO.beer)).toBeUndefined();
    expect(await storeItem(DEMO.cola)).toBeDefined();
  });
});
