/**
 * Table checks in the store: pricing by the model's `priceCheck` (dining option, discounts,
 * comps, promo codes, service charge), courses held and fired, splits that add up, merges,
 * moves, and refusals that write nothing. Expected figures come from the model functions on
 * the demo menu, never from what the store wrote.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type CheckLineRequest, type CheckTotals, DEMO, type KitchenTicket, type LineId, type Order, type PromoCode, demoMenu, indexMenu, newId,
  priceCheck, splitBySeat, splitEvenly,
} from '@brigade/sync/model';
import type { CheckView } from './check-rows';
import { type TestStore, actors, count, expectRefused, fingerprint, openTestStore } from '../test-support';
import type { Actor, EdgeStore } from '../types';

const index = indexMenu(demoMenu);
let t: TestStore;
beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.cleanup());

type Line = CheckLineRequest & { course?: number };

function line(itemId: string, extra: Partial<Line> = {}): Line {
  const modifiers: Record<string, string[]> = { [DEMO.burger]: [DEMO.medium], [DEMO.cola]: [DEMO.regular] };
  return { lineId: newId<LineId>(), itemId: itemId as Line['itemId'], quantity: 1, modifierOptionIds: (modifiers[itemId] ?? []) as unknown as Line['modifierOptionIds'], ...extra };
}

async function run<R = { check: CheckView }>(store: EdgeStore, name: string, args: unknown, actor: Actor = actors.cashier): Promise<R> {
  return (await store.execute(name, newId(), args, actor)).result as R;
}

async function openTable(store: EdgeStore, lines: Line[], extra: Record<string, unknown> = {}): Promise<CheckView> {
  return (await run(store, 'check.open', { orderId: newId(), tableId: 't4', guests: 3, lines, ...extra })).check;
}

/** The model's price for the same lines: what the store must charge. */
function modelTotals(lines: Line[], extra: Parameters<typeof priceCheck>[1] extends infer I ? Partial<I> : never = {}): CheckTotals {
  return priceCheck(index, { lines: lines.map(({ course: _c, ...l }) => l), diningOption: 'eat_in', guests: 3, ...extra }).totals;
}

function order(store: EdgeStore, id: string): Order {
  return store.queries.order(id);
}

/** Every table a check command writes, so a refusal can be shown to write nothing. */
function checkFingerprint(store: EdgeStore): Record<string, number | string> {
  const digest = (sql: string): string => String((store.db.prepare(sql).get() as { d: string | null }).d ?? '');
  return {
    ...fingerprint(store),
    checks: digest("SELECT group_concat(order_id || coalesce(table_id,'-') || coalesce(guests,'-') || order_discounts || coalesce(promo_code,'-') || coalesce(split_into,'-') || released_courses, ',') AS d FROM checks"),
    lines: digest("SELECT group_concat(line_id || order_id || coalesce(seat,'-') || course || coalesce(discount,'-') || coalesce(comp,'-'), ',') AS d FROM check_lines"),
    priced: digest("SELECT group_concat(priced, ',') AS d FROM order_lines"),
    promoUses: digest("SELECT group_concat(code || order_id, ',') AS d FROM promo_uses"),
    floor: digest("SELECT group_concat(id || label || seats || active, ',') AS d FROM floor_tables"),
  };
}

async function expectCheckRefused(store: EdgeStore, code: Parameters<typeof expectRefused>[1], name: string, args: unknown, actor: Actor = actors.cashier): Promise<void> {
  const before = checkFingerprint(store);
  await expectRefused(store, code, name, args, actor);
  expect(checkFingerprint(store)).toEqual(before);
}

