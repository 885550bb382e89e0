import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ErrorCode, type Order, type Payment, newId, withCheckDigit } from '@brigade/sync/model';
import { type TestStore, actors, burgerLine, createOrder, expectRefused, openTestStore, payCash } from '../test-support';
import type { Actor } from '../types';
import { CARD_A, CARD_B, CARD_C, balanceInSql, inventoryFingerprint } from './inventory-test-support';

let t: TestStore;

async function run<R>(name: string, args: Record<string, unknown>, actor: Actor = actors.cashier): Promise<R> {
  return (await t.store.execute(name, newId(), args, actor)).result as R;
}

/** Sells a card with `amount` on its own order and pays that order in cash. */
async function activate(card: string, amount: number): Promise<void> {
  const { order } = await run<{ order: Order }>('gift.sell', { orderId: newId(), lineId: newId(), cardNumber: card, amount });
  await payCash(t.store, order);
}

async function refusedWithNothingWritten(code: ErrorCode, name: string, args: Record<string, unknown>, actor: Actor = actors.cashier): Promise<void> {
  const before = inventoryFingerprint(t.store);
  await expectRefused(t.store, code, name, args, actor);
  expect(inventoryFingerprint(t.store)).toEqual(before);
}

function ackEverything(): void {
  const waiting = t.store.outbox.peek(10_000);
  const last = waiting.at(-1);
  if (last) t.store.outbox.ack(last.seq);
}

beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.cleanup());

describe('selling and loading', () => {
  it('a gift card line adds its value, untaxed, and activates the card only once the order is paid', async () => {
    const order = await createOrder(t.store, { lines: [burgerLine()] });
    const { order: withCard } = await run<{ order: Order }>('gift.sell', { orderId: order.id, lineId: newId(), cardNumber: CARD_A, amount: 2500 });
    expect(withCard.totals.total).toBe(order.totals.total + 2500);
    expect(withCard.totals.tax).toBe(order.totals.tax);
    expect(balanceInSql(t.store, 'gift', CARD_A)).toBe(0);
    await payCash(t.store, withCard);
    expect(balanceInSql(t.store, 'gift', CARD_A)).toBe(2500);
    const pushed = (t.store.db.prepare("SELECT args FROM outbox WHERE name = 'gift.entry'").all() as { args: string }[]).map((r) => JSON.parse(r.args) as { kind: string; delta: number });
    expect(pushed).toEqual([expect.objectContaining({ kind: 'activate', delta: 2500, account: CARD_A })]);
    // The card never reaches the kitchen.
    const kitchenItems = t.store.queries.tickets().flatMap((ticket) => ticket.items.map((i) => i.name));
    expect(kitchenItems.some((name) => name.startsWith('Gift card'))).toBe(false);
  });

  it('sells a card on its own: a new order id makes a counter order for it', async () => {
    await activate(CARD_A, 5000);
    expect(balanceInSql(t.store, 'gift', CARD_A)).toBe(5000);
    await refusedWithNothingWritten('GIFT_CARD_ALREADY_ACTIVE', 'gift.sell', { orderId: newId(), lineId: newId(), cardNumber: CARD_A, amount: 100 });
  });

  it('a voided gift card line activates nothing', async () => {
    const order = await createOrder(t.store, { lines: [burgerLine()] });
    const lineId = newId();
    await run('gift.sell', { orderId: order.id, lineId, cardNumber: CARD_B, amount: 2000 });
    const { order: voided } = await run<{ order: Order }>('order.voidLine', { orderId: order.id, lineId, reason: 'changed mind' }, actors.manager);
    await payCash(t.store, voided);
    expect(balanceInSql(t.store, 'gift', CARD_B)).toBe(0);
  });

  it('a load tops the card up when paid', async () => {
    await activate(CARD_A, 1000);
    const { order } = await run<{ order: Order }>('gift.load', { orderId: newId(), lineId: newId(), cardNumber: CARD_A, amount: 1500 });
    await payCash(t.store, order);
    expect(balanceInSql(t.store, 'gift', CARD_A)).toBe(2500);
  });
});

