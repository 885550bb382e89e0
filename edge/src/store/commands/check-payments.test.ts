/**
 * Paying and refunding table checks: tips on the POS, cash rounding of the balance for cash,
 * split tenders, and refunds back to the original tender up to what it captured (tip
 * included: the model's `refundable` rule), with a manager.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, type Order, type Payment, cashToSettle, newId, refundable } from '@brigade/sync/model';
import type { CheckView } from './check-rows';
import { type TestStore, actors, expectRefused, openTestStore } from '../test-support';

let t: TestStore;
beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.cleanup());

async function openCheck(): Promise<CheckView> {
  const lines = [
    { lineId: newId(), itemId: DEMO.burger, quantity: 1, modifierOptionIds: [DEMO.medium], seat: 1 },
    { lineId: newId(), itemId: DEMO.brulee, quantity: 1, modifierOptionIds: [], seat: 2 },
  ];
  return ((await t.store.execute('check.open', newId(), { orderId: newId(), tableId: 't2', guests: 2, lines }, actors.cashier)).result as { check: CheckView }).check;
}

type Paid = { order: Order; payment: Payment };
async function pay(args: Record<string, unknown>): Promise<Paid> {
  return (await t.store.execute('payment.capture', newId(), { paymentId: newId(), ...args }, actors.cashier)).result as Paid;
}

describe('paying a check', () => {
  it('settles with cash rounded to the store increment, the rounding recorded apart', async () => {
    await t.store.execute('checkSettings.save', newId(), { serviceCharge: null, cashIncrement: 5, tipSuggestions: [1800] }, actors.manager);
    const check = await openCheck();
    const due = check.totals.total;
    // A split tender: card pays part, cash settles the rest rounded.
    const card = await pay({ orderId: check.orderId, tender: 'card', amount: 1001, tip: 150 });
    const rest = due - 1001;
    const restRounded = cashToSettle(rest as typeof due, 5);
    expect(restRounded, 'the demo figures must leave a balance to round').not.toBe(rest);
    const cash = await pay({ orderId: check.orderId, tender: 'cash', amount: restRounded, tendered: 2000 });
    expect(cash.order.paymentStatus).toBe('paid');
    expect(cash.payment.amount).toBe(rest);
    expect(cash.payment.change).toBe(2000 - restRounded);
    const row = t.store.db.prepare('SELECT rounding FROM payment_roundings WHERE payment_id = ?').get(cash.payment.id) as { rounding: number } | undefined;
    expect(row?.rounding ?? 0).toBe(restRounded - rest);
    expect(card.payment.tip).toBe(150);
  });

  it('refunds back to each original tender, partly then fully, never beyond what it captured with its tip', async () => {
    const check = await openCheck();
    const card = await pay({ orderId: check.orderId, tender: 'card', amount: 1000, tip: 200 });
    const cash = await pay({ orderId: check.orderId, tender: 'cash', amount: check.totals.total - 1000 });
    const limit = refundable(card.payment);
    expect(limit).toBe(1200);
    const args = { orderId: check.orderId, paymentId: card.payment.id, reason: 'Overcooked' };
    await expectRefused(t.store, 'MANAGER_APPROVAL_REQUIRED', 'payment.refund', { ...args, amount: 100 }, actors.cashier);
    await expectRefused(t.store, 'REFUND_TOO_LARGE', 'payment.refund', { ...args, amount: limit + 1 }, actors.manager);
    await expectRefused(t.store, 'PAYMENT_NOT_FOUND', 'payment.refund', { ...args, paymentId: newId(), amount: 1 }, actors.manager);
    const part = (await t.store.execute('payment.refund', newId(), { ...args, amount: 500 }, actors.manager)).result as Paid;
    expect(part.payment).toMatchObject({ id: card.payment.id, tender: 'card', refunded: 500, status: 'partially_refunded' });
    const full = (await t.store.execute('payment.refund', newId(), { ...args, amount: limit - 500 }, actors.manager)).result as Paid;
    expect(full.payment.status).toBe('refunded');
    const cashPayment = full.order.payments.find((p) => p.id === cash.payment.id);
    expect(cashPayment?.refunded).toBe(0);
    const audit = t.store.queries.audit(20).filter((a) => a.action === 'payment.refund');
    expect(audit).toHaveLength(2);
  });
});
