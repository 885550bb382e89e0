import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Order, newId } from '@brigade/sync/model';
import * as schema from '@brigade/sync/schema/sqlite';
import { type TestStore, actors, burgerLine, createOrder, expectRefused, openTestStore, payCash } from '../test-support';
import type { Actor } from '../types';
import { createSimulatedTerminal } from '../simulated-terminal';
import { requireRefundReversible } from './gift-reversals';
import { CARD_A, balanceInSql, inventoryFingerprint } from './inventory-test-support';
import { refundAndVoid, refundAndVoidLine, refundEverything } from './order-void-test-kit';

let t: TestStore;
const PHONE = '15550100000';

async function run<R>(name: string, args: Record<string, unknown>, actor: Actor = actors.cashier): Promise<R> {
  return (await t.store.execute(name, newId(), args, actor)).result as R;
}

/** Sells CARD_A with `amount` on a counter order of its own and pays it in cash. */
async function soldCard(amount: number): Promise<{ order: Order; lineId: string; payment: string }> {
  const lineId = newId();
  const { order } = await run<{ order: Order }>('gift.sell', { orderId: newId(), lineId, cardNumber: CARD_A, amount });
  const paid = await payCash(t.store, order);
  const payment = t.store.db.prepare('SELECT id FROM payments WHERE order_id = ?').get(order.id) as { id: string };
  return { order: paid, lineId, payment: payment.id };
}

function entries(ledger: 'gift' | 'loyalty', account: string): { kind: string; delta: number }[] {
  return t.store.db.prepare('SELECT kind, delta FROM ledger_entries WHERE ledger = ? AND account = ? ORDER BY rowid').all(ledger, account) as { kind: string; delta: number }[];
}

function pushed(account: string): { kind: string; delta: number }[] {
  return (t.store.db.prepare("SELECT args FROM outbox WHERE name = 'gift.entry' ORDER BY seq").all() as { args: string }[])
    .map((r) => JSON.parse(r.args) as { kind: string; delta: number; account: string })
    .filter((e) => e.account === account)
    .map(({ kind, delta }) => ({ kind, delta }));
}

beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.cleanup());