describe('a check on a table', () => {
  it('opens on table 4 for 3 guests with lines on seats, priced by the model, with audit and outbox', async () => {
    const lines = [line(DEMO.burger, { seat: 1 }), line(DEMO.cola, { seat: 2 }), line(DEMO.brulee, { seat: 3, course: 2 })];
    const check = await openTable(t.store, lines);
    expect(check.tableLabel).toBe('4');
    expect(check.guests).toBe(3);
    expect(check.lines.map((l) => [l.seat, l.course, l.held])).toEqual([[1, 1, false], [2, 1, false], [3, 2, true]]);
    const stored = order(t.store, check.orderId);
    expect(stored.totals.total).toBe(modelTotals(lines).total);
    expect(stored.channel).toBe('table');
    expect(count(t.store, 'audit_log', "action = 'check.open'")).toBe(1);
    expect(count(t.store, 'outbox', "name = 'order.snapshot'")).toBeGreaterThan(0);
  });

  it('prices line discounts, comps (manager only), order discounts and the large-party service charge like the model', async () => {
    await run(t.store, 'checkSettings.save', {
      serviceCharge: { name: 'Large party', minGuests: 6, rateBps: 1800, taxable: true, taxRateIds: [DEMO.taxStandard] }, cashIncrement: 5, tipSuggestions: [1800],
    }, actors.manager);
    const burger = line(DEMO.burger, { seat: 1, quantity: 2 });
    const cola = line(DEMO.cola, { seat: 2 });
    const check = await openTable(t.store, [burger, cola], { guests: 6 });
    const discount = { name: 'Regular', value: { kind: 'percent' as const, bps: 1000 } };
    await run(t.store, 'check.discountLine', { orderId: check.orderId, lineId: burger.lineId, discount });
    await expectCheckRefused(t.store, 'MANAGER_APPROVAL_REQUIRED', 'check.compLine', { orderId: check.orderId, lineId: cola.lineId, comp: { reason: 'Flat' } });
    await run(t.store, 'check.compLine', { orderId: check.orderId, lineId: cola.lineId, comp: { reason: 'Flat' } }, actors.manager);
    const orderDiscount = { name: 'Five off', value: { kind: 'amount' as const, amount: 500 } };
    const after = await run(t.store, 'check.setDiscounts', { orderId: check.orderId, orderDiscounts: [orderDiscount] });
    const expected = modelTotals([{ ...burger, discount }, { ...cola, comp: { reason: 'Flat' } }], {
      guests: 6, orderDiscounts: [orderDiscount] as never,
      serviceCharge: { name: 'Large party', minGuests: 6, rateBps: 1800, taxable: true, taxRateIds: [DEMO.taxStandard] },
    });
    expect(expected.serviceCharge).toBeGreaterThan(0);
    expect(after.check.totals).toEqual(expected);
    expect(order(t.store, check.orderId).totals.total).toBe(expected.total);
    // Below the threshold the charge goes.
    const smaller = await run(t.store, 'check.update', { orderId: check.orderId, guests: 5 });
    expect(smaller.check.totals.serviceCharge).toBe(0);
  });

  it('takes the dining option\'s tax rates, frozen when the line was added', async () => {
    const menu = { ...demoMenu, items: demoMenu.items.map((i) => (i.id === DEMO.burger ? { ...i, taxRateIdsByDiningOption: { take_out: [] } } : i)) };
    t.store.replaceMenu(menu);
    const burger = line(DEMO.burger);
    const check = await openTable(t.store, [burger]);
    expect(check.totals.tax).toBeGreaterThan(0);
    const takeOut = await run(t.store, 'check.update', { orderId: check.orderId, diningOption: 'take_out' });
    expect(takeOut.check.totals.tax).toBe(0);
    // A later menu price change does not touch the line already on the check.
    t.store.replaceMenu({ ...menu, items: menu.items.map((i) => (i.id === DEMO.burger ? { ...i, price: (i.price * 2) as typeof i.price } : i)) });
    const back = await run(t.store, 'check.update', { orderId: check.orderId, diningOption: 'eat_in' });
    expect(back.check.totals.total).toBe(check.totals.total);
  });

  it('counts a promo code once per order and refuses it when used up, expired or unknown', async () => {
    const promo: PromoCode = { code: 'Lunch10', name: 'Lunch', value: { kind: 'percent', bps: 1000 }, maxUses: 1, expiresAt: '2026-04-01T00:00:00.000Z' };
    await run(t.store, 'promo.save', { promo, active: true }, actors.manager);
    const lines = [line(DEMO.burger)];
    const first = await openTable(t.store, lines);
    await run(t.store, 'check.applyPromo', { orderId: first.orderId, code: ' lunch10 ' });
    const again = await run(t.store, 'check.applyPromo', { orderId: first.orderId, code: 'LUNCH10' });
    expect(again.check.promoCode).toBe('LUNCH10');
    expect(again.check.totals.total).toBe(modelTotals(lines, { promo: { promo, code: 'LUNCH10', uses: 0, at: t.clock.now() } }).total);
    const second = await openTable(t.store, [line(DEMO.cola)]);
    await expectCheckRefused(t.store, 'PROMO_CODE_USED_UP', 'check.applyPromo', { orderId: second.orderId, code: 'lunch10' });
    await expectCheckRefused(t.store, 'PROMO_CODE_INVALID', 'check.applyPromo', { orderId: second.orderId, code: 'NOPE' });
    await run(t.store, 'check.applyPromo', { orderId: first.orderId, code: null });
    t.clock.set('2026-04-02T12:00:00.000Z');
    await expectCheckRefused(t.store, 'PROMO_CODE_EXPIRED', 'check.applyPromo', { orderId: second.orderId, code: 'lunch10' });
  });
});