describe('paying with a gift card', () => {
  it('pays part of an order, then the rest, and the order goes to the kitchen', async () => {
    await activate(CARD_A, 5000);
    const order = await createOrder(t.store, { lines: [burgerLine({ quantity: 2 })] });
    const part = await run<{ order: Order; balance: number }>('gift.redeem', { orderId: order.id, paymentId: newId(), cardNumber: CARD_A, amount: 500 });
    expect(part.order.paymentStatus).toBe('partially_paid');
    expect(part.balance).toBe(4500);
    const rest = await run<{ order: Order; payment: Payment }>('gift.redeem', { orderId: order.id, paymentId: newId(), cardNumber: CARD_A, amount: order.totals.total - 500 });
    expect(rest.order.paymentStatus).toBe('paid');
    expect(rest.order.status).toBe('preparing');
    expect(rest.payment).toMatchObject({ tender: 'gift_card', reference: `•••• ${CARD_A.slice(-4)}` });
    expect(balanceInSql(t.store, 'gift', CARD_A)).toBe(5000 - order.totals.total);
  });

  it('a kiosk takes a gift card', async () => {
    await activate(CARD_A, 5000);
    const order = await createOrder(t.store, { channel: 'kiosk', lines: [burgerLine()] }, actors.kiosk);
    const paid = await run<{ order: Order }>('gift.redeem', { orderId: order.id, paymentId: newId(), cardNumber: CARD_A, amount: order.totals.total }, actors.kiosk);
    expect(paid.order.paymentStatus).toBe('paid');
  });

  it('refuses more than the card holds, saying how much it holds', async () => {
    await activate(CARD_A, 300);
    const order = await createOrder(t.store, { lines: [burgerLine()] });
    await refusedWithNothingWritten('GIFT_CARD_INSUFFICIENT', 'gift.redeem', { orderId: order.id, paymentId: newId(), cardNumber: CARD_A, amount: 301 });
    const error = await t.store.execute('gift.redeem', newId(), { orderId: order.id, paymentId: newId(), cardNumber: CARD_A, amount: 400 }, actors.cashier).catch((e: unknown) => e);
    expect(String((error as Error).message)).toMatch(/\$3\.00/);
  });

  it('two tills paying from one card at the same moment cannot both spend its balance', async () => {
    await activate(CARD_A, 1000);
    const first = await createOrder(t.store, { lines: [burgerLine()] });
    const second = await createOrder(t.store, { lines: [burgerLine()] });
    const outcomes = await Promise.allSettled([first, second].map((order) =>
      t.store.execute('gift.redeem', newId(), { orderId: order.id, paymentId: newId(), cardNumber: CARD_A, amount: 700 }, actors.cashier)));
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(balanceInSql(t.store, 'gift', CARD_A)).toBe(300);
  });

  it('a repeated redemption (same command id) is applied once', async () => {
    await activate(CARD_A, 5000);
    const order = await createOrder(t.store, { lines: [burgerLine({ quantity: 3 })] });
    const commandId = newId();
    const args = { orderId: order.id, paymentId: newId(), cardNumber: CARD_A, amount: 1000 };
    await t.store.execute('gift.redeem', commandId, args, actors.cashier);
    const again = await t.store.execute('gift.redeem', commandId, args, actors.cashier);
    expect(again.replayed).toBe(true);
    expect(balanceInSql(t.store, 'gift', CARD_A)).toBe(4000);
  });

  it('a refund of a gift card payment goes back onto the card', async () => {
    await activate(CARD_A, 5000);
    const order = await createOrder(t.store, { lines: [burgerLine()] });
    const paid = await run<{ payment: Payment }>('gift.redeem', { orderId: order.id, paymentId: newId(), cardNumber: CARD_A, amount: order.totals.total });
    await run('payment.refund', { orderId: order.id, paymentId: paid.payment.id, amount: 700, reason: 'cold' }, actors.manager);
    expect(balanceInSql(t.store, 'gift', CARD_A)).toBe(5000 - order.totals.total + 700);
  });
});

