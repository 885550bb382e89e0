import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, type Order, type OrderLine, newId } from '@brigade/sync/model';
import { type TestStore, actors, burgerLine, colaLine, count, createArgs, createOrder, expectRefused, openTestStore, payCash } from './test-support';
import { refundAndVoid } from './commands/order-void-test-kit';

let t: TestStore;
beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.cleanup());

describe('order.create', () => {
  it('prices the order from the store menu and records audit, outbox and event', async () => {
    const heard: string[] = [];
    t.store.onEvents((events) => heard.push(...events.map((e) => e.type)));
    const order = await createOrder(t.store, {
      lines: [burgerLine({ quantity: 2, modifierOptionIds: [DEMO.rare, DEMO.bacon] }), colaLine({ modifierOptionIds: [DEMO.large] })],
    });
    // Burger 10.95 + bacon 1.50, twice, at 5 %; large cola 2.50 + 1.00 at 8.75 %.
    expect(order.lines.map((l) => l.lineAmount)).toEqual([2490, 350]);
    expect(order.totals.tax).toBe(Math.round(2490 * 0.05) + Math.round(350 * 0.0875));
    expect(order.totals.total).toBe(2490 + 350 + order.totals.tax);
    expect(order.lines.map((l) => l.stationId)).toEqual(['grill', 'drinks']);
    expect(order).toMatchObject({ status: 'open', paymentStatus: 'unpaid', number: '001', createdBy: actors.cashier.staff.id });
    expect(count(t.store, 'audit_log', "action = 'order.create'")).toBe(1);
    const snapshot = t.store.outbox.peek(10).find((m) => m.name === 'order.snapshot');
    expect(snapshot?.args).toMatchObject({ version: 1, order: { id: order.id } });
    expect(heard).toEqual(['order.updated']);
  });

  it('lets a kiosk order without staff and numbers orders one after another', async () => {
    const a = await createOrder(t.store, { channel: 'kiosk' }, actors.kiosk);
    const b = await createOrder(t.store);
    expect([a.number, b.number]).toEqual(['001', '002']);
  });

  it('accepts the total the screen showed and refuses a different one', async () => {
    const lines = [burgerLine()];
    // Classic Burger 10.95 plus 5 % food tax, as printed on the menu board.
    const expected = 1095 + Math.round(1095 * 0.05);
    await createOrder(t.store, { lines, expectedTotal: expected });
    await expectRefused(t.store, 'PRICE_MISMATCH', 'order.create', createArgs({ lines: [burgerLine()], expectedTotal: expected - 1 }), actors.cashier);
  });

  it.each([
    ['ITEM_UNKNOWN', { itemId: 'item-nope' }],
    ['MODIFIER_REQUIRED', { modifierOptionIds: [] }],
    ['MODIFIER_TOO_MANY', { modifierOptionIds: [DEMO.rare, DEMO.medium] }],
    ['MODIFIER_UNKNOWN', { modifierOptionIds: [DEMO.medium, DEMO.large] }],
    ['VALIDATION_FAILED', { quantity: 0 }],
    ['VALIDATION_FAILED', { quantity: -3 }],
    ['VALIDATION_FAILED', { quantity: 1_000_000 }],
    ['VALIDATION_FAILED', { quantity: 1.5 }],
    ['QUANTITY_INVALID', { weightGrams: 250 }],
  ] as const)('refuses a line with %s (%j) and writes nothing', async (code, line) => {
    await expectRefused(t.store, code, 'order.create', createArgs({ lines: [burgerLine(line)] }), actors.cashier);
  });

  it('refuses an 86d item', async () => {
    await t.store.execute('item.set86', newId(), { itemId: DEMO.burger, unavailable: true }, actors.manager);
    await expectRefused(t.store, 'ITEM_UNAVAILABLE', 'order.create', createArgs(), actors.cashier);
  });

  it('refuses bad envelopes, callers and ids', async () => {
    await expectRefused(t.store, 'UNKNOWN_COMMAND', 'order.explode', createArgs(), actors.cashier);
    await expectRefused(t.store, 'VALIDATION_FAILED', 'order.create', { ...createArgs(), extra: 1 }, actors.cashier);
    await expectRefused(t.store, 'VALIDATION_FAILED', 'order.create', createArgs({ lines: [] }), actors.cashier);
    await expectRefused(t.store, 'VALIDATION_FAILED', 'order.create', createArgs({ orderId: 'not-a-uuid' }), actors.cashier);
    await expectRefused(t.store, 'STAFF_SIGN_IN_REQUIRED', 'order.create', createArgs(), actors.posNoStaff);
    await expectRefused(t.store, 'WRONG_DEVICE_ROLE', 'order.create', createArgs(), actors.grillKds);
    await expectRefused(t.store, 'WRONG_DEVICE_ROLE', 'order.create', createArgs(), actors.display);
    await expectRefused(t.store, 'VALIDATION_FAILED', 'order.create', createArgs({ channel: 'counter' }), actors.kiosk);
    await expectRefused(t.store, 'VALIDATION_FAILED', 'order.create', createArgs({ channel: 'kiosk' }), actors.cashier);
    await expectRefused(t.store, 'VALIDATION_FAILED', 'order.create', createArgs({ channel: 'online' }), actors.cashier);
    const line = burgerLine();
    await expectRefused(t.store, 'VALIDATION_FAILED', 'order.create', createArgs({ lines: [line, line] }), actors.cashier);
    const existing = await createOrder(t.store);
    await expectRefused(t.store, 'VALIDATION_FAILED', 'order.create', createArgs({ orderId: existing.id }), actors.cashier);
    await expectRefused(t.store, 'VALIDATION_FAILED', 'order.create', createArgs({ lines: [burgerLine({ lineId: existing.lines[0]?.lineId })] }), actors.cashier);
    const bad = await t.store.execute('order.create', 'not-a-uuid', createArgs(), actors.cashier).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('order.addLines and order.voidLine', () => {
  it('adds lines, then a manager-approved void takes a line out of the total', async () => {
    const order = await createOrder(t.store, { lines: [burgerLine()] });
    const added = (await t.store.execute('order.addLines', newId(), { orderId: order.id, lines: [colaLine()] }, actors.cashier)).result as { order: Order };
    expect(added.order.lines).toHaveLength(2);
    expect(added.order.totals.total).toBeGreaterThan(order.totals.total);
    const cola = added.order.lines[1] as OrderLine;
    await expectRefused(t.store, 'MANAGER_APPROVAL_REQUIRED', 'order.voidLine', { orderId: order.id, lineId: cola.lineId, reason: 'changed mind' }, actors.cashier);
    await expectRefused(t.store, 'MANAGER_APPROVAL_REQUIRED', 'order.voidLine', { orderId: order.id, lineId: cola.lineId, reason: 'changed mind', managerPin: '1111' }, actors.cashier);
    await expectRefused(t.store, 'MANAGER_APPROVAL_REQUIRED', 'order.voidLine', { orderId: order.id, lineId: cola.lineId, reason: 'changed mind', managerPin: '0000' }, actors.cashier);
    const voided = (await t.store.execute('order.voidLine', newId(), { orderId: order.id, lineId: cola.lineId, reason: 'changed mind', managerPin: '9999' }, actors.cashier)).result as { order: Order };
    expect(voided.order.totals.total).toBe(order.totals.total);
    expect(voided.order.lines[1]).toMatchObject({ voided: true, voidReason: 'changed mind' });
    const audit = t.store.queries.audit(1)[0];
    expect(audit).toMatchObject({ action: 'order.voidLine', staffId: actors.cashier.staff.id, approvedBy: actors.manager.staff.id });
    await expectRefused(t.store, 'LINE_ALREADY_VOIDED', 'order.voidLine', { orderId: order.id, lineId: cola.lineId, reason: 'again' }, actors.manager);
    await expectRefused(t.store, 'LINE_NOT_FOUND', 'order.voidLine', { orderId: order.id, lineId: newId(), reason: 'x' }, actors.manager);
    await expectRefused(t.store, 'ORDER_NOT_FOUND', 'order.addLines', { orderId: newId(), lines: [colaLine()] }, actors.cashier);
    await expectRefused(t.store, 'PRICE_MISMATCH', 'order.addLines', { orderId: order.id, lines: [colaLine()], expectedTotal: 1 }, actors.cashier);
    await expectRefused(t.store, 'WRONG_DEVICE_ROLE', 'order.addLines', { orderId: order.id, lines: [colaLine()] }, actors.kiosk);
  });

  it('crosses a voided line out on the ticket it was fired on', async () => {
    const order = await createOrder(t.store);
    await t.store.execute('order.fire', newId(), { orderId: order.id }, actors.cashier);
    const cola = order.lines[1] as OrderLine;
    await t.store.execute('order.voidLine', newId(), { orderId: order.id, lineId: cola.lineId, reason: 'spilled' }, actors.manager);
    const drinks = t.store.queries.tickets({ stationId: 'drinks' })[0];
    expect(drinks?.items[0]).toMatchObject({ lineId: cola.lineId, voided: true });
    // The drinks station also gets a VOID slip on paper, for that line only; the grill gets none.
    const slips = t.store.printJobs.list({ orderId: order.id }).filter((j) => j.payload.kind === 'kitchen' && j.payload.delta === 'voided');
    expect(slips).toHaveLength(1);
    const slip = slips[0]?.payload;
    if (slip?.kind !== 'kitchen') throw new Error('expected a kitchen slip');
    expect(slips[0]?.stationId).toBe('drinks');
    expect(slip.ticket.items.map((i) => i.lineId)).toEqual([cola.lineId]);
  });

  it('prints no VOID slip for a line voided before it was fired', async () => {
    const order = await createOrder(t.store);
    const cola = order.lines[1] as OrderLine;
    await t.store.execute('order.voidLine', newId(), { orderId: order.id, lineId: cola.lineId, reason: 'changed mind' }, actors.manager);
    expect(t.store.printJobs.list({ orderId: order.id })).toHaveLength(0);
  });

  it('refuses to add to a paid or finished order', async () => {
    const order = await payCash(t.store, await createOrder(t.store));
    await expectRefused(t.store, 'ORDER_ALREADY_PAID', 'order.addLines', { orderId: order.id, lines: [colaLine()] }, actors.cashier);
    await refundAndVoid(t.store, order.id);
    await expectRefused(t.store, 'ORDER_NOT_OPEN', 'order.addLines', { orderId: order.id, lines: [colaLine()] }, actors.cashier);
    await expectRefused(t.store, 'ORDER_NOT_OPEN', 'order.voidLine', { orderId: order.id, lineId: order.lines[0]?.lineId, reason: 'x' }, actors.manager);
  });
});

describe('order.fire, order.complete, order.void', () => {
  it('fires one ticket per station with kitchen print jobs, and fires later lines as a new fire', async () => {
    const order = await createOrder(t.store);
    const fired = (await t.store.execute('order.fire', newId(), { orderId: order.id }, actors.cashier)).result as { order: Order };
    expect(fired.order.status).toBe('preparing');
    expect(fired.order.lines.map((l) => l.firedIn)).toEqual([1, 1]);
    expect(t.store.queries.tickets().map((k) => [k.stationId, k.fireSeq]).sort()).toEqual([['drinks', 1], ['grill', 1]]);
    expect(t.store.printJobs.list({ orderId: order.id }).map((j) => j.idemKey).sort()).toEqual([
      `kitchen:${order.id}:drinks:1`, `kitchen:${order.id}:grill:1`,
    ]);
    await expectRefused(t.store, 'ORDER_EMPTY', 'order.fire', { orderId: order.id }, actors.cashier);
    await t.store.execute('order.addLines', newId(), { orderId: order.id, lines: [burgerLine({ modifierOptionIds: [DEMO.wellDone] })] }, actors.cashier);
    await t.store.execute('order.fire', newId(), { orderId: order.id }, actors.cashier);
    expect(t.store.queries.tickets({ stationId: 'grill' }).map((k) => k.fireSeq)).toEqual([1, 2]);
    expect(t.store.queries.tickets({ stationId: 'grill' })[1]?.items.map((i) => i.modifiers)).toEqual([['Well done']]);
    // The first fire's paper is plain; the later one is marked ADDED for the station already cooking.
    const deltas = t.store.printJobs.list({ orderId: order.id }).map((j) => [j.idemKey, j.payload.kind === 'kitchen' ? j.payload.delta ?? null : null]).sort();
    expect(deltas).toEqual([
      [`kitchen:${order.id}:drinks:1`, null], [`kitchen:${order.id}:grill:1`, null], [`kitchen:${order.id}:grill:2`, 'added'],
    ]);
  });

  it('completes only a ready, paid order', async () => {
    const order = await createOrder(t.store, { lines: [colaLine()] });
    await expectRefused(t.store, 'ORDER_TRANSITION_REFUSED', 'order.complete', { orderId: order.id }, actors.cashier);
    await t.store.execute('order.fire', newId(), { orderId: order.id }, actors.cashier);
    const ticket = t.store.queries.tickets()[0];
    await t.store.execute('ticket.bump', newId(), { ticketId: ticket?.id }, actors.expoKds);
    await expectRefused(t.store, 'ORDER_TRANSITION_REFUSED', 'order.complete', { orderId: order.id }, actors.cashier);
    await payCash(t.store, t.store.queries.order(order.id));
    const done = (await t.store.execute('order.complete', newId(), { orderId: order.id }, actors.cashier)).result as { order: Order };
    expect(done.order.status).toBe('completed');
    await expectRefused(t.store, 'ORDER_TRANSITION_REFUSED', 'order.void', { orderId: order.id, reason: 'late' }, actors.manager);
    await expectRefused(t.store, 'ORDER_TRANSITION_REFUSED', 'order.fire', { orderId: order.id }, actors.cashier);
  });

  it('voids with a manager and cancels kitchen jobs not yet printed', async () => {
    const order = await createOrder(t.store);
    await t.store.execute('order.fire', newId(), { orderId: order.id }, actors.cashier);
    await expectRefused(t.store, 'MANAGER_APPROVAL_REQUIRED', 'order.void', { orderId: order.id, reason: 'walked out' }, actors.cashier);
    const voided = (await t.store.execute('order.void', newId(), { orderId: order.id, reason: 'walked out', managerPin: '9999' }, actors.cashier)).result as { order: Order };
    expect(voided.order.status).toBe('voided');
    expect(t.store.printJobs.list({ orderId: order.id }).map((j) => j.status)).toEqual(['cancelled', 'cancelled']);
    expect(count(t.store, 'orders')).toBe(1);
    await expectRefused(t.store, 'ORDER_TRANSITION_REFUSED', 'order.void', { orderId: order.id, reason: 'again' }, actors.manager);
    await expectRefused(t.store, 'ORDER_NOT_FOUND', 'order.fire', { orderId: newId() }, actors.cashier);
  });
});