describe('courses', () => {
  it('holds later courses on a send, then fires course 2 alone with its course on the ticket', async () => {
    const lines = [line(DEMO.burger, { seat: 1 }), line(DEMO.brulee, { seat: 1, course: 2 }), line(DEMO.cola, { seat: 2 })];
    const check = await openTable(t.store, lines);
    await run(t.store, 'order.fire', { orderId: check.orderId });
    const firstItems = t.store.queries.tickets().flatMap((tk) => tk.items.map((i) => i.lineId));
    expect(firstItems.sort()).toEqual([lines[0]?.lineId, lines[2]?.lineId].sort());
    await expectCheckRefused(t.store, 'ORDER_EMPTY', 'course.fire', { orderId: check.orderId, course: 3 });
    const fired = await run<{ tickets: KitchenTicket[]; check: CheckView }>(t.store, 'course.fire', { orderId: check.orderId, course: 2 });
    expect(fired.tickets.flatMap((tk) => tk.items.map((i) => [i.lineId, i.course]))).toEqual([[lines[1]?.lineId, 2]]);
    expect(fired.check.lines.every((l) => !l.held && l.firedIn !== null)).toBe(true);
    await expectCheckRefused(t.store, 'LINE_ALREADY_FIRED', 'check.setQuantity', { orderId: check.orderId, lineId: lines[1]?.lineId, quantity: 2 });
  });
});

