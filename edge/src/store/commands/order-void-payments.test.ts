/**
 * Voiding an order never keeps its money: an order still holding payments (or a split check
 * whose parts do) is refused with ORDER_HAS_PAYMENTS and nothing is written; once every tender
 * is refunded to where it came from, the void goes through, and the Z report shows the sale
 * neither in gross nor twice in net, with the money taken and given back in its tenders.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrigadeError, type DayReport, type Order, type TenderFigure, newId } from '@brigade/sync/model';
import { type TestStore, actors, createOrder, expectRefused, openTestStore, payCash } from '../test-support';
import { refundAndVoid, refundEverything } from './order-void-test-kit';
import { ROLE_PINS, run, staffForEveryRole } from './staff-cash-test-kit';

let t: TestStore;
beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.cleanup());

const sql = (query: string, ...params: unknown[]): number => (t.store.db.prepare(query).get(...params) as { n: number | null }).n ?? 0;

async function payWithTip(order: Order, tip: number): Promise<Order> {
  const { result } = await t.store.execute('payment.capture', newId(), {
    orderId: order.id, paymentId: newId(), tender: 'cash', amount: order.totals.total, tendered: order.totals.total + tip, tip,
  }, actors.cashier);
  return (result as { order: Order }).order;
}

async function closeDay(): Promise<DayReport> {
  const staff = staffForEveryRole(t.store);
  t.clock.advance(60_000);
  return (await run(t.store, 'report.closeDay', { reportId: newId(), managerPin: ROLE_PINS.manager }, staff.manager)).report as DayReport;
}

const cashTender = (report: DayReport): TenderFigure | undefined => report.tenders.find((x) => x.tender === 'cash');

describe('voiding an order that took money', () => {
  it('is refused with ORDER_HAS_PAYMENTS (409) while a payment holds money, and writes nothing', async () => {
    const paid = await payCash(t.store, await createOrder(t.store));
    await expectRefused(t.store, 'ORDER_HAS_PAYMENTS', 'order.void', { orderId: paid.id, reason: 'mistake' }, actors.manager);
    const error = await t.store.execute('order.void', newId(), { orderId: paid.id, reason: 'mistake' }, actors.manager).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrigadeError);
    expect((error as BrigadeError).status).toBe(409);
    expect(t.store.queries.order(paid.id).status).not.toBe('voided');
  });

  it('stays refused after a partial refund, and a tip left unrefunded still counts as money kept', async () => {
    const paid = await payWithTip(await createOrder(t.store), 150);
    const payment = paid.payments[0]!;
    await t.store.execute('payment.refund', newId(), { orderId: paid.id, paymentId: payment.id, amount: paid.totals.total, reason: 'cold' }, actors.manager);
    await expectRefused(t.store, 'ORDER_HAS_PAYMENTS', 'order.void', { orderId: paid.id, reason: 'mistake' }, actors.manager);
  });

  it('goes through once every tender is refunded; the order is voided with nothing kept', async () => {
    const paid = await payWithTip(await createOrder(t.store), 150);
    const voided = await refundAndVoid(t.store, paid.id);
    expect(voided.status).toBe('voided');
    expect(sql('SELECT sum(amount + tip - refunded) AS n FROM payments WHERE order_id = ?', paid.id)).toBe(0);
  });

  it('refuses to void a split check while one of its parts holds money', async () => {
    const orderId = newId();
    const lines = [{ lineId: newId(), itemId: 'item-beer', quantity: 2, modifierOptionIds: [] }];
    await t.store.execute('check.open', newId(), { orderId, tableId: 't4', guests: 2, lines }, actors.cashier);
    const children = [newId(), newId()];
    await t.store.execute('check.split', newId(), { orderId, mode: 'even', childOrderIds: children }, actors.cashier);
    await payCash(t.store, t.store.queries.order(children[0]!));
    await expectRefused(t.store, 'ORDER_HAS_PAYMENTS', 'order.void', { orderId, reason: 'mistake' }, actors.manager);
    await refundEverything(t.store, children[0]!);
    const { result } = await t.store.execute('order.void', newId(), { orderId, reason: 'mistake' }, actors.manager);
    expect((result as { order: Order }).order.status).toBe('voided');
  });

  it('leaves the Z report with the sale out of gross and net, and the cash taken and given back', async () => {
    const kept = await payCash(t.store, await createOrder(t.store));
    const gone = await payWithTip(await createOrder(t.store), 150);
    await refundAndVoid(t.store, gone.id);
    const report = await closeDay();
    // Only the order that stands is a sale.
    expect(report.orders).toMatchObject({ count: 1, voided: 1 });
    expect(report.gross).toBe(kept.totals.subtotal);
    expect(report.refunds).toEqual({ count: 1, amount: gone.totals.total + 150 });
    expect(report.net).toBe(kept.totals.subtotal);
    expect(report.voids).toEqual({ count: 1, amount: gone.totals.total });
    // Money: both payments were taken, one given back in full.
    expect(cashTender(report)).toMatchObject({ count: 2, amount: kept.totals.total + gone.totals.total, tips: 150, refunded: gone.totals.total + 150 });
    expect(report.payments + report.tips - report.refunds.amount).toBe(kept.totals.total);
  });
});
