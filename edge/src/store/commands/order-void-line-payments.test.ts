/**
 * Voiding a line never keeps its money, the rule of `order.void` for one line: while the
 * payments still hold more than the order would cost without the line, `order.voidLine` is
 * refused with ORDER_HAS_PAYMENTS (409) and nothing is written; the POS refunds the
 * difference to the tender first. The Z report then counts the line in `voids`, out of gross,
 * and its refund in the tenders' `refunded` but not again off net.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrigadeError, DEMO, type DayReport, type LineId, type Order, demoMenu, indexMenu, newId, priceCheck } from '@brigade/sync/model';
import { type TestStore, actors, createOrder, expectRefused, openTestStore, payCash } from '../test-support';
import { ROLE_PINS, run, staffForEveryRole } from './staff-cash-test-kit';

const index = indexMenu(demoMenu);
let t: TestStore;
beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.cleanup());

type Wire = Parameters<typeof priceCheck>[1]['lines'][number];
const burgerLine = (): Wire => ({ lineId: newId<LineId>(), itemId: DEMO.burger, quantity: 1, modifierOptionIds: [DEMO.medium] });
const colaLine = (): Wire => ({ lineId: newId<LineId>(), itemId: DEMO.cola, quantity: 1, modifierOptionIds: [DEMO.regular] });

/** The order without its first line, priced by the model as the register prices it. */
function pricedWithout(lines: readonly Wire[]): ReturnType<typeof priceCheck>['totals'] {
  return priceCheck(index, { lines: lines.slice(1), diningOption: 'take_out', sale: { channel: 'counter' } }).totals;
}

const totalWithout = (lines: readonly Wire[]): number => pricedWithout(lines).total;

async function refund(order: Order, amount: number): Promise<Order> {
  const payment = order.payments[0]!;
  const { result } = await t.store.execute('payment.refund', newId(), { orderId: order.id, paymentId: payment.id, amount, reason: 'wrong item' }, actors.manager);
  return (result as { order: Order }).order;
}

const voidFirst = (order: Order) => ({ orderId: order.id, lineId: order.lines[0]!.lineId, reason: 'wrong item' });

async function closeDay(): Promise<DayReport> {
  const staff = staffForEveryRole(t.store);
  t.clock.advance(60_000);
  return (await run(t.store, 'report.closeDay', { reportId: newId(), managerPin: ROLE_PINS.manager }, staff.manager)).report as DayReport;
}

describe('voiding a line of an order that took money', () => {
  it('is refused with ORDER_HAS_PAYMENTS (409) on a paid order, naming what to refund first, and writes nothing', async () => {
    const lines = [burgerLine(), colaLine()];
    const paid = await payCash(t.store, await createOrder(t.store, { lines }));
    await expectRefused(t.store, 'ORDER_HAS_PAYMENTS', 'order.voidLine', voidFirst(paid), actors.manager);
    const error = await t.store.execute('order.voidLine', newId(), voidFirst(paid), actors.manager).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrigadeError);
    expect((error as BrigadeError).status).toBe(409);
    expect((error as BrigadeError).details).toMatchObject({ refundFirst: paid.totals.total - totalWithout(lines) });
    expect(t.store.queries.order(paid.id).lines.every((l) => !l.voided)).toBe(true);
  });

  it('stays refused after a refund smaller than the line', async () => {
    const lines = [burgerLine(), colaLine()];
    const paid = await payCash(t.store, await createOrder(t.store, { lines }));
    const partly = await refund(paid, paid.totals.total - totalWithout(lines) - 1);
    await expectRefused(t.store, 'ORDER_HAS_PAYMENTS', 'order.voidLine', voidFirst(partly), actors.manager);
  });

  it('goes through on a part-paid order whose payment the other lines still cover', async () => {
    const lines = [colaLine(), burgerLine()];
    const order = await createOrder(t.store, { lines });
    await payCash(t.store, order, totalWithout(lines));
    const { result } = await t.store.execute('order.voidLine', newId(), voidFirst(order), actors.manager);
    const after = (result as { order: Order }).order;
    expect(after.lines[0]?.voided).toBe(true);
    expect(after.totals.total).toBe(totalWithout(lines));
  });

  it('is refused on a paid table check too', async () => {
    const lines = [{ lineId: newId(), itemId: 'item-beer', quantity: 1, modifierOptionIds: [] }, { lineId: newId(), itemId: 'item-beer', quantity: 2, modifierOptionIds: [] }];
    const orderId = newId();
    await t.store.execute('check.open', newId(), { orderId, tableId: 't4', guests: 2, lines }, actors.cashier);
    const paid = await payCash(t.store, t.store.queries.order(orderId));
    await expectRefused(t.store, 'ORDER_HAS_PAYMENTS', 'order.voidLine', voidFirst(paid), actors.manager);
    await expectRefused(t.store, 'LINE_NOT_FOUND', 'order.voidLine', { ...voidFirst(paid), lineId: newId() }, actors.manager);
    await expectRefused(t.store, 'MANAGER_APPROVAL_REQUIRED', 'order.voidLine', voidFirst(paid), actors.cashier);
  });

  it('goes through once the line is refunded to its tender; the Z report counts it once', async () => {
    const lines = [burgerLine(), colaLine()];
    const kept = totalWithout(lines);
    const paid = await payCash(t.store, await createOrder(t.store, { lines }));
    const given = paid.totals.total - kept;
    const refunded = await refund(paid, given);
    const { result } = await t.store.execute('order.voidLine', newId(), voidFirst(refunded), actors.manager);
    const after = (result as { order: Order }).order;
    expect(after.totals.total).toBe(kept);
    expect(after.paid - after.refunded).toBe(kept);
    await expectRefused(t.store, 'LINE_ALREADY_VOIDED', 'order.voidLine', voidFirst(after), actors.manager);

    const report = await closeDay();
    // The line is out of gross, and its refund does not come off net a second time.
    expect(report.gross).toBe(pricedWithout(lines).subtotal);
    expect(report.net).toBe(pricedWithout(lines).subtotal);
    expect(report.voids).toEqual({ count: 1, amount: paid.lines[0]!.lineTotal });
    expect(report.refunds).toEqual({ count: 1, amount: given });
    expect(report.tenders.find((x) => x.tender === 'cash')).toMatchObject({ count: 1, amount: paid.totals.total, refunded: given });
    expect(report.payments - report.refunds.amount).toBe(kept);
  });
});