describe('offline caps', () => {
  beforeEach(async () => {
    await run('ledger.configure', {
      giftCardOfflineCap: 3000, giftStoreOfflineCap: 5000, loyaltyAccountOfflineCap: 100, loyaltyStoreOfflineCap: 150, pointsPerUnit: 1, pointValue: 5,
    }, actors.manager);
  });

  async function bigOrder(): Promise<Order> {
    return createOrder(t.store, { lines: [burgerLine({ quantity: 10 })] });
  }

  it('caps what one card may pay before the cloud confirms it, and frees the room once it has', async () => {
    await activate(CARD_A, 10_000);
    const order = await bigOrder();
    await run('gift.redeem', { orderId: order.id, paymentId: newId(), cardNumber: CARD_A, amount: 2000 });
    await refusedWithNothingWritten('OFFLINE_CAP_REACHED', 'gift.redeem', { orderId: order.id, paymentId: newId(), cardNumber: CARD_A, amount: 1001 });
    await run('gift.redeem', { orderId: order.id, paymentId: newId(), cardNumber: CARD_A, amount: 1000 });
    ackEverything();
    await run('gift.redeem', { orderId: order.id, paymentId: newId(), cardNumber: CARD_A, amount: 3000 });
    expect(balanceInSql(t.store, 'gift', CARD_A)).toBe(4000);
  });

  it('caps what all cards together may pay unconfirmed', async () => {
    await activate(CARD_A, 10_000);
    await activate(CARD_B, 10_000);
    const order = await bigOrder();
    await run('gift.redeem', { orderId: order.id, paymentId: newId(), cardNumber: CARD_A, amount: 3000 });
    await run('gift.redeem', { orderId: order.id, paymentId: newId(), cardNumber: CARD_B, amount: 2000 });
    await refusedWithNothingWritten('OFFLINE_CAP_REACHED', 'gift.redeem', { orderId: order.id, paymentId: newId(), cardNumber: CARD_B, amount: 1 });
  });

  it('a card this store has never seen is taken on trust up to the per-card cap only', async () => {
    const order = await bigOrder();
    await run('gift.redeem', { orderId: order.id, paymentId: newId(), cardNumber: CARD_C, amount: 3000 });
    await refusedWithNothingWritten('OFFLINE_CAP_REACHED', 'gift.redeem', { orderId: order.id, paymentId: newId(), cardNumber: CARD_C, amount: 1 });
    expect(balanceInSql(t.store, 'gift', CARD_C)).toBe(-3000);
    // The cloud confirming the redemption says nothing about what is left on a stranger's card.
    ackEverything();
    await refusedWithNothingWritten('OFFLINE_CAP_REACHED', 'gift.redeem', { orderId: order.id, paymentId: newId(), cardNumber: CARD_C, amount: 1 });
  });

  it('points: redeem within the balance and the caps', async () => {
    const earned = await createOrder(t.store, { lines: [burgerLine({ quantity: 20 })] });
    await run('loyalty.attach', { orderId: earned.id, account: '+1 (555) 010-0000' });
    await payCash(t.store, earned);
    const points = Math.floor(earned.totals.total / 100);
    expect(balanceInSql(t.store, 'loyalty', '15550100000')).toBe(points);
    const order = await bigOrder();
    const redeemed = await run<{ order: Order; discount: number; points: number }>('loyalty.redeem', { orderId: order.id, paymentId: newId(), account: '15550100000', points: 100 });
    // A discount before tax, not a payment: the tax on the 5.00 comes off too.
    expect(redeemed.discount).toBe(500);
    expect(redeemed.order.payments).toEqual([]);
    expect(redeemed.order.totals.total).toBeLessThan(order.totals.total - 500);
    expect(redeemed.points).toBe(points - 100);
    await refusedWithNothingWritten('OFFLINE_CAP_REACHED', 'loyalty.redeem', { orderId: order.id, paymentId: newId(), account: '15550100000', points: 1 });
    ackEverything();
    await refusedWithNothingWritten('LOYALTY_POINTS_INSUFFICIENT', 'loyalty.redeem', { orderId: order.id, paymentId: newId(), account: '15550100000', points: points });
  });
});