describe('gift cards sold on a voided or refunded order come off the card', () => {
  it('voiding the order (its payment refunded first) takes the value back, with a pushed reversing entry', async () => {
    const { order } = await soldCard(2500);
    expect(balanceInSql(t.store, 'gift', CARD_A)).toBe(2500);
    await expectRefused(t.store, 'ORDER_HAS_PAYMENTS', 'order.void', { orderId: order.id, reason: 'sold by mistake' }, actors.manager);
    await refundAndVoid(t.store, order.id);
    expect(balanceInSql(t.store, 'gift', CARD_A)).toBe(0);
    expect(entries('gift', CARD_A)).toEqual([{ kind: 'activate', delta: 2500 }, { kind: 'void', delta: -2500 }]);
    expect(pushed(CARD_A)).toEqual([{ kind: 'activate', delta: 2500 }, { kind: 'void', delta: -2500 }]);
  });

  it('voiding the card line takes its value back and leaves the rest of the order alone', async () => {
    const order = await createOrder(t.store, { lines: [burgerLine()] });
    const lineId = newId();
    const { order: withCard } = await run<{ order: Order }>('gift.sell', { orderId: order.id, lineId, cardNumber: CARD_A, amount: 1500 });
    await payCash(t.store, withCard);
    expect(balanceInSql(t.store, 'gift', CARD_A)).toBe(1500);
    // The card's money is refunded first (a void never keeps it), then the line is voided.
    await refundAndVoidLine(t.store, order.id, lineId);
    expect(balanceInSql(t.store, 'gift', CARD_A)).toBe(0);
  });

  it('refunding the payment that paid for the card takes it back; a refund of the food alone does not', async () => {
    const order = await createOrder(t.store, { lines: [burgerLine()] });
    const { order: withCard } = await run<{ order: Order }>('gift.sell', { orderId: order.id, lineId: newId(), cardNumber: CARD_A, amount: 2000 });
    await payCash(t.store, withCard);
    const paymentId = (t.store.db.prepare('SELECT id FROM payments WHERE order_id = ?').get(order.id) as { id: string }).id;
    await run('payment.refund', { orderId: order.id, paymentId, amount: order.totals.total, reason: 'cold burger' }, actors.manager);
    expect(balanceInSql(t.store, 'gift', CARD_A)).toBe(2000);
    await run('payment.refund', { orderId: order.id, paymentId, amount: 1, reason: 'card returned' }, actors.manager);
    expect(balanceInSql(t.store, 'gift', CARD_A)).toBe(0);
  });

  it('a card already partly spent is refused, naming its unspent balance, and nothing is written', async () => {
    const { order, payment } = await soldCard(5000);
    const other = await createOrder(t.store, { lines: [burgerLine()] });
    await run('gift.redeem', { orderId: other.id, paymentId: newId(), cardNumber: CARD_A, amount: 1000 });
    const before = inventoryFingerprint(t.store);
    const refund = { orderId: order.id, paymentId: payment, amount: order.totals.total, reason: 'return' };
    await expectRefused(t.store, 'GIFT_CARD_ALREADY_USED', 'payment.refund', refund, actors.manager);
    await expectRefused(t.store, 'ORDER_HAS_PAYMENTS', 'order.void', { orderId: order.id, reason: 'return' }, actors.manager);
    expect(inventoryFingerprint(t.store)).toEqual(before);
    const error = await t.store.execute('payment.refund', newId(), refund, actors.manager).catch((e: unknown) => e);
    expect(String((error as Error).message)).toMatch(/unspent balance of \$40\.00/);
    expect(balanceInSql(t.store, 'gift', CARD_A)).toBe(4000);
  });

  it('a refund about to be made can be checked before any money leaves', async () => {
    const order = await createOrder(t.store, { lines: [burgerLine()] });
    const { order: withCard } = await run<{ order: Order }>('gift.sell', { orderId: order.id, lineId: newId(), cardNumber: CARD_A, amount: 2000 });
    await payCash(t.store, withCard);
    const other = await createOrder(t.store, { lines: [burgerLine()] });
    await run('gift.redeem', { orderId: other.id, paymentId: newId(), cardNumber: CARD_A, amount: 500 });
    const orm = drizzle(t.store.db, { schema });
    expect(() => requireRefundReversible(orm, order.id, order.totals.total, 'USD')).not.toThrow();
    expect(() => requireRefundReversible(orm, order.id, order.totals.total + 1, 'USD')).toThrow(/unspent balance of \$15\.00/);
  });

  it('a card refund that would take back a spent gift card is refused before the card provider is asked', async () => {
    const simulated = createSimulatedTerminal();
    const refundsAsked: string[] = [];
    t.cleanup();
    t = openTestStore({ terminal: { ...simulated, refund: (req) => { refundsAsked.push(req.idempotencyKey); return simulated.refund!(req); } } });
    const lineId = newId();
    const { order } = await run<{ order: Order }>('gift.sell', { orderId: newId(), lineId, cardNumber: CARD_A, amount: 3000 });
    const paymentId = newId();
    await run('payment.capture', { orderId: order.id, paymentId, tender: 'card', amount: order.totals.total });
    const other = await createOrder(t.store, { lines: [burgerLine()] });
    await run('gift.redeem', { orderId: other.id, paymentId: newId(), cardNumber: CARD_A, amount: 1000 });
    const before = inventoryFingerprint(t.store);
    await expectRefused(t.store, 'GIFT_CARD_ALREADY_USED', 'payment.refund', { orderId: order.id, paymentId, amount: order.totals.total, reason: 'return' }, actors.manager);
    expect(refundsAsked).toEqual([]);
    expect(inventoryFingerprint(t.store)).toEqual(before);
    expect(balanceInSql(t.store, 'gift', CARD_A)).toBe(2000);
  });

  it('a replayed void (same command id) takes the value back once', async () => {
    const { order } = await soldCard(3000);
    const commandId = newId();
    await refundEverything(t.store, order.id);
    await t.store.execute('order.void', commandId, { orderId: order.id, reason: 'mistake' }, actors.manager);
    const again = await t.store.execute('order.void', commandId, { orderId: order.id, reason: 'mistake' }, actors.manager);
    expect(again.replayed).toBe(true);
    expect(entries('gift', CARD_A).filter((e) => e.kind === 'void')).toEqual([{ kind: 'void', delta: -3000 }]);
    expect(balanceInSql(t.store, 'gift', CARD_A)).toBe(0);
  });
});

