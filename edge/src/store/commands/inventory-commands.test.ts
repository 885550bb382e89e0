import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, type ErrorCode, type HubEvent, type Order, newId } from '@brigade/sync/model';
import { type TestStore, actors, burgerLine, colaLine, createOrder, expectRefused, fingerprint, openTestStore, payCash } from '../test-support';
import type { Actor } from '../types';
import { inventoryFingerprint, levelInSql } from './inventory-test-support';
import { refundAndVoid } from './order-void-test-kit';

let t: TestStore;
const BUNS = newId();
const PATTIES = newId();
const CHEESE = newId();
const SYRUP = newId();

async function run(name: string, args: Record<string, unknown>, actor: Actor = actors.manager): Promise<unknown> {
  return (await t.store.execute(name, newId(), args, actor)).result;
}

function unavailable(itemId: string): boolean {
  const row = t.store.db.prepare('SELECT unavailable FROM item_availability WHERE item_id = ?').get(itemId) as { unavailable: number } | undefined;
  return row?.unavailable === 1;
}

beforeEach(async () => {
  t = openTestStore();
  await run('inventory.defineIngredient', { ingredientId: BUNS, name: 'Buns', unit: 'each', lowThreshold: 2 });
  await run('inventory.defineIngredient', { ingredientId: PATTIES, name: 'Patties', unit: 'each', lowThreshold: 0 });
  await run('inventory.defineIngredient', { ingredientId: CHEESE, name: 'Cheese slices', unit: 'each', lowThreshold: 0 });
  await run('inventory.defineIngredient', { ingredientId: SYRUP, name: 'Cola syrup', unit: 'ml', lowThreshold: 100 });
  await run('inventory.setRecipe', { targetKind: 'item', targetId: DEMO.burger, components: [{ ingredientId: BUNS, quantity: 1 }, { ingredientId: PATTIES, quantity: 1 }] });
  await run('inventory.setRecipe', { targetKind: 'option', targetId: DEMO.cheese, components: [{ ingredientId: CHEESE, quantity: 1 }] });
  await run('inventory.setRecipe', { targetKind: 'item', targetId: DEMO.cola, components: [{ ingredientId: SYRUP, quantity: 40 }] });
  await run('inventory.receive', { lines: [{ ingredientId: BUNS, quantity: 3 }, { ingredientId: PATTIES, quantity: 5 }, { ingredientId: CHEESE, quantity: 10 }, { ingredientId: SYRUP, quantity: 1000 }] }, actors.cashier);
});
afterEach(() => t.cleanup());

describe('sales and voids', () => {
  it('a paid order takes its items and chosen options out of stock, in the payment transaction', async () => {
    const order = await createOrder(t.store, { lines: [burgerLine({ quantity: 2, modifierOptionIds: [DEMO.medium, DEMO.cheese] }), colaLine()] });
    expect(levelInSql(t.store, BUNS)).toBe(3);
    await payCash(t.store, order);
    expect(levelInSql(t.store, BUNS)).toBe(1);
    expect(levelInSql(t.store, PATTIES)).toBe(3);
    expect(levelInSql(t.store, CHEESE)).toBe(8);
    expect(levelInSql(t.store, SYRUP)).toBe(960);
    const moves = t.store.db.prepare("SELECT reason, order_id AS orderId FROM stock_moves WHERE reason = 'sale'").all() as { reason: string; orderId: string }[];
    expect(moves.every((m) => m.orderId === order.id)).toBe(true);
    const pushed = t.store.db.prepare("SELECT args FROM outbox WHERE name = 'stock.move'").all() as { args: string }[];
    expect(pushed.map((p) => JSON.parse(p.args) as { ingredientId?: string }).filter((a) => a.ingredientId === BUNS).length).toBe(2);
  });

  it('an order sent to the kitchen before payment consumes on fire, and a void gives it all back', async () => {
    const order = await createOrder(t.store, { lines: [burgerLine({ quantity: 2 })] });
    await run('order.fire', { orderId: order.id }, actors.cashier);
    expect(levelInSql(t.store, PATTIES)).toBe(3);
    await run('order.void', { orderId: order.id, reason: 'walked out' });
    expect(levelInSql(t.store, PATTIES)).toBe(5);
    const reasons = (t.store.db.prepare('SELECT reason FROM stock_moves WHERE order_id = ? ORDER BY rowid').all(order.id) as { reason: string }[]).map((r) => r.reason);
    expect(reasons).toEqual(['sale', 'sale', 'void', 'void']);
  });

  it('voiding one fired line returns only that line', async () => {
    const order = await createOrder(t.store, { lines: [burgerLine(), burgerLine({ modifierOptionIds: [DEMO.medium, DEMO.cheese] })] });
    await run('order.fire', { orderId: order.id }, actors.cashier);
    const cheesy = order.lines[1]?.lineId;
    await run('order.voidLine', { orderId: order.id, lineId: cheesy, reason: 'wrong' });
    expect(levelInSql(t.store, PATTIES)).toBe(4);
    expect(levelInSql(t.store, CHEESE)).toBe(10);
  });

  it('an unfired, unpaid order takes nothing', async () => {
    await createOrder(t.store, { lines: [burgerLine({ quantity: 3 })] });
    expect(levelInSql(t.store, BUNS)).toBe(3);
  });
});