describe('split and merge', () => {
  it('splits by seat into child checks that add up to the cent and are paid separately', async () => {
    const lines = [line(DEMO.burger, { seat: 1 }), line(DEMO.cola, { seat: 2, quantity: 3 }), line(DEMO.brulee, { seat: 3 }), line(DEMO.cola)];
    const orderDiscounts = [{ name: 'Odd', value: { kind: 'amount' as const, amount: 333 } }];
    const check = await openTable(t.store, lines);
    await run(t.store, 'check.setDiscounts', { orderId: check.orderId, orderDiscounts });
    const priced = priceCheck(index, { lines, diningOption: 'eat_in', guests: 3, orderDiscounts: orderDiscounts as never });
    const expected = splitBySeat(index, priced).map((p) => p.totals.total);
    const childOrderIds = expected.map(() => newId());
    const split = await run<{ check: CheckView }>(t.store, 'check.split', { orderId: check.orderId, mode: 'seat', childOrderIds });
    expect(split.check.totals.total).toBe(0);
    const children = childOrderIds.map((id) => order(t.store, id));
    expect(children.map((c) => c.totals.total)).toEqual(expected);
    expect(children.reduce((s, c) => s + c.totals.total, 0)).toBe(priced.totals.total);
    expect(children.map((c) => c.lines.length)).toEqual([1, 1, 1, 1]);
    for (const child of children) {
      await run(t.store, 'payment.capture', { orderId: child.id, paymentId: newId(), tender: 'cash', amount: child.totals.total }, actors.cashier);
    }
    expect(childOrderIds.map((id) => order(t.store, id).paymentStatus)).toEqual(childOrderIds.map(() => 'paid'));
    await expectCheckRefused(t.store, 'CHECK_SPLIT', 'check.addLines', { orderId: check.orderId, lines: [line(DEMO.cola)] });
    await expectCheckRefused(t.store, 'ORDER_ALREADY_PAID', 'payment.capture', { orderId: check.orderId, paymentId: newId(), tender: 'cash', amount: 100 });
  });

  it('splits evenly and by item, always to the cent', async () => {
    const lines = [line(DEMO.burger), line(DEMO.cola), line(DEMO.brulee)];
    const even = await openTable(t.store, lines);
    const ids = [newId(), newId(), newId()];
    await run(t.store, 'check.split', { orderId: even.orderId, mode: 'even', childOrderIds: ids });
    const expected = splitEvenly(priceCheck(index, { lines, diningOption: 'eat_in', guests: 3 }), 3).map((p) => p.totals.total);
    expect(ids.map((id) => order(t.store, id).totals.total)).toEqual(expected);
    const byItem = await openTable(t.store, lines.map((l) => ({ ...l, lineId: newId<LineId>() })));
    const itemIds = [newId(), newId()];
    const assignment = byItem.lines.map((l, i) => ({ lineId: l.lineId, part: i === 0 ? 0 : 1 }));
    await expectCheckRefused(t.store, 'SPLIT_INVALID', 'check.split', { orderId: byItem.orderId, mode: 'item', childOrderIds: itemIds, assignment: assignment.slice(1) });
    await run(t.store, 'check.split', { orderId: byItem.orderId, mode: 'item', childOrderIds: itemIds, assignment });
    expect(itemIds.reduce((s, id) => s + order(t.store, id).totals.total, 0)).toBe(byItem.totals.total);
  });

  it('merges two checks into one and moves lines between checks and seats', async () => {
    const a = await openTable(t.store, [line(DEMO.burger, { seat: 1 })]);
    const moving = line(DEMO.cola, { seat: 1 });
    const b = await run(t.store, 'check.open', { orderId: newId(), tabName: 'Sam', guests: 2, lines: [moving, line(DEMO.brulee)] });
    await run(t.store, 'check.moveLines', { orderId: b.check.orderId, lineIds: [moving.lineId], toOrderId: a.orderId, seat: 2 });
    const moved = t.store.queries.order(a.orderId);
    expect(moved.lines.map((l) => l.lineId)).toContain(moving.lineId);
    const merged = await run(t.store, 'check.merge', { orderId: a.orderId, fromOrderIds: [b.check.orderId] });
    expect(merged.check.guests).toBe(5);
    expect(merged.check.lines).toHaveLength(3);
    expect(order(t.store, b.check.orderId).status).toBe('cancelled');
    expect(merged.check.totals.total).toBe(modelTotals([line(DEMO.burger), line(DEMO.cola), line(DEMO.brulee)], { guests: 5 }).total);
  });
});

