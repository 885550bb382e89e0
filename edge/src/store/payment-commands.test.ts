import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Order, type Payment, newId } from '@brigade/sync/model';
import { type TestStore, actors, colaLine, count, createOrder, expectRefused, openTestStore } from './test-support';
import type { Actor, PaymentTerminal } from './types';

let t: TestStore;
beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.cleanup());

type Paid = { order: Order; payment: Payment };

function capture(args: Record<string, unknown>, actor: Actor = actors.cashier): Promise<Paid> {
  return t.store.execute('payment.capture', newId(), { paymentId: newId(), ...args }, actor).then((o) => o.result as Paid);
}

describe('payment.capture', () => {
  it('takes cash with change, opens the drawer, fires the unfired order and prints the receipt', async () => {
    const order = await createOrder(t.store);
    const total = order.totals.total;
    const { order: paid, payment } = await capture({ orderId: order.id, tender: 'cash', amount: total, tendered: total + 500 });
    expect(payment).toMatchObject({ tender: 'cash', amount: total, tendered: total + 500, change: 500, status: 'captured' });
    expect(paid).toMatchObject({ paymentStatus: 'paid', paid: total, status: 'preparing' });
    expect(t.store.queries.tickets({ status: 'new' })).toHaveLength(2);
    expect(t.store.printJobs.list({ orderId: order.id }).map((j) => j.kind).sort()).toEqual(['drawer', 'kitchen', 'kitchen', 'receipt']);
  });

  it('splits a bill: a partial payment leaves it partially paid and unfired', async () => {
    const order = await createOrder(t.store);
    const first = await capture({ orderId: order.id, tender: 'cash', amount: 1000 });
    expect(first.order).toMatchObject({ paymentStatus: 'partially_paid', status: 'open', paid: 1000 });
    expect(t.store.printJobs.list({ orderId: order.id }).map((j) => j.kind)).toEqual(['drawer']);
    const rest = await capture({ orderId: order.id, tender: 'card', amount: order.totals.total - 1000 });
    expect(rest.order).toMatchObject({ paymentStatus: 'paid', status: 'preparing' });
    expect(rest.payment.reference).toMatch(/^sim_/);
    await expectRefused(t.store, 'ORDER_ALREADY_PAID', 'payment.capture', { orderId: order.id, paymentId: newId(), tender: 'cash', amount: 1 }, actors.cashier);
  });

  it('refuses bad amounts and callers, writing nothing', async () => {
    const order = await createOrder(t.store);
    const total = order.totals.total;
    const base = { orderId: order.id, paymentId: newId() };
    await expectRefused(t.store, 'PAYMENT_AMOUNT_INVALID', 'payment.capture', { ...base, tender: 'cash', amount: total + 1 }, actors.cashier);
    await expectRefused(t.store, 'PAYMENT_AMOUNT_INVALID', 'payment.capture', { ...base, tender: 'cash', amount: total, tendered: total - 1 }, actors.cashier);
    await expectRefused(t.store, 'VALIDATION_FAILED', 'payment.capture', { ...base, tender: 'cash', amount: 0 }, actors.cashier);
    await expectRefused(t.store, 'VALIDATION_FAILED', 'payment.capture', { ...base, tender: 'cash', amount: -5 }, actors.cashier);
    await expectRefused(t.store, 'VALIDATION_FAILED', 'payment.capture', { ...base, tender: 'card', amount: total, tendered: total }, actors.cashier);
    await expectRefused(t.store, 'VALIDATION_FAILED', 'payment.capture', { ...base, tender: 'bitcoin', amount: total }, actors.cashier);
    await expectRefused(t.store, 'WRONG_DEVICE_ROLE', 'payment.capture', { ...base, tender: 'cash', amount: total }, actors.kiosk);
    await expectRefused(t.store, 'WRONG_DEVICE_ROLE', 'payment.capture', { ...base, tender: 'card', amount: total }, actors.grillKds);
    await expectRefused(t.store, 'STAFF_SIGN_IN_REQUIRED', 'payment.capture', { ...base, tender: 'cash', amount: total }, actors.posNoStaff);
    await expectRefused(t.store, 'ORDER_NOT_FOUND', 'payment.capture', { ...base, orderId: newId(), tender: 'cash', amount: 100 }, actors.cashier);
  });

  it('lets a kiosk pay by card and records the reader reference', async () => {
    const order = await createOrder(t.store, { channel: 'kiosk' }, actors.kiosk);
    const { payment, order: paid } = await capture({ orderId: order.id, tender: 'card', amount: order.totals.total }, actors.kiosk);
    expect(payment.reference).toBeTruthy();
    expect(paid.paymentStatus).toBe('paid');
  });

  it('records nothing when the card is declined or the reader is down', async () => {
    const declining: PaymentTerminal = { charge: () => Promise.resolve({ status: 'declined', reason: 'insufficient funds' }) };
    t.reopen({ terminal: declining });
    const order = await createOrder(t.store);
    await expectRefused(t.store, 'PAYMENT_DECLINED', 'payment.capture', { orderId: order.id, paymentId: newId(), tender: 'card', amount: order.totals.total }, actors.cashier);
    t.reopen({ terminal: { charge: () => Promise.reject(new Error('reader unplugged')) } });
    await expectRefused(t.store, 'PAYMENT_UNAVAILABLE', 'payment.capture', { orderId: order.id, paymentId: newId(), tender: 'card', amount: order.totals.total }, actors.cashier);
    // Cash still works while cards do not.
    const { order: paid } = await capture({ orderId: order.id, tender: 'cash', amount: order.totals.total });
    expect(paid.paymentStatus).toBe('paid');
  });

  it('does not charge the card when the order cannot take the payment', async () => {
    let charges = 0;
    t.reopen({ terminal: { charge: () => { charges++; return Promise.resolve({ status: 'approved', reference: 'x' }); } } });
    const order = await createOrder(t.store);
    await expectRefused(t.store, 'PAYMENT_AMOUNT_INVALID', 'payment.capture', { orderId: order.id, paymentId: newId(), tender: 'card', amount: order.totals.total + 1 }, actors.cashier);
    expect(charges).toBe(0);
  });
});