describe('auto-86', () => {
  it('selling the last portion 86es the item in the same transaction and tells every screen', async () => {
    const heard: HubEvent[][] = [];
    const stop = t.store.onEvents((events) => heard.push(events));
    const order = await createOrder(t.store, { lines: [burgerLine({ quantity: 3 })] });
    const outcome = await t.store.execute('payment.capture', newId(), { orderId: order.id, paymentId: newId(), tender: 'cash', amount: order.totals.total }, actors.cashier);
    stop();
    expect((outcome.result as { order: Order }).order.paymentStatus).toBe('paid');
    expect(unavailable(DEMO.burger)).toBe(true);
    // One command, one batch of events: the 86 arrives with the payment's order update.
    const batch = heard.find((events) => events.some((e) => e.type === 'order.updated' && e.order.id === order.id && e.order.paymentStatus === 'paid'));
    expect(batch?.some((e) => e.type === 'item.availability' && e.itemId === DEMO.burger && e.unavailable)).toBe(true);
    expect(t.store.queries.menu().unavailable).toContain(DEMO.burger);
    await expectRefused(t.store, 'ITEM_UNAVAILABLE', 'order.create', { orderId: newId(), channel: 'kiosk', diningOption: 'take_out', lines: [burgerLine()] }, actors.kiosk);
    // Cheese ran low only as an extra: the item itself stays on.
    expect(unavailable(DEMO.cola)).toBe(false);
  });

  it('a delivery brings an auto-86ed item back; a void does too', async () => {
    const order = await createOrder(t.store, { lines: [burgerLine({ quantity: 3 })] });
    await payCash(t.store, order);
    expect(unavailable(DEMO.burger)).toBe(true);
    const received = await run('inventory.receive', { lines: [{ ingredientId: BUNS, quantity: 4 }] }, actors.cashier) as { available: string[] };
    expect(received.available).toEqual([DEMO.burger]);
    expect(unavailable(DEMO.burger)).toBe(false);
    await run('inventory.waste', { ingredientId: BUNS, quantity: 4, reason: 'mouldy' }, actors.cashier);
    expect(unavailable(DEMO.burger)).toBe(true);
    await refundAndVoid(t.store, order.id);
    expect(levelInSql(t.store, BUNS)).toBe(3);
    expect(unavailable(DEMO.burger)).toBe(false);
  });

  it('a recipe emptied stops tracking the item and lifts the stock\'s 86', async () => {
    await run('inventory.count', { lines: [{ ingredientId: PATTIES, counted: 0 }] }, actors.cashier);
    expect(unavailable(DEMO.burger)).toBe(true);
    const result = await run('inventory.setRecipe', { targetKind: 'item', targetId: DEMO.burger, components: [] }) as { unavailable: string[] };
    expect(result.unavailable).toEqual([]);
    expect(unavailable(DEMO.burger)).toBe(false);
  });

  it('never lifts a manager\'s own 86, even when the stock returns', async () => {
    await run('item.set86', { itemId: DEMO.burger, unavailable: true });
    await run('inventory.count', { lines: [{ ingredientId: BUNS, counted: 0 }] }, actors.cashier);
    await run('inventory.receive', { lines: [{ ingredientId: BUNS, quantity: 10 }] }, actors.cashier);
    expect(unavailable(DEMO.burger)).toBe(true);
  });

  it('a manager who 86es an item the stock had 86ed keeps it off after a delivery', async () => {
    await run('inventory.count', { lines: [{ ingredientId: PATTIES, counted: 0 }] }, actors.cashier);
    expect(unavailable(DEMO.burger)).toBe(true);
    await run('item.set86', { itemId: DEMO.burger, unavailable: true });
    await run('inventory.receive', { lines: [{ ingredientId: PATTIES, quantity: 10 }] }, actors.cashier);
    expect(unavailable(DEMO.burger)).toBe(true);
  });
});