describe('loyalty points follow voids and refunds', () => {
  async function earnedOrder(quantity: number): Promise<{ order: Order; points: number }> {
    const order = await createOrder(t.store, { lines: [burgerLine({ quantity })] });
    await run('loyalty.attach', { orderId: order.id, account: PHONE });
    const paid = await payCash(t.store, order);
    return { order: paid, points: balanceInSql(t.store, 'loyalty', PHONE) };
  }

  it('points redeemed come back in step with the money refunded, all of them with a full refund', async () => {
    const { points } = await earnedOrder(20);
    expect(points).toBeGreaterThan(100);
    const order = await createOrder(t.store, { lines: [burgerLine({ quantity: 3 })] });
    const { order: discounted } = await run<{ order: Order }>('loyalty.redeem', { orderId: order.id, paymentId: newId(), account: PHONE, points: 100 });
    expect(balanceInSql(t.store, 'loyalty', PHONE)).toBe(points - 100);
    const paid = await payCash(t.store, discounted);
    // The order earns on the money paid; take that out to watch the redemption alone.
    const earned = balanceInSql(t.store, 'loyalty', PHONE) - (points - 100);
    const payment = paid.payments[0]!;
    await run('payment.refund', { orderId: order.id, paymentId: payment.id, amount: Math.floor(payment.amount / 2), reason: 'half' }, actors.manager);
    const half = Math.floor((100 * Math.floor(payment.amount / 2)) / payment.amount);
    const earnedLeft = Math.floor((payment.amount - Math.floor(payment.amount / 2)) / 100);
    expect(balanceInSql(t.store, 'loyalty', PHONE)).toBe(points - 100 + half + earnedLeft);
    await run('payment.refund', { orderId: order.id, paymentId: payment.id, amount: payment.amount - Math.floor(payment.amount / 2), reason: 'rest' }, actors.manager);
    expect(earned).toBe(Math.floor(payment.amount / 100));
    expect(balanceInSql(t.store, 'loyalty', PHONE)).toBe(points);
  });

  it('voiding an unpaid order gives its redeemed points back, once', async () => {
    const { points } = await earnedOrder(20);
    const order = await createOrder(t.store, { lines: [burgerLine({ quantity: 3 })] });
    const redemptionId = newId();
    await run('loyalty.redeem', { orderId: order.id, paymentId: redemptionId, account: PHONE, points: 100 });
    const commandId = newId();
    await t.store.execute('order.void', commandId, { orderId: order.id, reason: 'walked out' }, actors.manager);
    await t.store.execute('order.void', commandId, { orderId: order.id, reason: 'walked out' }, actors.manager);
    expect(balanceInSql(t.store, 'loyalty', PHONE)).toBe(points);
    expect(pushed(PHONE).slice(-2)).toEqual([{ kind: 'redeem', delta: -100 }, { kind: 'void', delta: 100 }]);
  });

  it('voiding an order that earned points takes them back', async () => {
    const { order, points } = await earnedOrder(5);
    expect(points).toBe(Math.floor(order.totals.total / 100));
    await refundAndVoid(t.store, order.id);
    expect(balanceInSql(t.store, 'loyalty', PHONE)).toBe(0);
    expect(entries('loyalty', PHONE)).toEqual([{ kind: 'earn', delta: points }, { kind: 'void', delta: -points }]);
  });

  it('refunding money takes back the points it earned', async () => {
    const { order, points } = await earnedOrder(10);
    const paymentId = (t.store.db.prepare('SELECT id FROM payments WHERE order_id = ?').get(order.id) as { id: string }).id;
    await run('payment.refund', { orderId: order.id, paymentId, amount: 1000, reason: 'two burgers cold' }, actors.manager);
    expect(balanceInSql(t.store, 'loyalty', PHONE)).toBe(Math.floor((order.totals.total - 1000) / 100));
    await run('payment.refund', { orderId: order.id, paymentId, amount: order.totals.total - 1000, reason: 'all of it' }, actors.manager);
    expect(balanceInSql(t.store, 'loyalty', PHONE)).toBe(0);
    expect(points).toBeGreaterThan(0);
  });
});