describe('bad inputs write nothing', () => {
  it('refuses each with its code', async () => {
    const burger = line(DEMO.burger);
    const check = await openTable(t.store, [burger]);
    const o = check.orderId;
    const cases: [Parameters<typeof expectRefused>[1], string, Record<string, unknown>, Actor?][] = [
      ['TABLE_NOT_FOUND', 'check.open', { orderId: newId(), tableId: 'nowhere', guests: 2 }],
      ['VALIDATION_FAILED', 'check.open', { orderId: newId(), guests: 2 }],
      ['VALIDATION_FAILED', 'check.open', { orderId: newId(), tableId: 't4', guests: 0 }],
      ['VALIDATION_FAILED', 'check.open', { orderId: o, tableId: 't4', guests: 2 }],
      ['ITEM_UNKNOWN', 'check.addLines', { orderId: o, lines: [line('item-nothing')] }],
      ['VALIDATION_FAILED', 'check.addLines', { orderId: o, lines: [line(DEMO.cola, { seat: 100 })] }],
      ['VALIDATION_FAILED', 'check.addLines', { orderId: o, lines: [line(DEMO.cola, { course: 0 })] }],
      ['VALIDATION_FAILED', 'check.addLines', { orderId: o, lines: [burger] }],
      ['ORDER_NOT_FOUND', 'check.addLines', { orderId: newId(), lines: [line(DEMO.cola)] }],
      ['LINE_NOT_FOUND', 'check.setQuantity', { orderId: o, lineId: newId(), quantity: 2 }],
      ['VALIDATION_FAILED', 'check.setQuantity', { orderId: o, lineId: burger.lineId, quantity: 0 }],
      ['VALIDATION_FAILED', 'check.moveLines', { orderId: o, lineIds: [burger.lineId] }],
      ['ORDER_NOT_FOUND', 'check.moveLines', { orderId: o, lineIds: [burger.lineId], toOrderId: newId() }],
      ['VALIDATION_FAILED', 'check.discountLine', { orderId: o, lineId: burger.lineId, discount: { name: 'x', value: { kind: 'percent', bps: 10001 } } }],
      ['COMP_REASON_REQUIRED', 'check.compLine', { orderId: o, lineId: burger.lineId, comp: { reason: '   ' } }, actors.manager],
      ['VALIDATION_FAILED', 'check.setDiscounts', { orderId: o, orderDiscounts: [{ name: 'x', value: { kind: 'amount', amount: -1 } }] }],
      ['PROMO_CODE_INVALID', 'check.applyPromo', { orderId: o, code: 'NONE' }],
      ['VALIDATION_FAILED', 'check.update', { orderId: o, guests: 1000 }],
      ['TABLE_NOT_FOUND', 'check.update', { orderId: o, tableId: 'nowhere' }],
      ['VALIDATION_FAILED', 'check.split', { orderId: o, mode: 'even', childOrderIds: [] }],
      ['SPLIT_INVALID', 'check.split', { orderId: o, mode: 'seat', childOrderIds: [newId(), newId()] }],
      ['SPLIT_INVALID', 'check.merge', { orderId: o, fromOrderIds: [o] }],
      ['ORDER_EMPTY', 'course.fire', { orderId: o, course: 2 }],
      ['VALIDATION_FAILED', 'floor.saveSection', { sectionId: 'patio', name: '', sortOrder: 1 }, actors.manager],
      ['VALIDATION_FAILED', 'floor.saveSection', { sectionId: 'no spaces', name: 'Patio', sortOrder: 1 }, actors.manager],
      ['MANAGER_APPROVAL_REQUIRED', 'floor.saveTable', { tableId: 't4', sectionId: 'dining', label: '4', seats: 9, x: 0, y: 0, shape: 'round', active: true }],
      ['SECTION_NOT_FOUND', 'floor.saveTable', { tableId: 'x1', sectionId: 'nowhere', label: 'X', seats: 2, x: 0, y: 0, shape: 'round', active: true }, actors.manager],
      ['TABLE_LABEL_TAKEN', 'floor.saveTable', { tableId: 'x1', sectionId: 'dining', label: '4', seats: 2, x: 0, y: 0, shape: 'round', active: true }, actors.manager],
      ['VALIDATION_FAILED', 'checkSettings.save', { serviceCharge: { name: 'S', minGuests: 8, rateBps: 1800, taxable: true, taxRateIds: ['tax-none'] }, cashIncrement: 5, tipSuggestions: [] }, actors.manager],
      ['VALIDATION_FAILED', 'promo.save', { promo: { code: 'A', name: 'A', value: { kind: 'percent', bps: 100 }, startsAt: '2026-05-01T00:00:00Z', expiresAt: '2026-04-01T00:00:00Z' }, active: true }, actors.manager],
    ];
    for (const [code, name, args, actor] of cases) await expectCheckRefused(t.store, code, name, args, actor ?? actors.cashier);
  });
});