describe('counts and alerts', () => {
  it('a count logs the difference it found and the level becomes the counted one', async () => {
    await run('inventory.count', { lines: [{ ingredientId: SYRUP, counted: 720 }] }, actors.cashier);
    expect(levelInSql(t.store, SYRUP)).toBe(720);
    const row = t.store.db.prepare("SELECT delta, counted FROM stock_moves WHERE reason = 'count'").get() as { delta: number; counted: number };
    expect(row).toEqual({ delta: -280, counted: 720 });
  });

  it('flags an ingredient at or below its threshold as low', async () => {
    const result = await run('inventory.waste', { ingredientId: BUNS, quantity: 1, reason: 'dropped' }, actors.cashier) as { levels: { id: string; low: boolean; level: number }[] };
    expect(result.levels).toEqual([expect.objectContaining({ id: BUNS, level: 2, low: true })]);
  });

  it('a delivery sent twice with the same command id is counted once', async () => {
    const commandId = newId();
    const args = { lines: [{ ingredientId: SYRUP, quantity: 500 }] };
    await t.store.execute('inventory.receive', commandId, args, actors.cashier);
    const again = await t.store.execute('inventory.receive', commandId, args, actors.cashier);
    expect(again.replayed).toBe(true);
    expect(levelInSql(t.store, SYRUP)).toBe(1500);
  });

  it('the movement log refuses edits and deletes', () => {
    expect(() => t.store.db.prepare('UPDATE stock_moves SET delta = 100').run()).toThrow(/never changed/);
    expect(() => t.store.db.prepare('DELETE FROM stock_moves').run()).toThrow(/never deleted/);
  });

  it('an ingredient that has moved cannot change its unit', async () => {
    await expectRefused(t.store, 'INGREDIENT_UNIT_LOCKED', 'inventory.defineIngredient', { ingredientId: BUNS, name: 'Buns', unit: 'g', lowThreshold: 2 }, actors.manager);
  });
});

describe('bad input writes nothing', () => {
  const cases: [string, string, () => Record<string, unknown>][] = [
    ['inventory.defineIngredient', 'VALIDATION_FAILED', () => ({ ingredientId: newId(), name: '', unit: 'each', lowThreshold: 0 })],
    ['inventory.defineIngredient', 'VALIDATION_FAILED', () => ({ ingredientId: newId(), name: 'Oil', unit: 'litre', lowThreshold: 0 })],
    ['inventory.defineIngredient', 'VALIDATION_FAILED', () => ({ ingredientId: 'not-a-uuid', name: 'Oil', unit: 'ml', lowThreshold: 0 })],
    ['inventory.setRecipe', 'ITEM_UNKNOWN', () => ({ targetKind: 'item', targetId: 'item-nothing', components: [] })],
    ['inventory.setRecipe', 'MODIFIER_UNKNOWN', () => ({ targetKind: 'option', targetId: 'opt-nothing', components: [] })],
    ['inventory.setRecipe', 'INGREDIENT_UNKNOWN', () => ({ targetKind: 'item', targetId: DEMO.fries, components: [{ ingredientId: newId(), quantity: 1 }] })],
    ['inventory.setRecipe', 'VALIDATION_FAILED', () => ({ targetKind: 'item', targetId: DEMO.fries, components: [{ ingredientId: BUNS, quantity: 0 }] })],
    ['inventory.setRecipe', 'VALIDATION_FAILED', () => ({ targetKind: 'combo', targetId: DEMO.fries, components: [] })],
    ['inventory.receive', 'INGREDIENT_UNKNOWN', () => ({ lines: [{ ingredientId: BUNS, quantity: 1 }, { ingredientId: newId(), quantity: 1 }] })],
    ['inventory.receive', 'VALIDATION_FAILED', () => ({ lines: [{ ingredientId: BUNS, quantity: 1 }, { ingredientId: BUNS, quantity: 2 }] })],
    ['inventory.receive', 'VALIDATION_FAILED', () => ({ lines: [] })],
    ['inventory.receive', 'VALIDATION_FAILED', () => ({ lines: [{ ingredientId: BUNS, quantity: -4 }] })],
    ['inventory.count', 'VALIDATION_FAILED', () => ({ lines: [{ ingredientId: BUNS, counted: -1 }] })],
    ['inventory.count', 'INGREDIENT_UNKNOWN', () => ({ lines: [{ ingredientId: newId(), counted: 1 }] })],
    ['inventory.waste', 'VALIDATION_FAILED', () => ({ ingredientId: BUNS, quantity: 2.5, reason: 'spilt' })],
    ['inventory.waste', 'VALIDATION_FAILED', () => ({ ingredientId: BUNS, quantity: 1, reason: '' })],
    ['inventory.waste', 'INGREDIENT_UNKNOWN', () => ({ ingredientId: newId(), quantity: 1, reason: 'spilt' })],
  ];
  it.each(cases)('%s refuses with %s', async (name, code, args) => {
    const before = inventoryFingerprint(t.store);
    await expectRefused(t.store, code as ErrorCode, name, args(), actors.manager);
    expect(inventoryFingerprint(t.store)).toEqual(before);
  });

  it('a cashier cannot change recipes or the stock list', async () => {
    const before = fingerprint(t.store);
    await expectRefused(t.store, 'MANAGER_APPROVAL_REQUIRED', 'inventory.setRecipe', { targetKind: 'item', targetId: DEMO.fries, components: [] }, actors.cashier);
    expect(fingerprint(t.store)).toEqual(before);
  });
});
