/**
 * The deeper menu in online ordering: the public page carries combos, tags and dayparts;
 * an online order is priced at the online price with its combo components, and breakfast is
 * refused from 11:00 on the store's clock (America/New_York), writing nothing.
 */
import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, type Menu, demoMenu, newId } from '@brigade/sync/model';
import { onlineOrders } from '@brigade/sync/schema/pg';
import type { Cloud } from '../index';
import { BACKENDS } from '../db/test-backends';
import { addTenant, createTestCloud } from '../testing/harness';

type Err = { error: { code: string; message: string } };
type Placed = { order: { lines: { itemId: string; unitPrice: number; components?: { itemId: string }[] }[] } };

describe.each(BACKENDS)('deeper menu online on %s', (kind) => {
  let cloud: Cloud | undefined;
  afterEach(async () => {
    await cloud?.close();
    cloud = undefined;
  });

  it('prices a combo online at its online price and refuses breakfast after 11:00 store time', async () => {
    let clock = new Date('2026-01-15T15:59:00Z'); // 10:59 in New York
    cloud = await createTestCloud(kind, { now: () => clock });
    const tenant = await addTenant(cloud);
    const page = (await cloud.app.inject({ method: 'GET', url: `/api/public/stores/${tenant.storeId}` })).json<{ store: { timezone: string }; menu: Menu }>();
    expect(page.store.timezone).toBe('America/New_York');
    expect(page.menu.items.find((i) => i.id === DEMO.burgerMeal)?.combo?.slots).toHaveLength(3);
    expect(page.menu.items.find((i) => i.id === DEMO.breakfastMuffin)?.daypartIds).toEqual([DEMO.breakfast]);
    expect(page.menu.dayparts?.[0]?.end).toBe('11:00');
    expect(page.menu.items.find((i) => i.id === DEMO.fries)?.dietaryTags).toEqual(['vegan']);

    const place = (lines: unknown[]) => cloud!.app.inject({ method: 'POST', url: `/api/public/stores/${tenant.storeId}/orders`, payload: { orderId: randomUUID(), customerName: 'Ada', diningOption: 'take_out', lines } });
    const meal = demoMenu.items.find((i) => i.id === DEMO.burgerMeal)!;
    const components = [
      { slotId: DEMO.mealMain, itemId: DEMO.burger, modifierOptionIds: [DEMO.medium] },
      { slotId: DEMO.mealSide, itemId: DEMO.fries, modifierOptionIds: [DEMO.small] },
      { slotId: DEMO.mealDrink, itemId: DEMO.cola, modifierOptionIds: [DEMO.small] },
    ];
    const placed = await place([{ lineId: newId(), itemId: DEMO.burgerMeal, quantity: 1, modifierOptionIds: [], components }]);
    expect(placed.statusCode).toBe(201);
    const line = placed.json<Placed>().order.lines[0];
    // Burger, small fries and small cola carry no upcharge or delta in the demo: the line is the online price.
    expect(meal.channelPrices?.online).toBeDefined();
    expect(line?.unitPrice).toBe(meal.channelPrices?.online);
    expect(line?.components?.map((c) => c.itemId)).toEqual([DEMO.burger, DEMO.fries, DEMO.cola]);

    const muffin = () => [{ lineId: newId(), itemId: DEMO.breakfastMuffin, quantity: 1, modifierOptionIds: [] }];
    expect((await place(muffin())).statusCode).toBe(201);
    clock = new Date('2026-01-15T16:00:00Z'); // 11:00 in New York
    const before = (await cloud.ctx.database.db.select({ n: count() }).from(onlineOrders))[0]?.n;
    const refused = await place(muffin());
    expect(refused.statusCode).toBe(409);
    expect(refused.json<Err>().error.code).toBe('ITEM_NOT_AVAILABLE_NOW');
    expect(refused.json<Err>().error.message).toContain('06:00–11:00');
    const missing = await place([{ lineId: newId(), itemId: DEMO.burgerMeal, quantity: 1, modifierOptionIds: [], components: components.slice(0, 2) }]);
    expect(missing.statusCode).toBe(422);
    expect(missing.json<Err>().error.code).toBe('COMBO_CHOICE_REQUIRED');
    expect((await cloud.ctx.database.db.select({ n: count() }).from(onlineOrders))[0]?.n).toBe(before);
  });
});
