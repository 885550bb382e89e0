/**
 * Loyalty points: an order with an account attached earns points once it is paid in full;
 * points redeemed are a reward, a discount of their value off the check before tax (a
 * discount line of kind `loyalty`, priced by the model's `priceCheck`), not a tender. The
 * account is a phone number or a loyalty card, kept in the same edge ledger as gift cards and
 * under the same kind of offline caps.
 */
import { eq, ne, and, sql } from 'drizzle-orm';
import {
  BrigadeError, type OrderDiscount, cents, loyaltyDiscount, loyaltyDiscountLimit, normaliseLoyaltyAccount, pointsEarned, redeemablePoints,
} from '@brigade/sync/model';
import { ledgerEntries, loyaltyOrders, orders, payments } from '@brigade/sync/schema/sqlite';
import { defineCommand } from '../command-registry';
import type { CommandTx } from '../command-tx';
import { ledgerBalance, readPolicy, requireRedeemable, writeLedgerEntry } from './gift-ledger';
import { priceStoredCheck } from './check-repricing';
import { ensureCheck, refuseIfSplit, updateCheck } from './check-rows';
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
    const row = requireChangeableOrder(tx, args.orderId);
    // A split check's parts carry figures fixed at the split: a reward would no longer add up.
    refuseIfSplit(tx.orm, args.orderId);
    if (row.total > 0 && row.paid >= row.total) throw new BrigadeError('ORDER_ALREADY_PAID', undefined, { orderId: args.orderId });
    if (tx.orm.select({ id: ledgerEntries.id }).from(ledgerEntries).where(eq(ledgerEntries.paymentId, args.paymentId)).get()) {
      throw new BrigadeError('VALIDATION_FAILED', 'A redemption with this id already exists.', { paymentId: args.paymentId });
    }
    const before = priceStoredCheck(tx.orm, tx.ctx.store.menuIndex(), args.orderId);
    const amount = args.points * policy.pointValue;
    const limit = loyaltyDiscountLimit(before.totals, row.paid);
    if (amount > limit) {
      throw new BrigadeError('PAYMENT_AMOUNT_INVALID', `At most ${redeemablePoints(args.points, policy.pointValue, limit)} points can come off this order.`, { amount, limit });
    }
    requireRedeemable(tx, 'loyalty', account, args.points, '');
    writeLedgerEntry(tx, { ledger: 'loyalty', account, kind: 'redeem', delta: -args.points, orderId: args.orderId, paymentId: args.paymentId });
    // The account is the order's too (it earns on the money paid), unless another is attached already.
    tx.orm.insert(loyaltyOrders).values({ orderId: args.orderId, account, entryId: null }).onConflictDoNothing().run();
    const check = ensureCheck(tx, args.orderId);
    const discounts = [...(JSON.parse(check.orderDiscounts) as OrderDiscount[]), loyaltyDiscount({ account, points: args.points, redemptionId: args.paymentId }, policy.pointValue)];
    updateCheck(tx, args.orderId, { orderDiscounts: JSON.stringify(discounts) });
    tx.audit('loyalty.redeem', { orderId: args.orderId, detail: { account: `…${account.slice(-4)}`, points: args.points, amount } });
    const order = tx.orderChanged(args.orderId);
    // Rounding of taxes must not bring the total under what was already taken.
    if (order.totals.total < order.paid) throw new BrigadeError('PAYMENT_AMOUNT_INVALID', 'That many points would bring the order below what was paid.', { amount });
    return { order, points: ledgerBalance(tx.orm, 'loyalty', account), discount: cents(amount) };
  },
});

/**
 * Points redeemed on an order come back when it is voided, and in step with the money refunded
 * (a full refund gives them all back), as void entries naming the redemption. Points payments
 * of older orders (tender `loyalty`) are refunded as payments (gift-reversals).
 */
export function reverseRedeemedPoints(tx: CommandTx, orderId: string): void {
  const redeemed = tx.orm.select({ account: ledgerEntries.account, delta: ledgerEntries.delta, redemptionId: ledgerEntries.paymentId }).from(ledgerEntries)
    .where(and(eq(ledgerEntries.ledger, 'loyalty'), eq(ledgerEntries.orderId, orderId), eq(ledgerEntries.kind, 'redeem'))).all()
    .filter((r) => r.redemptionId !== null && !tx.orm.select({ id: payments.id }).from(payments).where(eq(payments.id, r.redemptionId)).get());
  if (redeemed.length === 0) return;
  const order = tx.orm.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId)).get();
  if (!order) return;
  const money = tx.orm.select({ paid: sql<number>`coalesce(sum(${payments.amount}), 0)`, refunded: sql<number>`coalesce(sum(min(${payments.refunded}, ${payments.amount})), 0)` })
    .from(payments).where(eq(payments.orderId, orderId)).get();
  const paid = Number(money?.paid ?? 0);
  const refunded = Number(money?.refunded ?? 0);
  const voided = order.status === 'voided' || order.status === 'cancelled';
  for (const r of redeemed) {
    const points = -r.delta;
    const due = voided ? points : paid > 0 ? Math.floor((points * refunded) / paid) : 0;
    const credited = tx.orm.select({ n: sql<number>`coalesce(sum(${ledgerEntries.delta}), 0)` }).from(ledgerEntries)
      .where(and(eq(ledgerEntries.paymentId, r.redemptionId as string), eq(ledgerEntries.kind, 'void'))).get();
    const owed = due - Number(credited?.n ?? 0);
    if (owed > 0) writeLedgerEntry(tx, { ledger: 'loyalty', account: r.account, kind: 'void', delta: owed, orderId, paymentId: r.redemptionId });
  }
}

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
