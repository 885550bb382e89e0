/**
 * Loyalty points: an order with an account attached earns points once it is paid in full;
 * points pay part of an order at the store's point value (tender `loyalty`). The account
 * is a phone number or a loyalty card, kept in the same edge ledger as gift cards and under
 * the same kind of offline caps.
 */
import { eq, ne, and, sql } from 'drizzle-orm';
import { BrigadeError, normaliseLoyaltyAccount, pointsEarned } from '@brigade/sync/model';
import { loyaltyOrders, orders, payments } from '@brigade/sync/schema/sqlite';
import { defineCommand } from '../command-registry';
import type { CommandTx } from '../command-tx';
import { ledgerBalance, readPolicy, requireRedeemable, writeLedgerEntry } from './gift-ledger';
import { recordLedgerPayment, requirePayable } from './gift-payment';
import { requireChangeableOrder } from './order-helpers';

function requireAccount(value: string): string {
  const account = normaliseLoyaltyAccount(value);
  if (account === null) throw new BrigadeError('LOYALTY_ACCOUNT_INVALID');
  return account;
}

export const loyaltyAttach = defineCommand({
  name: 'loyalty.attach',
  roles: ['pos'],
  needsStaff: true,
  needsManager: false,
  run(tx, _ctx, args) {
    const account = requireAccount(args.account);
    requireChangeableOrder(tx, args.orderId);
    const earned = tx.orm.select().from(loyaltyOrders).where(eq(loyaltyOrders.orderId, args.orderId)).get();
    if (earned?.entryId) throw new BrigadeError('ORDER_ALREADY_PAID', 'This order has already earned its points.', { orderId: args.orderId });
    tx.orm.insert(loyaltyOrders).values({ orderId: args.orderId, account, entryId: null })
      .onConflictDoUpdate({ target: loyaltyOrders.orderId, set: { account } }).run();
    tx.audit('loyalty.attach', { orderId: args.orderId, detail: { account: `…${account.slice(-4)}` } });
    // An order already paid in full earns at once.
    tx.orderChanged(args.orderId);
    return { account, points: ledgerBalance(tx.orm, 'loyalty', account) };
  },
});

export const loyaltyRedeem = defineCommand({
  name: 'loyalty.redeem',
  roles: ['pos'],
  needsStaff: true,
  needsManager: false,
  run(tx, _ctx, args) {
    const account = requireAccount(args.account);
    const policy = readPolicy(tx.orm);
    if (policy.pointValue <= 0) throw new BrigadeError('VALIDATION_FAILED', 'Points cannot be redeemed at this store.', { field: 'points' });
    const amount = args.points * policy.pointValue;
    const row = requirePayable(tx, args.orderId, args.paymentId, amount);
    requireRedeemable(tx, 'loyalty', account, args.points, '');
    writeLedgerEntry(tx, { ledger: 'loyalty', account, kind: 'redeem', delta: -args.points, orderId: args.orderId, paymentId: args.paymentId });
    const paid = recordLedgerPayment(tx, row, { orderId: args.orderId, paymentId: args.paymentId, tender: 'loyalty', amount, reference: `${args.points} points` });
    return { ...paid, points: ledgerBalance(tx.orm, 'loyalty', account) };
  },
});

/** Once the order is paid in full, its account earns on what was paid in money (points paid earn nothing), once. */
export function settleLoyalty(tx: CommandTx, orderId: string): void {
  const link = tx.orm.select().from(loyaltyOrders).where(eq(loyaltyOrders.orderId, orderId)).get();
  if (!link || link.entryId) return;
  const order = tx.orm.select({ total: orders.total, paid: orders.paid, status: orders.status }).from(orders).where(eq(orders.id, orderId)).get();
  if (!order || order.total <= 0 || order.paid < order.total || order.status === 'voided' || order.status === 'cancelled') return;
  const money = tx.orm.select({ n: sql<number>`coalesce(sum(${payments.amount}), 0)` }).from(payments)
    .where(and(eq(payments.orderId, orderId), ne(payments.tender, 'loyalty'))).get();
  const points = pointsEarned(Number(money?.n ?? 0), readPolicy(tx.orm));
  if (points <= 0) return;
  const entryId = writeLedgerEntry(tx, { ledger: 'loyalty', account: link.account, kind: 'earn', delta: points, orderId });
  tx.orm.update(loyaltyOrders).set({ entryId }).where(eq(loyaltyOrders.orderId, orderId)).run();
}
