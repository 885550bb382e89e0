/**
 * Combos and stock: a meal sold takes each chosen component's recipe out of stock in the
 * payment's transaction and a void gives it back; the meal is 86'd by the stock when a
 * required slot has no choice left that can be made, and comes back with a delivery. The
 * pure rules are checked as properties. Levels are read with plain SQL.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, type ItemId, type Order, type RecipeComponent, consumptionOf, newId, recipeKey } from '@brigade/sync/model';
import { type TestStore, actors, expectRefused, openTestStore, payCash } from '../test-support';
import type { Actor } from '../types';
import { canMakeCombo, consumingLines } from './inventory-combo-stock';
import { levelInSql } from './inventory-test-support';
import { refundAndVoid } from './order-void-test-kit';

let t: TestStore;
const BUNS = newId();
const PATTIES = newId();
const CHICKEN = newId();
const POTATO = newId();
const SYRUP = newId();

async function run(name: string, args: Record<string, unknown>, actor: Actor = actors.manager): Promise<unknown> {
  return (await t.store.execute(name, newId(), args, actor)).result;
}

const unavailable = (itemId: string): boolean =>
  (t.store.db.prepare('SELECT unavailable FROM item_availability WHERE item_id = ?').get(itemId) as { unavailable: number } | undefined)?.unavailable === 1;

function meal(main: 'burger' | 'chicken', quantity = 1) {
  return {
    lineId: newId(), itemId: DEMO.burgerMeal, quantity, modifierOptionIds: [],
    components: [
      main === 'burger'
        ? { slotId: DEMO.mealMain, itemId: DEMO.burger, modifierOptionIds: [DEMO.medium] }
        : { slotId: DEMO.mealMain, itemId: DEMO.chickenSandwich, modifierOptionIds: [] },
      { slotId: DEMO.mealSide, itemId: DEMO.fries, modifierOptionIds: [DEMO.small] },
      { slotId: DEMO.mealDrink, itemId: DEMO.cola, modifierOptionIds: [DEMO.regular] },
    ],
  };
}

async function sellMeal(main: 'burger' | 'chicken', quantity = 1): Promise<Order> {
  const created = await run('order.create', { orderId: newId(), channel: 'counter', diningOption: 'take_out', lines: [meal(main, quantity)] }, actors.cashier) as { order: Order };
  return payCash(t.store, created.order);
}

describe('a combo sold through the store', () => {
  beforeEach(async () => {
    t = openTestStore();
    const define = [[BUNS, 'Buns', 'each'], [PATTIES, 'Patties', 'each'], [CHICKEN, 'Chicken fillets', 'each'], [POTATO, 'Potatoes', 'g'], [SYRUP, 'Cola syrup', 'ml']] as const;
    for (const [ingredientId, name, unit] of define) await run('inventory.defineIngredient', { ingredientId, name, unit, lowThreshold: 0 });
    const recipes: [string, [string, number][]][] = [
      [DEMO.burger, [[BUNS, 1], [PATTIES, 1]]], [DEMO.cheeseburger, [[BUNS, 1], [PATTIES, 1]]], [DEMO.chickenSandwich, [[BUNS, 1], [CHICKEN, 1]]],
      [DEMO.fries, [[POTATO, 150]]], [DEMO.cola, [[SYRUP, 40]]],
    ];
    for (const [targetId, parts] of recipes) {
      await run('inventory.setRecipe', { targetKind: 'item', targetId, components: parts.map(([ingredientId, quantity]) => ({ ingredientId, quantity })) });
    }
    await run('inventory.receive', { lines: [[BUNS, 2], [PATTIES, 5], [CHICKEN, 5], [POTATO, 1000], [SYRUP, 1000]].map(([ingredientId, quantity]) => ({ ingredientId, quantity })) }, actors.cashier);
  });
  afterEach(() => t.cleanup());

  it('takes every chosen component\'s recipe, times the quantity, in the payment transaction', async () => {
    const order = await sellMeal('burger', 2);
    expect([levelInSql(t.store, BUNS), levelInSql(t.store, PATTIES), levelInSql(t.store, CHICKEN), levelInSql(t.store, POTATO), levelInSql(t.store, SYRUP)])
      .toEqual([0, 3, 5, 700, 920]);
    const moved = t.store.db.prepare("SELECT count(*) AS n FROM stock_moves WHERE order_id = ? AND reason = 'sale'").get(order.id) as { n: number };
    expect(moved.n).toBe(4);
  });

  it('gives the components back when the order is voided', async () => {
    const order = await sellMeal('chicken');
    expect(levelInSql(t.store, CHICKEN)).toBe(4);
    await refundAndVoid(t.store, order.id);
    expect([levelInSql(t.store, BUNS), levelInSql(t.store, CHICKEN), levelInSql(t.store, POTATO), levelInSql(t.store, SYRUP)]).toEqual([2, 5, 1000, 1000]);
  });

  it('86es the meal when no main can be made any more, refuses it then, and brings it back with a delivery', async () => {
    await sellMeal('burger');
    expect(unavailable(DEMO.burgerMeal)).toBe(false);
    await sellMeal('chicken');
    // No buns: every main choice is out, so the meal is too.
    for (const item of [DEMO.burger, DEMO.cheeseburger, DEMO.chickenSandwich, DEMO.burgerMeal]) expect(unavailable(item), item).toBe(true);
    expect(unavailable(DEMO.fries)).toBe(false);
    await expectRefused(t.store, 'ITEM_UNAVAILABLE', 'order.create', { orderId: newId(), channel: 'counter', diningOption: 'take_out', lines: [meal('burger')] }, actors.cashier);
    const received = await run('inventory.receive', { lines: [{ ingredientId: BUNS, quantity: 3 }] }, actors.cashier) as { available: string[] };
    expect(received.available).toContain(DEMO.burgerMeal);
    expect(unavailable(DEMO.burgerMeal)).toBe(false);
  });

  it('86es the meal when its only side runs out, though the mains are fine', async () => {
    await run('inventory.count', { lines: [{ ingredientId: POTATO, counted: 100 }] }, actors.cashier);
    expect(unavailable(DEMO.fries)).toBe(true);
    expect(unavailable(DEMO.burgerMeal)).toBe(true);
    expect(unavailable(DEMO.burger)).toBe(false);
  });

  it('keeps a manager\'s 86 of the meal when the stock comes back', async () => {
    await run('inventory.count', { lines: [{ ingredientId: POTATO, counted: 0 }] }, actors.cashier);
    await run('item.set86', { itemId: DEMO.burgerMeal, unavailable: true });
    await run('inventory.receive', { lines: [{ ingredientId: POTATO, quantity: 500 }] }, actors.cashier);
    expect(unavailable(DEMO.fries)).toBe(false);
    expect(unavailable(DEMO.burgerMeal)).toBe(true);
  });
});

describe('combo stock rules', () => {
  const ingredient = fc.constantFrom('a', 'b', 'c');
  const recipe = fc.array(fc.record({ ingredientId: ingredient, quantity: fc.integer({ min: 1, max: 5 }) }), { maxLength: 3 });
  const items = ['x', 'y', 'z', 'w'] as const;
  const book = fc.record({ x: recipe, y: recipe, z: recipe, w: recipe, combo: recipe }).map((r) => {
    const out = new Map<string, RecipeComponent[]>();
    for (const [id, parts] of Object.entries(r)) if (parts.length > 0) out.set(recipeKey('item', id), parts);
    return out;
  });
  const levels = fc.record({ a: fc.integer({ min: 0, max: 8 }), b: fc.integer({ min: 0, max: 8 }), c: fc.integer({ min: 0, max: 8 }) }).map((l) => new Map(Object.entries(l)));
  const slot = fc.record({
    choices: fc.uniqueArray(fc.constantFrom(...items), { minLength: 1, maxLength: 3 }),
    optional: fc.boolean(),
  });
  const combo = fc.array(slot, { minLength: 1, maxLength: 3 }).map((slots) => ({
    id: 'combo' as ItemId,
    combo: { slots: slots.map((s, i) => ({ id: `s${i}` as never, name: `Slot ${i}`, optional: s.optional, choices: s.choices.map((itemId) => ({ itemId: itemId as ItemId, upcharge: 0 as never })) })) },
  }));

  it('never turns a makeable combo unmakeable when stock goes up', () => {
    fc.assert(fc.property(combo, book, levels, ingredient, fc.integer({ min: 1, max: 5 }), (c, recipes, before, id, more) => {
      const after = new Map(before);
      after.set(id, (after.get(id) ?? 0) + more);
      if (canMakeCombo(c, recipes, before)) expect(canMakeCombo(c, recipes, after)).toBe(true);
    }));
  });

  it('is unmakeable whenever a required slot has no makeable choice, and optional slots never matter', () => {
    fc.assert(fc.property(combo, book, levels, (c, recipes, stock) => {
      const makeable = (itemId: string) => (recipes.get(recipeKey('item', itemId)) ?? []).every((r) => (stock.get(r.ingredientId) ?? 0) >= r.quantity);
      const blocked = c.combo.slots.some((s) => !s.optional && !s.choices.some((ch) => makeable(ch.itemId)));
      if (blocked) expect(canMakeCombo(c, recipes, stock)).toBe(false);
      const required = { ...c, combo: { slots: c.combo.slots.filter((s) => !s.optional) } };
      expect(canMakeCombo(c, recipes, stock)).toBe(canMakeCombo(required, recipes, stock));
    }));
  });

  it('consumes n combos as n times one, whatever the order of the components', () => {
    const component = fc.record({ itemId: fc.constantFrom(...items), options: fc.uniqueArray(fc.constantFrom('o1', 'o2'), { maxLength: 2 }) });
    const optionBook = fc.record({ o1: recipe, o2: recipe });
    fc.assert(fc.property(fc.array(component, { maxLength: 3 }), book, optionBook, fc.integer({ min: 1, max: 9 }), (parts, recipes, options, n) => {
      const all = new Map(recipes);
      for (const [id, r] of Object.entries(options)) if (r.length > 0) all.set(recipeKey('option', id), r);
      const line = (quantity: number, order: typeof parts) => ({
        itemId: 'combo' as ItemId, quantity, modifiers: [],
        components: order.map((p) => ({ itemId: p.itemId as ItemId, modifiers: p.options.map((o) => ({ optionId: o })) })),
      }) as unknown as Parameters<typeof consumingLines>[0];
      const one = consumptionOf(consumingLines(line(1, parts)), all);
      const many = consumptionOf(consumingLines(line(n, [...parts].reverse())), all);
      expect(new Map([...one].map(([k, v]) => [k, v * n]))).toEqual(many);
    }));
  });
});
