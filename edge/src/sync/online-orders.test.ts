/**
 * The store's intake of online orders over a real SQLite store: rows as the `online_orders`
 * shape delivers them become one fired store order each, whatever is replayed, and orders
 * the store cannot fully honour are taken and flagged, never dropped.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, type Menu, type OnlineIntakeFlag, type Order, demoMenu, isUuidV7, newId } from '@brigade/sync/model';
import { type TestStore, actors, count, expectRefused, fingerprint, openTestStore } from '../store/test-support';
import { acceptArgsFromRow, acceptCommandId, createOnlineIntake, jsonSafeRow } from './online-orders';
import { type Row, cloudRow } from './online-test-support';

let offset = 0;
function deliver(t: TestStore, rows: readonly Row[], operation: 'insert' | 'update' = 'insert'): void {
  offset += 1;
  t.store.shapes.apply(
    'online_orders',
    rows.map((r) => ({ key: `"public"."online_orders"/"${String(r.id)}"`, value: jsonSafeRow(r), headers: { operation } })),
    { handle: 'h-1', offset: `${offset}_0`, reset: false },
  );
}

const burger = { itemId: DEMO.burger, quantity: 2, modifierOptionIds: [DEMO.medium] };
const fries = { itemId: DEMO.fries, quantity: 1, modifierOptionIds: [DEMO.regular] };

let t: TestStore | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

describe('online order intake', () => {
  it('turns a paid online order into one fired store order with an online tender', async () => {
    t = openTestStore();
    const row = cloudRow([burger, fries]);
    deliver(t, [row]);
    const intake = createOnlineIntake({ store: t.store });
    await intake.process();

    const order = t.store.queries.order(String(row.id));
    const cloud = row.document as Order;
    expect(order).toMatchObject({ channel: 'online', status: 'preparing', customerName: 'Ada', number: cloud.number, paymentStatus: 'paid' });
    expect(order.lines.map((l) => [l.itemId, l.quantity, l.lineTotal])).toEqual(cloud.lines.map((l) => [l.itemId, l.quantity, l.lineTotal]));
    expect(order.payments).toHaveLength(1);
    expect(order.payments[0]).toMatchObject({ tender: 'online', amount: cloud.totals.total, reference: row.payment_intent_id });
    expect(order.paid).toBe(cloud.totals.total);

    const tickets = t.store.queries.tickets({ status: 'new' }).filter((k) => k.orderId === order.id);
    expect(tickets.map((k) => k.stationId).sort()).toEqual([DEMO.fry, DEMO.grill].sort());
    expect(tickets.every((k) => k.channel === 'online' && k.customerName === 'Ada')).toBe(true);
    expect(t.store.printJobs.list({ orderId: order.id }).filter((j) => j.kind === 'kitchen')).toHaveLength(2);

    // The snapshots that hand the order to the store: accepted, then preparing once fired.
    const snapshots = t.store.outbox.peek(100).filter((m) => m.name === 'order.snapshot').map((m) => m.args as { order: Order; version: number });
    expect(snapshots.map((s) => [s.order.status, s.version])).toEqual([['accepted', 1], ['preparing', 2]]);
    expect(intake.status()).toMatchObject({ accepted: 1, refused: {} });
  });

  it('makes one order however often the row is seen, across passes, replays and a restart', async () => {
    t = openTestStore();
    const row = cloudRow([burger]);
    deliver(t, [row]);
    const intake = createOnlineIntake({ store: t.store });
    await Promise.all([intake.process(), intake.process(), intake.process()]);
    deliver(t, [row], 'update');
    await intake.process();
    const before = fingerprint(t.store);

    t.reopen();
    deliver(t, [row]);
    const afterRestart = createOnlineIntake({ store: t.store });
    await afterRestart.process();
    // Running the command itself again replays: nothing new is written.
    const args = acceptArgsFromRow(JSON.parse(JSON.stringify(jsonSafeRow(row))) as Row);
    if (typeof args === 'string') throw new Error(args);
    const again = await t.store.execute('order.acceptOnline', newId(), args, actors.system);
    expect(again.result).toMatchObject({ accepted: false });

    expect(count(t.store, 'orders', 'id = ?', row.id)).toBe(1);
    expect(count(t.store, 'payments', 'order_id = ?', row.id)).toBe(1);
    expect(count(t.store, 'kitchen_tickets', 'order_id = ?', row.id)).toBe(1);
    expect(fingerprint(t.store).orders).toBe(before.orders);
    expect(afterRestart.status().accepted).toBe(0);
  });

  it('derives one UUIDv7 command id per online order', () => {
    const a = newId();
    expect(isUuidV7(acceptCommandId(a))).toBe(true);
    expect(acceptCommandId(a)).toBe(acceptCommandId(a));
    expect(acceptCommandId(a)).not.toBe(acceptCommandId(newId()));
  });

  it('accepts an order for an item the store has 86d, flagged for the POS', async () => {
    t = openTestStore();
    await t.store.execute('item.set86', newId(), { itemId: DEMO.fries, unavailable: true }, actors.manager);
    const row = cloudRow([burger, fries]);
    deliver(t, [row]);
    const accepted: OnlineIntakeFlag[][] = [];
    await createOnlineIntake({ store: t.store, onAccepted: (_o, flags) => accepted.push([...flags]) }).process();

    const order = t.store.queries.order(String(row.id));
    expect(order.lines.map((l) => l.itemId)).toContain(DEMO.fries);
    expect(order.paymentStatus).toBe('paid');
    expect(accepted).toEqual([[{ kind: 'eighty_sixed', itemId: DEMO.fries, name: 'Fries' }]]);
    const intake = t.store.db.prepare('SELECT flags FROM online_intake WHERE order_id = ?').get(row.id) as { flags: string };
    expect(JSON.parse(intake.flags)).toEqual(accepted[0]);
  });

  it('keeps a line the store does not know at the price the customer paid, flagged, and still fires it', async () => {
    t = openTestStore();
    const cloudMenu: Menu = {
      ...demoMenu,
      items: [...demoMenu.items, { ...demoMenu.items.find((i) => i.id === DEMO.cola)!, id: 'item-mystery' as typeof DEMO.cola, name: 'Mystery soda', price: 275 as never, modifierGroupIds: [] }],
    };
    const row = cloudRow([burger, { itemId: 'item-mystery' as typeof DEMO.cola, quantity: 1, modifierOptionIds: [] }], { menu: cloudMenu });
    deliver(t, [row]);
    const intake = createOnlineIntake({ store: t.store });
    await intake.process();

    const order = t.store.queries.order(String(row.id));
    const mystery = order.lines.find((l) => l.itemId === 'item-mystery');
    expect(mystery).toMatchObject({ name: 'Mystery soda', unitPrice: 275, stationId: DEMO.drinks });
    expect(order.totals.total).toBe((row.document as Order).totals.total);
    expect(order.paymentStatus).toBe('paid');
    expect(t.store.queries.tickets().some((k) => k.orderId === order.id && k.items.some((i) => i.name === 'Mystery soda'))).toBe(true);
    const flags = JSON.parse((t.store.db.prepare('SELECT flags FROM online_intake WHERE order_id = ?').get(row.id) as { flags: string }).flags) as OnlineIntakeFlag[];
    expect(flags).toEqual([{ kind: 'item_unknown', itemId: 'item-mystery', name: 'Mystery soda' }]);
  });

  it('records what the customer was charged when the store prices differ, flagged', async () => {
    t = openTestStore();
    const dearer: Menu = { ...demoMenu, items: demoMenu.items.map((i) => (i.id === DEMO.burger ? { ...i, price: (i.price + 100) as typeof i.price } : i)) };
    const row = cloudRow([burger], { menu: dearer });
    deliver(t, [row]);
    await createOnlineIntake({ store: t.store }).process();
    const order = t.store.queries.order(String(row.id));
    expect(order.totals.total).toBe((row.document as Order).totals.total);
    expect(order.paid).toBe(order.totals.total);
    const flags = JSON.parse((t.store.db.prepare('SELECT flags FROM online_intake WHERE order_id = ?').get(row.id) as { flags: string }).flags) as OnlineIntakeFlag[];
    expect(flags.map((f) => f.kind)).toEqual(['price_differs']);
  });

  it('prices at the store menu\'s online price, as the customer was charged, without a flag', async () => {
    t = openTestStore();
    const online: Menu = { ...demoMenu, items: demoMenu.items.map((i) => (i.id === DEMO.burger ? { ...i, channelPrices: { online: (i.price + 150) as typeof i.price } } : i)) };
    t.store.replaceMenu(online);
    const row = cloudRow([burger], { menu: online });
    deliver(t, [row]);
    await createOnlineIntake({ store: t.store }).process();
    const order = t.store.queries.order(String(row.id));
    const burgerPrice = demoMenu.items.find((i) => i.id === DEMO.burger)!.price;
    expect(order.lines[0]?.unitPrice).toBeGreaterThanOrEqual(burgerPrice + 150);
    expect(order.totals.total).toBe((row.document as Order).totals.total);
    const flags = JSON.parse((t.store.db.prepare('SELECT flags FROM online_intake WHERE order_id = ?').get(row.id) as { flags: string }).flags) as OnlineIntakeFlag[];
    expect(flags).toEqual([]);
  });

  it('takes a combo with its chosen components at the price the customer paid, without a flag', async () => {
    t = openTestStore();
    t.store.replaceMenu(demoMenu);
    const meal = {
      itemId: DEMO.burgerMeal, quantity: 1, modifierOptionIds: [],
      components: [
        { slotId: DEMO.mealMain, itemId: DEMO.cheeseburger, modifierOptionIds: [DEMO.medium] },
        { slotId: DEMO.mealSide, itemId: DEMO.fries, modifierOptionIds: [DEMO.regular] },
        { slotId: DEMO.mealDrink, itemId: DEMO.lemonade, modifierOptionIds: [DEMO.regular] },
      ],
    };
    const row = cloudRow([meal]);
    deliver(t, [row]);
    await createOnlineIntake({ store: t.store }).process();
    const order = t.store.queries.order(String(row.id));
    expect(order.totals.total).toBe((row.document as Order).totals.total);
    expect(order.lines[0]?.components?.map((c) => c.itemId)).toEqual([DEMO.cheeseburger, DEMO.fries, DEMO.lemonade]);
    const flags = JSON.parse((t.store.db.prepare('SELECT flags FROM online_intake WHERE order_id = ?').get(row.id) as { flags: string }).flags) as OnlineIntakeFlag[];
    expect(flags).toEqual([]);
  });

  it('tags a QR table order with its table and takes a pay-at-pickup order without a tender', async () => {
    t = openTestStore();
    const table = cloudRow([burger], { table: '12', customer: 'Table guest' });
    const atPickup = cloudRow([fries], { paid: false });
    deliver(t, [table, atPickup]);
    await createOnlineIntake({ store: t.store }).process();
    const tableOrder = t.store.queries.order(String(table.id));
    expect(tableOrder).toMatchObject({ channel: 'table', tableLabel: '12', diningOption: 'eat_in' });
    expect(t.store.queries.tickets().find((k) => k.orderId === tableOrder.id)).toMatchObject({ channel: 'table', tableLabel: '12' });
    const pickup = t.store.queries.order(String(atPickup.id));
    expect(pickup).toMatchObject({ paymentStatus: 'unpaid', paid: 0, status: 'preparing' });
    expect(pickup.payments).toEqual([]);
  });

  it('leaves unpaid card orders and orders already accepted to the cloud', async () => {
    t = openTestStore();
    deliver(t, [cloudRow([burger], { status: 'pending_payment' }), cloudRow([burger], { status: 'accepted' }), cloudRow([burger], { status: 'cancelled' })]);
    const before = fingerprint(t.store);
    await createOnlineIntake({ store: t.store }).process();
    expect(fingerprint(t.store)).toEqual(before);
  });

  it('keeps a row it cannot read, without a crash, and still takes the others', async () => {
    t = openTestStore();
    const good = cloudRow([burger]);
    const noDocument: Row = { ...cloudRow([burger]), document: null };
    const noLines = cloudRow([burger]);
    (noLines.document as { lines: unknown }).lines = [];
    const badLine = cloudRow([burger]);
    (badLine.document as { lines: { quantity: unknown }[] }).lines[0]!.quantity = 'two';
    deliver(t, [noDocument, noLines, badLine, good]);
    const intake = createOnlineIntake({ store: t.store });
    await intake.process();
    expect(count(t.store, 'orders', 'id = ?', good.id)).toBe(1);
    for (const bad of [noDocument, noLines, badLine]) expect(count(t.store, 'orders', 'id = ?', bad.id)).toBe(0);
    expect(Object.keys(intake.status().refused).sort()).toEqual([noDocument.id, noLines.id, badLine.id].map(String).sort());
    // The rows stay, so they are looked at again on the next pass.
    expect(t.store.shapes.rows('online_orders')).toHaveLength(4);
  });

  it('is refused to every screen, and bad arguments write nothing', async () => {
    t = openTestStore();
    const args = acceptArgsFromRow(JSON.parse(JSON.stringify(jsonSafeRow(cloudRow([burger])))) as Row);
    if (typeof args === 'string') throw new Error(args);
    for (const actor of [actors.manager, actors.cashier, actors.kiosk, actors.expoKds, actors.display]) {
      await expectRefused(t.store, 'WRONG_DEVICE_ROLE', 'order.acceptOnline', args, actor);
    }
    await expectRefused(t.store, 'VALIDATION_FAILED', 'order.acceptOnline', { ...args, currency: 'EUR' }, actors.system);
    await expectRefused(t.store, 'VALIDATION_FAILED', 'order.acceptOnline', { ...args, lines: [] }, actors.system);
    await expectRefused(t.store, 'VALIDATION_FAILED', 'order.acceptOnline', { ...args, paidOnline: -1 }, actors.system);
  });
});
