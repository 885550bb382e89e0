/**
 * The channel whose prices an order gets comes from the screen that sells it: a POS is the
 * counter, a kiosk the kiosk, whatever the request claims; the register's screen prices with
 * the same channel, so its expected total matches.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Cents, DEMO, type LineId, type Menu, type Order, demoMenu, indexMenu, newId, priceCheck } from '@brigade/sync/model';
import { type TestStore, actors, expectRefused, openTestStore } from '../test-support';
import type { Actor } from '../types';

const BASE = demoMenu.items.find((i) => i.id === DEMO.beer)!.price;
const PRICES = { counter: 720 as Cents, kiosk: 810 as Cents, online: 930 as Cents, table: 1040 as Cents };
const menu: Menu = { ...demoMenu, items: demoMenu.items.map((i) => (i.id === DEMO.beer ? { ...i, channelPrices: PRICES } : i)) };
const index = indexMenu(menu);

let t: TestStore;
beforeEach(() => {
  t = openTestStore();
  t.store.replaceMenu(menu);
});
afterEach(() => t.cleanup());

const beer = (quantity = 1) => ({ lineId: newId<LineId>(), itemId: DEMO.beer, quantity, modifierOptionIds: [] });

async function create(args: Record<string, unknown>, actor: Actor = actors.cashier): Promise<Order> {
  const { result } = await t.store.execute('order.create', newId(), { orderId: newId(), diningOption: 'take_out', ...args }, actor);
  return (result as { order: Order }).order;
}

describe('channel prices by the selling screen', () => {
  it('charges the counter price on a POS, and the screen\'s total priced as counter is accepted', async () => {
    expect(PRICES.counter).not.toBe(BASE);
    const lines = [beer(2)];
    const expectedTotal = priceCheck(index, { lines, diningOption: 'take_out', sale: { channel: 'counter' } }).totals.total;
    const order = await create({ channel: 'counter', lines, expectedTotal });
    expect(order.lines[0]?.unitPrice).toBe(PRICES.counter);
    expect(order.totals.total).toBe(expectedTotal);
  });

  it('prices a POS order as counter even when the request names another channel', async () => {
    const order = await create({ channel: 'table', lines: [beer()] });
    expect(order.lines[0]?.unitPrice).toBe(PRICES.counter);
  });

  it('adds lines to a POS order at the counter price', async () => {
    const order = await create({ channel: 'counter', lines: [beer()] });
    const { result } = await t.store.execute('order.addLines', newId(), { orderId: order.id, lines: [beer()] }, actors.cashier);
    expect((result as { order: Order }).order.lines.map((l) => l.unitPrice)).toEqual([PRICES.counter, PRICES.counter]);
  });

  it('charges the kiosk its own price', async () => {
    const order = await create({ channel: 'kiosk', lines: [beer()] }, actors.kiosk);
    expect(order.lines[0]?.unitPrice).toBe(PRICES.kiosk);
  });

  it('refuses a total priced without the counter channel (a stale screen), writing nothing', async () => {
    const lines = [beer()];
    const basePriced = priceCheck(index, { lines, diningOption: 'take_out' }).totals.total;
    await expectRefused(t.store, 'PRICE_MISMATCH', 'order.create', { orderId: newId(), channel: 'counter', diningOption: 'take_out', lines, expectedTotal: basePriced }, actors.cashier);
  });
});
