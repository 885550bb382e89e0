/**
 * The deeper menu fields through the owner's routes: combos, nested modifiers, channel
 * prices, dayparts and dietary tags reach the store rows; every bad input is refused with a
 * stable code and changes nothing (menu version, store rows, shape log).
 */
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DEMO, type Menu } from '@brigade/sync/model';
import { menuItems, menus, modifierGroups, shapeLog } from '@brigade/sync/schema/pg';
import { BACKENDS } from '../db/test-backends';
import { tenantClouds } from '../testing/harness';

type Err = { error: { code: string } };

describe.each(BACKENDS)('deeper menu fields on %s', (kind) => {
  const clouds = tenantClouds(kind);

  async function setup() {
    const { tenant, owner, db } = await clouds.withOwner();
    const storeItem = async (id: string) => (await db.select().from(menuItems).where(and(eq(menuItems.storeId, tenant.storeId), eq(menuItems.id, id))))[0];
    const logCount = async () => (await db.select({ n: count() }).from(shapeLog).where(eq(shapeLog.storeId, tenant.storeId)))[0]?.n ?? 0;
    const document = async () => (await db.select().from(menus).where(eq(menus.id, tenant.menuId)))[0];
    return { tenant, owner, db, storeItem, logCount, document };
  }

  it('publishes the demo combo, nested side, breakfast daypart and tags to the store rows', async () => {
    const { tenant, db, storeItem } = await setup();
    const meal = await storeItem(DEMO.burgerMeal);
    expect(meal?.combo).toMatchObject({ slots: [{ id: DEMO.mealMain }, { id: DEMO.mealSide }, { id: DEMO.mealDrink }] });
    expect(meal?.channelPrices).toHaveProperty('online');
    const muffin = await storeItem(DEMO.breakfastMuffin);
    expect(muffin?.dayparts).toEqual([expect.objectContaining({ id: DEMO.breakfast, end: '11:00' })]);
    expect(muffin?.dietaryTags).toContain('vegetarian');
    expect((await storeItem(DEMO.burger))?.dayparts).toBeNull();
    const groups = await db.select().from(modifierGroups).where(eq(modifierGroups.storeId, tenant.storeId));
    expect(groups.find((g) => g.id === DEMO.size)?.kind).toBe('variant');
    const side = groups.find((g) => g.id === DEMO.addSide)?.options as { id: string; childGroupIds?: string[] }[];
    expect(side.find((o) => o.id === DEMO.sideSalad)?.childGroupIds).toEqual([DEMO.dressing]);
  });

  it('edits channel prices, dayparts, tags and a combo, then removes them with null', async () => {
    const { tenant, owner, storeItem } = await setup();
    const url = `/api/menus/${tenant.menuId}`;
    const dayparts = await owner.call('PUT', `${url}/dayparts`, { dayparts: [{ id: DEMO.breakfast, name: 'Breakfast', start: '07:00', end: '10:30' }, { id: 'dp-lunch', name: 'Lunch', start: '11:00', end: '15:00', days: [1, 2, 3, 4, 5] }] });
    expect(dayparts.status).toBe(200);
    expect((await storeItem(DEMO.breakfastMuffin))?.dayparts).toEqual([expect.objectContaining({ start: '07:00', end: '10:30' })]);
    const patched = await owner.call('PATCH', `${url}/items/${DEMO.chickenSandwich}`, {
      channelPrices: { kiosk: 1150, online: 1295 }, daypartIds: ['dp-lunch'], dietaryTags: ['halal'],
    });
    expect(patched.status).toBe(200);
    expect(await storeItem(DEMO.chickenSandwich)).toMatchObject({ channelPrices: { kiosk: 1150, online: 1295 }, dietaryTags: ['halal'], dayparts: [expect.objectContaining({ id: 'dp-lunch' })] });
    const combo = { slots: [{ id: 'slot-drink', name: 'Drink', choices: [{ itemId: DEMO.beer, upcharge: 200 }] }] };
    expect((await owner.call('PATCH', `${url}/items/${DEMO.brulee}`, { combo })).status).toBe(200);
    expect((await storeItem(DEMO.brulee))?.combo).toEqual(combo);
    expect((await owner.call('PATCH', `${url}/items/${DEMO.chickenSandwich}`, { channelPrices: null, daypartIds: null })).status).toBe(200);
    expect(await storeItem(DEMO.chickenSandwich)).toMatchObject({ channelPrices: null, dayparts: null });
    const menu = (await owner.call<{ menu: Menu }>('GET', url)).body.menu;
    const sandwich = menu.items.find((i) => i.id === DEMO.chickenSandwich);
    expect(sandwich && 'channelPrices' in sandwich).toBe(false);
  });

  it('refuses bad deeper fields with a stable code and writes nothing', async () => {
    const { tenant, owner, logCount, storeItem, document } = await setup();
    const before = { log: await logCount(), doc: await document(), meal: await storeItem(DEMO.burgerMeal) };
    const url = `/api/menus/${tenant.menuId}`;
    const menu = before.doc!.document as Menu;
    const withGroups = (groups: Menu['modifierGroups']): Menu => ({ ...menu, modifierGroups: groups });
    const loop = withGroups(menu.modifierGroups.map((g) => (g.id === DEMO.dressing ? { ...g, options: g.options.map((o) => ({ ...o, childGroupIds: [DEMO.addSide] })) } : g)));
    const deep = withGroups([
      ...menu.modifierGroups.map((g) => (g.id === DEMO.dressing ? { ...g, options: g.options.map((o) => ({ ...o, childGroupIds: [DEMO.doneness] })) } : g.id === DEMO.doneness ? { ...g, options: g.options.map((o) => ({ ...o, childGroupIds: [DEMO.extras] })) } : g)),
    ]);
    const slot = (choices: unknown[], extra: Record<string, unknown> = {}) => ({ combo: { slots: [{ id: 's', name: 'Side', choices, ...extra }] } });
    const cases: [string, string, unknown, number, string][] = [
      ['PATCH', `${url}/items/${DEMO.fries}`, { channelPrices: { online: -1 } }, 400, 'VALIDATION_FAILED'],
      ['PATCH', `${url}/items/${DEMO.fries}`, { channelPrices: { drive_thru: 100 } }, 400, 'VALIDATION_FAILED'],
      ['PATCH', `${url}/items/${DEMO.fries}`, { daypartIds: ['dp-nope'] }, 422, 'MENU_INVALID'],
      ['PATCH', `${url}/items/${DEMO.fries}`, { dietaryTags: [''] }, 400, 'VALIDATION_FAILED'],
      ['PATCH', `${url}/items/${DEMO.fries}`, slot([{ itemId: 'item-nope', upcharge: 0 }]), 422, 'MENU_INVALID'],
      ['PATCH', `${url}/items/${DEMO.fries}`, slot([{ itemId: DEMO.burgerMeal, upcharge: 0 }]), 422, 'MENU_INVALID'],
      ['PATCH', `${url}/items/${DEMO.fries}`, slot([{ itemId: DEMO.sweets, upcharge: 0 }]), 422, 'MENU_INVALID'],
      ['PATCH', `${url}/items/${DEMO.fries}`, slot([{ itemId: DEMO.cola, upcharge: -50 }]), 400, 'VALIDATION_FAILED'],
      ['PATCH', `${url}/items/${DEMO.fries}`, slot([{ itemId: DEMO.cola, upcharge: 0 }], { defaultItemId: DEMO.beer }), 422, 'MENU_INVALID'],
      ['PATCH', `${url}/items/${DEMO.fries}`, slot([]), 400, 'VALIDATION_FAILED'],
      ['PUT', `${url}/dayparts`, { dayparts: [{ id: 'dp-x', name: 'X', start: '25:00', end: '11:00' }] }, 400, 'VALIDATION_FAILED'],
      ['PUT', `${url}/dayparts`, { dayparts: [{ id: 'dp-x', name: 'X', start: '09:00', end: '09:00' }] }, 422, 'MENU_INVALID'],
      ['PUT', `${url}/dayparts`, { dayparts: [{ id: 'dp-x', name: 'X', start: '09:00', end: '10:00', days: [7] }] }, 400, 'VALIDATION_FAILED'],
      // The muffin still names the breakfast daypart: removing it would leave a dangling id.
      ['PUT', `${url}/dayparts`, { dayparts: [] }, 422, 'MENU_INVALID'],
      ['POST', `${url}/modifier-groups`, { group: { name: 'Sauce', min: 0, max: 1, options: [{ name: 'Hot', priceDelta: 0, childGroupIds: ['grp-nope'] }] } }, 422, 'MENU_INVALID'],
      ['POST', `${url}/modifier-groups`, { group: { name: 'Sauce', min: 0, max: 1, kind: 'size', options: [{ name: 'Hot', priceDelta: 0 }] } }, 400, 'VALIDATION_FAILED'],
      ['PUT', url, { version: before.doc!.version, menu: loop }, 422, 'MENU_INVALID'],
      ['PUT', url, { version: before.doc!.version, menu: deep }, 422, 'MENU_INVALID'],
      ['PUT', url, { version: before.doc!.version, menu: { ...menu, dayparts: [...(menu.dayparts ?? []), ...(menu.dayparts ?? [])] } }, 422, 'MENU_INVALID'],
    ];
    for (const [method, path, body, status, code] of cases) {
      const response = await owner.call(method as 'PUT', path, body);
      expect(response.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status);
      expect((response.body as Err).error.code).toBe(code);
    }
    expect((await document())?.version).toBe(before.doc!.version);
    expect(await logCount()).toBe(before.log);
    expect(await storeItem(DEMO.burgerMeal)).toEqual(before.meal);
  });
});
