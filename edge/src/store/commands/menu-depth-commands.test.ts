/**
 * The store's order commands with the deeper menu: the breakfast daypart read on the store's
 * wall clock (refused at 11:00 with a clear message, nothing written), a combo with a nested
 * side priced and shown on the kitchen ticket by component, and channel prices.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, type KitchenTicket, type Menu, type Order, demoMenu, newId } from '@brigade/sync/model';
import { type TestStore, actors, createOrder, expectRefused, openTestStore } from '../test-support';

const muffinLine = () => ({ lineId: newId(), itemId: DEMO.breakfastMuffin, quantity: 1, modifierOptionIds: [] });
const mealLine = () => ({
  lineId: newId(), itemId: DEMO.burgerMeal, quantity: 1, modifierOptionIds: [],
  components: [
    { slotId: DEMO.mealMain, itemId: DEMO.chickenSandwich, modifierOptionIds: [DEMO.sideSalad, DEMO.ranch] },
    { slotId: DEMO.mealSide, itemId: DEMO.fries, modifierOptionIds: [DEMO.large] },
    { slotId: DEMO.mealDrink, itemId: DEMO.lemonade, modifierOptionIds: [DEMO.small] },
  ],
});

describe('orders with the deeper menu', () => {
  let t: TestStore | undefined;
  afterEach(() => {
    t?.cleanup();
    t = undefined;
  });

  it('sells breakfast before 11:00 in the store time zone and refuses it from 11:00, writing nothing', async () => {
    t = openTestStore({ timezone: 'America/New_York' });
    t.clock.set('2026-01-15T15:59:00Z'); // 10:59 in New York
    const order = await createOrder(t.store, { lines: [muffinLine()] });
    expect(order.lines.map((l) => l.itemId)).toEqual([DEMO.breakfastMuffin]);
    t.clock.set('2026-01-15T16:00:00Z'); // 11:00 in New York, 16:00 UTC
    await expectRefused(t.store, 'ITEM_NOT_AVAILABLE_NOW', 'order.create', { orderId: newId(), channel: 'counter', diningOption: 'take_out', lines: [muffinLine()] }, actors.cashier);
    await expectRefused(t.store, 'ITEM_NOT_AVAILABLE_NOW', 'order.addLines', { orderId: order.id, lines: [muffinLine()] }, actors.cashier);
    const refusal = await t.store.execute('order.create', newId(), { orderId: newId(), channel: 'counter', diningOption: 'take_out', lines: [muffinLine()] }, actors.cashier).catch((e: unknown) => e);
    expect(String((refusal as Error).message)).toMatch(/Breakfast \(06:00–11:00\)/);
  });

  it('prices a combo with a nested side, fires it, and the ticket lists the components', async () => {
    t = openTestStore();
    const order = await createOrder(t.store, { lines: [mealLine()] });
    const meal = demoMenu.items.find((i) => i.id === DEMO.burgerMeal)!;
    const delta = (id: string) => demoMenu.modifierGroups.flatMap((g) => g.options).find((o) => o.id === id)!.priceDelta;
    const upcharge = (slot: number, itemId: string) => meal.combo!.slots[slot]!.choices.find((c) => c.itemId === itemId)!.upcharge;
    expect(order.lines[0]?.unitPrice).toBe(meal.price + upcharge(0, DEMO.chickenSandwich) + delta(DEMO.sideSalad) + delta(DEMO.ranch) + delta(DEMO.large) + upcharge(2, DEMO.lemonade) + delta(DEMO.small));
    await t.store.execute('order.fire', newId(), { orderId: order.id }, actors.cashier);
    const tickets: KitchenTicket[] = t.store.queries.tickets({});
    const items = tickets.flatMap((k) => k.items).filter((i) => i.lineId === order.lines[0]?.lineId);
    expect(items).toHaveLength(1);
    expect(items[0]?.modifiers).toEqual(['Main: Crispy Chicken Sandwich', '  Side salad', '    - Ranch', 'Side: Fries', '  Large', 'Drink: Lemonade', '  Small']);
  });

  it('refuses a combo missing a slot or with a foreign component, writing nothing', async () => {
    t = openTestStore();
    const line = mealLine();
    const args = (components: unknown[]) => ({ orderId: newId(), channel: 'counter', diningOption: 'take_out', lines: [{ ...line, components }] });
    await expectRefused(t.store, 'COMBO_CHOICE_REQUIRED', 'order.create', args(line.components.slice(0, 2)), actors.cashier);
    await expectRefused(t.store, 'COMBO_INVALID', 'order.create', args([...line.components.slice(0, 2), { slotId: DEMO.mealDrink, itemId: DEMO.beer, modifierOptionIds: [] }]), actors.cashier);
    await expectRefused(t.store, 'MODIFIER_REQUIRED', 'order.create', args([{ ...line.components[0]!, modifierOptionIds: [DEMO.sideSalad] }, ...line.components.slice(1)]), actors.cashier);
    await expectRefused(t.store, 'VALIDATION_FAILED', 'order.create', args([{ ...line.components[0]!, price: 0 }]), actors.cashier);
  });

  it('charges the kiosk its channel price and the counter the base price', async () => {
    t = openTestStore();
    const kioskPrice = 1_111;
    const menu: Menu = { ...demoMenu, items: demoMenu.items.map((i) => (i.id === DEMO.beer ? { ...i, channelPrices: { kiosk: kioskPrice as never } } : i)) };
    t.store.replaceMenu(menu);
    const beer = () => ({ lineId: newId(), itemId: DEMO.beer, quantity: 1, modifierOptionIds: [] });
    const kiosk = (await t.store.execute('order.create', newId(), { orderId: newId(), channel: 'kiosk', diningOption: 'take_out', lines: [beer()] }, actors.kiosk)).result as { order: Order };
    const counter = await createOrder(t.store, { lines: [beer()] });
    expect(kiosk.order.lines[0]?.unitPrice).toBe(kioskPrice);
    expect(counter.lines[0]?.unitPrice).toBe(demoMenu.items.find((i) => i.id === DEMO.beer)!.price);
  });
});
