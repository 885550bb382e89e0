/**
 * A table check opened on a POS sells at the counter's prices, like the register, and keeps
 * that channel for good: lines added later, a new quantity, the parts of a split and a merged
 * check all price at it. Expected figures come from the model's `priceCheck` with the counter
 * sale, on a menu whose beer costs something else on every channel.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Cents, type CheckView, DEMO, type LineId, type Menu, type Order, type OrderId, demoMenu, indexMenu, newId, priceCheck,
} from '@brigade/sync/model';
import { type TestStore, actors, expectRefused, openTestStore } from '../test-support';

const BASE = demoMenu.items.find((i) => i.id === DEMO.beer)!.price;
const PRICES = { counter: 720 as Cents, kiosk: 810 as Cents, online: 930 as Cents, table: 1040 as Cents };
const menu: Menu = { ...demoMenu, items: demoMenu.items.map((i) => (i.id === DEMO.beer ? { ...i, channelPrices: PRICES } : i)) };
const index = indexMenu(menu);
const COUNTER = { channel: 'counter' } as const;

let t: TestStore;
beforeEach(() => {
  t = openTestStore();
  t.store.replaceMenu(menu);
});
afterEach(() => t.cleanup());

const beer = (quantity = 1, seat?: number) => ({ lineId: newId<LineId>(), itemId: DEMO.beer, quantity, modifierOptionIds: [], ...(seat ? { seat } : {}) });
const wire = (lines: ReturnType<typeof beer>[]) => lines.map(({ seat: _seat, ...l }) => l);

async function run<T>(name: string, args: Record<string, unknown>): Promise<T> {
  return (await t.store.execute(name, newId(), args, actors.cashier)).result as T;
}

async function open(lines: ReturnType<typeof beer>[], tableId = 't4'): Promise<CheckView> {
  return (await run<{ check: CheckView }>('check.open', { orderId: newId(), tableId, guests: 2, lines })).check;
}

const unitPrices = (order: Order) => order.lines.filter((l) => !l.voided).map((l) => l.unitPrice);

describe('a table check opened on the POS', () => {
  it('prices its lines at the counter price and says so to the screen', async () => {
    expect(PRICES.counter).not.toBe(BASE);
    const lines = [beer(2, 1), beer(1, 2)];
    const check = await open(lines);
    expect(check.priceChannel).toBe('counter');
    expect(unitPrices(check.order)).toEqual([PRICES.counter, PRICES.counter]);
    expect(check.totals.total).toBe(priceCheck(index, { lines: wire(lines), diningOption: 'eat_in', sale: COUNTER }).totals.total);
    expect(t.store.queries.order(check.orderId).totals.total).toBe(check.totals.total);
  });

  it('keeps the counter price for lines added later, by check or order commands, and for a new quantity', async () => {
    const first = beer();
    const check = await open([first]);
    const second = beer(1, 2);
    await run('check.addLines', { orderId: check.orderId, lines: [second] });
    const third = beer();
    await run('order.addLines', { orderId: check.orderId, lines: [third] });
    const after = (await run<{ check: CheckView }>('check.setQuantity', { orderId: check.orderId, lineId: first.lineId, quantity: 3 })).check;
    expect(unitPrices(after.order)).toEqual([PRICES.counter, PRICES.counter, PRICES.counter]);
    const lines = wire([{ ...first, quantity: 3 }, second, third]);
    expect(after.totals.total).toBe(priceCheck(index, { lines, diningOption: 'eat_in', sale: COUNTER }).totals.total);
  });

  it('a line added on a check whose screen named no channel still prices at the counter, and the total a stale screen expects is refused', async () => {
    const check = await open([]);
    const line = beer();
    const menuPriced = priceCheck(index, { lines: wire([line]), diningOption: 'eat_in' }).totals.total;
    await expectRefused(t.store, 'PRICE_MISMATCH', 'order.addLines', { orderId: check.orderId, lines: [line], expectedTotal: menuPriced }, actors.cashier);
    const counterPriced = priceCheck(index, { lines: wire([line]), diningOption: 'eat_in', sale: COUNTER }).totals.total;
    const { order } = await run<{ order: Order }>('order.addLines', { orderId: check.orderId, lines: [line], expectedTotal: counterPriced });
    expect(order.totals.total).toBe(counterPriced);
  });

  it('split by seat: each part owes its seat at the counter price, and the parts add up to the check', async () => {
    const lines = [beer(2, 1), beer(1, 2)];
    const check = await open(lines);
    const children = [newId<OrderId>(), newId<OrderId>()];
    await run('check.split', { orderId: check.orderId, mode: 'seat', childOrderIds: children });
    const parts = children.map((id) => t.store.queries.order(id));
    expect(parts.map((p) => unitPrices(p))).toEqual([[PRICES.counter], [PRICES.counter]]);
    const seatOne = priceCheck(index, { lines: wire([lines[0]!]), diningOption: 'eat_in', sale: COUNTER }).totals.total;
    const whole = priceCheck(index, { lines: wire(lines), diningOption: 'eat_in', sale: COUNTER }).totals.total;
    expect(parts[0]!.totals.total).toBe(seatOne);
    expect(parts[0]!.totals.total + parts[1]!.totals.total).toBe(whole);
  });

  it('split evenly: the shares add up to the check at the counter price', async () => {
    const lines = [beer(3)];
    const check = await open(lines);
    const children = [newId<OrderId>(), newId<OrderId>(), newId<OrderId>()];
    await run('check.split', { orderId: check.orderId, mode: 'even', childOrderIds: children });
    const shares = children.map((id) => t.store.queries.order(id).totals.total);
    expect(shares.reduce((s, n) => s + n, 0)).toBe(priceCheck(index, { lines: wire(lines), diningOption: 'eat_in', sale: COUNTER }).totals.total);
  });

  it('merged: the target check owes every line at the counter price and takes new lines at it', async () => {
    const a = [beer(1)];
    const b = [beer(2)];
    const target = await open(a, 't4');
    const source = await open(b, 't5');
    await run('check.merge', { orderId: target.orderId, fromOrderIds: [source.orderId] });
    const c = beer(1);
    const merged = (await run<{ check: CheckView }>('check.addLines', { orderId: target.orderId, lines: [c] })).check;
    expect(unitPrices(merged.order)).toEqual([PRICES.counter, PRICES.counter, PRICES.counter]);
    expect(merged.totals.total).toBe(priceCheck(index, { lines: wire([...a, ...b, c]), diningOption: 'eat_in', sale: COUNTER }).totals.total);
  });

  it('refuses bad lines with stable codes and writes nothing', async () => {
    const check = await open([beer()]);
    const line = beer();
    await expectRefused(t.store, 'VALIDATION_FAILED', 'check.addLines', { orderId: check.orderId, lines: [line, line] }, actors.cashier);
    await expectRefused(t.store, 'ITEM_UNKNOWN', 'check.addLines', { orderId: check.orderId, lines: [{ ...beer(), itemId: 'item-none' }] }, actors.cashier);
    await expectRefused(t.store, 'ORDER_NOT_FOUND', 'check.addLines', { orderId: newId(), lines: [beer()] }, actors.cashier);
  });
});