describe('payment.refund', () => {
  it('refunds up to what was captured, with a manager, and opens the drawer for cash', async () => {
    const order = await createOrder(t.store, { lines: [colaLine()] });
    const { payment } = await capture({ orderId: order.id, tender: 'cash', amount: order.totals.total });
    const args = { orderId: order.id, paymentId: payment.id, reason: 'cold drink' };
    await expectRefused(t.store, 'MANAGER_APPROVAL_REQUIRED', 'payment.refund', { ...args, amount: 100 }, actors.cashier);
    await expectRefused(t.store, 'REFUND_TOO_LARGE', 'payment.refund', { ...args, amount: payment.amount + 1 }, actors.manager);
    await expectRefused(t.store, 'PAYMENT_NOT_FOUND', 'payment.refund', { ...args, paymentId: newId(), amount: 1 }, actors.manager);
    const drawersBefore = count(t.store, 'print_jobs', "kind = 'drawer'");
    const part = (await t.store.execute('payment.refund', newId(), { ...args, amount: 100, managerPin: '9999' }, actors.cashier)).result as Paid;
    expect(part.payment).toMatchObject({ refunded: 100, status: 'partially_refunded' });
    expect(part.order).toMatchObject({ refunded: 100, paymentStatus: 'partially_refunded' });
    expect(count(t.store, 'print_jobs', "kind = 'drawer'")).toBe(drawersBefore + 1);
    await expectRefused(t.store, 'REFUND_TOO_LARGE', 'payment.refund', { ...args, amount: payment.amount - 99 }, actors.manager);
    const rest = (await t.store.execute('payment.refund', newId(), { ...args, amount: payment.amount - 100 }, actors.manager)).result as Paid;
    expect(rest.payment.status).toBe('refunded');
    expect(rest.order.paymentStatus).toBe('refunded');
    expect(t.store.queries.audit(1)[0]).toMatchObject({ action: 'payment.refund', approvedBy: actors.manager.staff.id });
  });
});
