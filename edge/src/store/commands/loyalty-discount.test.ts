/**
 * Points as a reward: `loyalty.redeem` takes points off the account and puts a discount line
 * (kind `loyalty`) on the check, priced by the model's `priceCheck` before tax — no payment.
 * Expected totals come from the model; balances from plain SQL. Bad inputs write nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CheckLineRequest, type Order, demoMenu, indexMenu, loyaltyDiscount, newId, priceCheck } from '@brigade/sync/model';
import { receiptCheckOf } from '@brigade/drivers';
import { type TestStore, actors, burgerLine, colaLine, createOrder, expectRefused, openTestStore, payCash } from '../test-support';
import type { CheckView } from './check-rows';
import { balanceInSql, inventoryFingerprint } from './inventory-test-support';

const index = indexMenu(demoMenu);
const PHONE = '15550100000';
const POINT_VALUE = 5;
let t: TestStore;

async function run<R>(name: string, args: Record<string, unknown>): Promise<R> {
  return (await t.store.execute(name, newId(), args, actors.cashier)).result as R;
}

/** Gives the account points by a paid order it was attached to; returns the balance. */
async function earn(quantity = 20): Promise<number> {
  const order = await createOrder(t.store, { lines: [burgerLine({ quantity })] });
  await run('loyalty.attach', { orderId: order.id, account: PHONE });
  await payCash(t.store, order);
  return balanceInSql(t.store, 'loyalty', PHONE);
}

async function refused(code: Parameters<typeof expectRefused>[1], args: Record<string, unknown>): Promise<void> {
  const before = inventoryFingerprint(t.store);
  await expectRefused(t.store, code, 'loyalty.redeem', args, actors.cashier);
  expect(inventoryFingerprint(t.store)).toEqual(before);
}

beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.cleanup());

describe('points redeemed as a discount', () => {
  it('takes the points\' value off before tax, as the model prices it, with no payment', async () => {
    const points = await earn();
    const lines = [burgerLine(), colaLine()];
    const order = await createOrder(t.store, { lines });
    const redemptionId = newId();
    const result = await run<{ order: Order; points: number; discount: number }>('loyalty.redeem', { orderId: order.id, paymentId: redemptionId, account: PHONE, points: 100 });
    const expected = priceCheck(index, {
      lines: lines as unknown as CheckLineRequest[],
      diningOption: 'take_out',
      orderDiscounts: [loyaltyDiscount({ account: PHONE, points: 100, redemptionId }, POINT_VALUE)],
    });
    expect(result.discount).toBe(100 * POINT_VALUE);
    expect(result.order.totals.total).toBe(expected.totals.total);
    expect(result.order.totals.tax).toBe(expected.totals.tax);
    expect(result.order.totals.tax).toBeLessThan(order.totals.tax);
    expect(result.order.payments).toEqual([]);
    expect(result.points).toBe(points - 100);
    expect(balanceInSql(t.store, 'loyalty', PHONE)).toBe(points - 100);
    const { check } = (await t.store.execute('check.setDiscounts', newId(), { orderId: order.id, orderDiscounts: [] }, actors.cashier)).result as { check: CheckView };
    // A manual change of discounts keeps the reward: its points have left the account.
    expect(check.priced.orderDiscounts).toEqual([{ name: 'Loyalty points (100)', amount: 500, kind: 'loyalty', points: 100 }]);
    // The receipt prints it as its own discount line under the items.
    expect(receiptCheckOf(check.priced).orderDiscounts).toEqual([{ name: 'Loyalty points (100)', amount: 500 }]);
  });

  it('earns on the money paid after the reward', async () => {
    const points = await earn();
    const order = await createOrder(t.store, { lines: [burgerLine({ quantity: 3 })] });
    const { order: discounted } = await run<{ order: Order }>('loyalty.redeem', { orderId: order.id, paymentId: newId(), account: PHONE, points: 40 });
    const paid = await payCash(t.store, discounted);
    expect(paid.paid).toBe(discounted.totals.total);
    expect(balanceInSql(t.store, 'loyalty', PHONE)).toBe(points - 40 + Math.floor(paid.paid / 100));
  });

  it('refuses more points than the check can take before tax, writing nothing', async () => {
    await earn(60);
    const order = await createOrder(t.store, { lines: [colaLine()] });
    const tooMany = Math.floor(order.totals.subtotal / POINT_VALUE) + 1;
    await refused('PAYMENT_AMOUNT_INVALID', { orderId: order.id, paymentId: newId(), account: PHONE, points: tooMany });
  });

  it('refuses a paid order, a split check, an unknown order and a reused redemption id, writing nothing', async () => {
    await earn();
    const paid = await payCash(t.store, await createOrder(t.store));
    await refused('ORDER_ALREADY_PAID', { orderId: paid.id, paymentId: newId(), account: PHONE, points: 10 });
    await refused('ORDER_NOT_FOUND', { orderId: newId(), paymentId: newId(), account: PHONE, points: 10 });
    const orderId = newId();
    await run('check.open', { orderId, tableId: 't4', guests: 2, lines: [burgerLine(), colaLine()] });
    const parts = [newId(), newId()];
    await run('check.split', { orderId, mode: 'even', childOrderIds: parts });
    await refused('CHECK_SPLIT', { orderId: parts[0], paymentId: newId(), account: PHONE, points: 10 });
    const order = await createOrder(t.store);
    const redemptionId = newId();
    await run('loyalty.redeem', { orderId: order.id, paymentId: redemptionId, account: PHONE, points: 10 });
    await refused('VALIDATION_FAILED', { orderId: order.id, paymentId: redemptionId, account: PHONE, points: 10 });
  });
});