describe('bad input writes nothing', () => {
  const badLuhn = `${CARD_A.slice(0, -1)}${(Number(CARD_A.slice(-1)) + 1) % 10}`;
  it.each([
    ['gift.sell', 'GIFT_CARD_NUMBER_INVALID', () => ({ orderId: newId(), lineId: newId(), cardNumber: badLuhn, amount: 100 })],
    ['gift.sell', 'VALIDATION_FAILED', () => ({ orderId: newId(), lineId: newId(), cardNumber: '1234', amount: 100 })],
    ['gift.sell', 'VALIDATION_FAILED', () => ({ orderId: newId(), lineId: newId(), cardNumber: CARD_B, amount: 0 })],
    ['gift.load', 'GIFT_CARD_NUMBER_INVALID', () => ({ orderId: newId(), lineId: newId(), cardNumber: badLuhn, amount: 100 })],
    ['gift.load', 'VALIDATION_FAILED', () => ({ orderId: newId(), lineId: newId(), cardNumber: CARD_B, amount: -5 })],
    ['gift.redeem', 'ORDER_NOT_FOUND', () => ({ orderId: newId(), paymentId: newId(), cardNumber: CARD_B, amount: 100 })],
    ['gift.redeem', 'GIFT_CARD_NUMBER_INVALID', () => ({ orderId: newId(), paymentId: newId(), cardNumber: badLuhn, amount: 100 })],
    ['gift.redeem', 'VALIDATION_FAILED', () => ({ orderId: newId(), paymentId: newId(), cardNumber: CARD_B, amount: 1.5 })],
    ['loyalty.attach', 'LOYALTY_ACCOUNT_INVALID', () => ({ orderId: newId(), account: 'not a phone' })],
    ['loyalty.attach', 'ORDER_NOT_FOUND', () => ({ orderId: newId(), account: '5550100000' })],
    ['loyalty.redeem', 'LOYALTY_ACCOUNT_INVALID', () => ({ orderId: newId(), paymentId: newId(), account: '12-3-45', points: 1 })],
    ['loyalty.redeem', 'VALIDATION_FAILED', () => ({ orderId: newId(), paymentId: newId(), account: '5550100000', points: 0 })],
  ] as const)('%s refuses with %s', async (name, code, args) => {
    await refusedWithNothingWritten(code, name, args());
  });

  it('ledger.configure refuses negative caps, and needs a manager', async () => {
    const policy = { giftCardOfflineCap: 1, giftStoreOfflineCap: 1, loyaltyAccountOfflineCap: 1, loyaltyStoreOfflineCap: 1, pointsPerUnit: 1, pointValue: 1 };
    await refusedWithNothingWritten('VALIDATION_FAILED', 'ledger.configure', { ...policy, giftCardOfflineCap: -1 }, actors.manager);
    await refusedWithNothingWritten('MANAGER_APPROVAL_REQUIRED', 'ledger.configure', policy, actors.cashier);
  });

  it('refuses paying more than the order owes from a card', async () => {
    await activate(CARD_A, 100_000);
    const order = await createOrder(t.store, { lines: [burgerLine()] });
    await refusedWithNothingWritten('PAYMENT_AMOUNT_INVALID', 'gift.redeem', { orderId: order.id, paymentId: newId(), cardNumber: CARD_A, amount: order.totals.total + 1 });
  });

  it('a card line cannot go on a voided order', async () => {
    const order = await createOrder(t.store, { lines: [burgerLine()] });
    await run('order.void', { orderId: order.id, reason: 'test' }, actors.manager);
    await refusedWithNothingWritten('ORDER_NOT_OPEN', 'gift.sell', { orderId: order.id, lineId: newId(), cardNumber: withCheckDigit('627100000000009'), amount: 100 });
  });

  it('ledger entries cannot be edited or deleted', async () => {
    await activate(CARD_A, 100);
    expect(() => t.store.db.prepare('UPDATE ledger_entries SET delta = 1000000').run()).toThrow(/never changed/);
    expect(() => t.store.db.prepare('DELETE FROM ledger_entries').run()).toThrow(/never deleted/);
  });
});
