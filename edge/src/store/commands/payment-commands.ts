/** Money in and out: capture (cash or card) and refund. */
import { and, eq } from 'drizzle-orm';
import { BrigadeError, type CommandArgs, type OrderStatus, cents, checkRefund } from '@brigade/sync/model';
import { orders, payments, refunds } from '@brigade/sync/schema/sqlite';
import { defineCommand } from '../command-registry';
import type { CommandContext, CommandTx } from '../command-tx';
import { orderReads, queueWrites } from '../hot-queries';
import { findOrderRow, paymentFromRow } from '../order-rows';
import type { Orm } from '../store-context';
import { cashRounding, recordCashRounding } from './check-cash-rounding';
import { requireRefundReversible } from './gift-reversals';
import { fireWhenEvenPartsPaid } from './check-split-kitchen';
import { recordDrawerCash } from './drawer-session-commands';
import { fireOrder, requireOrder } from './order-helpers';

type CaptureArgs = CommandArgs<'payment.capture'>;
type CardApproval = { reference: string; cardBrand: string | null; last4: string | null } | null;

const PAYABLE: readonly OrderStatus[] = ['open', 'submitted', 'accepted', 'preparing', 'ready'];

/** Checks that `args.amount` may be paid on the order now; the same checks run before the card and inside the transaction. */
function checkPayable(orm: Orm, args: CaptureArgs): NonNullable<ReturnType<typeof findOrderRow>> {
  const row = findOrderRow(orm, args.orderId);
  if (!row) throw new BrigadeError('ORDER_NOT_FOUND', undefined, { orderId: args.orderId });
  if (!PAYABLE.includes(row.status)) throw new BrigadeError('ORDER_NOT_OPEN', undefined, { orderId: args.orderId, status: row.status });
  const due = row.total - row.paid;
  if (due <= 0) throw new BrigadeError('ORDER_ALREADY_PAID', undefined, { orderId: args.orderId });
  if (args.amount > due && cashRounding(orm, args.tender, args.amount, due) === null) throw new BrigadeError('PAYMENT_AMOUNT_INVALID', 'That is more than the order still owes.', { due, amount: args.amount });
  if (orderReads(orm).paymentExists.get({ id: args.paymentId })) {
    throw new BrigadeError('VALIDATION_FAILED', 'A payment with this id already exists.', { paymentId: args.paymentId });
  }
  return row;
}

function checkTender(ctx: CommandContext, args: CaptureArgs): void {
  if (ctx.actor.deviceRole === 'kiosk' && args.tender !== 'card') {
    throw new BrigadeError('WRONG_DEVICE_ROLE', 'A kiosk takes cards only.', { tender: args.tender });
  }
  if (args.tender === 'cash' && args.tendered !== undefined && args.tendered < args.amount + (args.tip ?? 0)) {
    throw new BrigadeError('PAYMENT_AMOUNT_INVALID', 'The cash handed over is less than the amount.', { tendered: args.tendered, amount: args.amount });
  }
  if (args.tender === 'card' && args.tendered !== undefined) {
    throw new BrigadeError('VALIDATION_FAILED', 'tendered is for cash only.', { field: 'tendered' });
  }
}

export const paymentCapture = defineCommand<'payment.capture', CardApproval>({
  name: 'payment.capture',
  roles: ['pos', 'kiosk'],
  needsStaff: true,
  needsManager: false,
  serialKey: (args) => `order:${args.orderId}`,
  async prepare(ctx, args) {
    checkTender(ctx, args);
    checkPayable(ctx.store.orm, args);
    if (args.tender !== 'card') return null;
    let outcome: Awaited<ReturnType<CommandContext['store']['terminal']['charge']>>;
    try {
      // The commandId is the reader's idempotency key: a retried command never charges twice.
      outcome = await ctx.store.terminal.charge({
        amount: args.amount + (args.tip ?? 0),
        currency: ctx.store.storeRow().currency,
        idempotencyKey: ctx.commandId,
        description: `Order ${args.orderId}`,
      });
    } catch (err) {
      ctx.store.logger?.warn({ err }, 'card reader failed');
      throw new BrigadeError('PAYMENT_UNAVAILABLE');
    }
    if (outcome.status !== 'approved') throw new BrigadeError('PAYMENT_DECLINED', undefined, { reason: outcome.reason });
    return { reference: outcome.reference, cardBrand: outcome.cardBrand ?? null, last4: outcome.last4 ?? null };
  },
  run(tx, ctx, args, card) {
    checkTender(ctx, args);
    const row = checkPayable(tx.orm, args);
    const tip = args.tip ?? 0;
    const tendered = args.tender === 'cash' ? (args.tendered ?? args.amount + tip) : null;
    // Cash of the rounded balance settles the balance; the payment records what it settles.
    const rounding = cashRounding(tx.orm, args.tender, args.amount, row.total - row.paid);
    const applied = rounding === null ? args.amount : row.total - row.paid;
    // Prepared once per connection (hot-queries.ts): a card payment fires the order, on the KDS path.
    const q = orderReads(tx.orm);
    q.insertPayment.run({
      id: args.paymentId, orderId: args.orderId, tender: args.tender, amount: applied, tip, tendered,
      change: tendered === null ? null : tendered - args.amount - tip,
      reference: card?.reference ?? null, cardBrand: card?.cardBrand ?? null, last4: card?.last4 ?? null, createdAt: tx.now,
    });
    if (rounding !== null) recordCashRounding(tx, args.paymentId, args.orderId, rounding);
    const paid = row.paid + applied;
    queueWrites(tx.ctx.store.sqlite).setOrderPaid.run(paid, args.orderId);
    // Cash in the drawer is what the customer handed over less the change: the amount and the tip.
    if (args.tender === 'cash') recordDrawerCash(tx, ctx, { kind: 'sale', amount: args.amount + tip, paymentId: args.paymentId });
    if (args.tender === 'cash') tx.printJob({ idemKey: `drawer:${args.paymentId}`, printerRole: 'receipt', orderId: args.orderId, payload: { kind: 'drawer', reason: 'cash payment' } });
    tx.audit('payment.capture', { orderId: args.orderId, detail: { paymentId: args.paymentId, tender: args.tender, amount: args.amount, tip } });
    if (paid >= row.total) {
      // A fully paid counter order goes to the kitchen without a separate "send" tap.
      if ((row.status === 'open' || row.status === 'accepted') && hasUnfiredLines(tx, args.orderId)) fireOrder(tx, args.orderId);
      // A part of an even split holds no lines: the last part paid sends what the parent still holds.
      fireWhenEvenPartsPaid(tx, args.orderId);
      const order = tx.orderChanged(args.orderId);
      tx.printJob({ idemKey: `receipt:${args.orderId}:${args.paymentId}`, printerRole: 'receipt', orderId: args.orderId, payload: { kind: 'receipt', order, reprint: false } });
      return { order, payment: paymentOf(tx, args.paymentId) };
    }
    return { order: tx.orderChanged(args.orderId), payment: paymentOf(tx, args.paymentId) };
  },
});

function hasUnfiredLines(tx: CommandTx, orderId: string): boolean {
  return orderReads(tx.orm).firstUnfiredLine.get({ id: orderId }) !== undefined;
}

function paymentOf(tx: CommandTx, paymentId: string): ReturnType<typeof paymentFromRow> {
  const row = orderReads(tx.orm).paymentById.get({ id: paymentId });
  if (!row) throw new BrigadeError('NOT_FOUND', 'That payment does not exist.', { paymentId });
  return paymentFromRow(row);
}

type RefundArgs = CommandArgs<'payment.refund'>;

/** The payment being refunded and what is left of it; the same checks run before the card provider and inside the transaction. */
function checkRefundable(orm: Orm, args: RefundArgs): typeof payments.$inferSelect {
  if (!findOrderRow(orm, args.orderId)) throw new BrigadeError('ORDER_NOT_FOUND', undefined, { orderId: args.orderId });
  const payment = orm.select().from(payments).where(and(eq(payments.id, args.paymentId), eq(payments.orderId, args.orderId))).get();
  // One limit rule, the model's: a tender refunds at most what it captured, its tip included
  // (the tip was charged on the same card or handed over in the same cash), less earlier refunds.
  checkRefund(payment ? [{ id: payment.id, amount: cents(payment.amount), tip: cents(payment.tip), refunded: cents(payment.refunded) }] : [], args.paymentId, cents(args.amount));
  if (!payment) throw new BrigadeError('PAYMENT_NOT_FOUND', undefined, { paymentId: args.paymentId });
  return payment;
}

/**
 * A card tender is refunded at the provider before anything is written: the command id is
 * the idempotency key, so a retried command (or the SDK's retry after a 5xx) refunds once,
 * and a refund the provider refuses records nothing.
 */
async function refundCard(ctx: CommandContext, args: RefundArgs): Promise<{ reference: string } | null> {
  const payment = checkRefundable(ctx.store.orm, args);
  if (payment.tender !== 'card' || payment.reference === null) return null;
  // A refund the transaction would refuse (a gift card it sold already spent) must never reach the provider first.
  requireRefundReversible(ctx.store.orm, args.orderId, args.amount, ctx.store.storeRow().currency);
  const terminal = ctx.store.terminal;
  if (!terminal.refund) throw new BrigadeError('PAYMENT_UNAVAILABLE', 'This card reader cannot refund; refund in cash.');
  let outcome: Awaited<ReturnType<NonNullable<typeof terminal.refund>>>;
  try {
    outcome = await terminal.refund({ reference: payment.reference, amount: args.amount, currency: ctx.store.storeRow().currency, idempotencyKey: ctx.commandId });
  } catch (err) {
    ctx.store.logger?.warn({ err }, 'card refund could not reach the provider');
    throw new BrigadeError('PAYMENT_UNAVAILABLE', 'The card refund could not reach the payment provider. Try again.');
  }
  if (outcome.status !== 'refunded') throw new BrigadeError('REFUND_FAILED', undefined, { reason: outcome.reason });
  return { reference: outcome.reference };
}

export const paymentRefund = defineCommand<'payment.refund', { reference: string } | null>({
  name: 'payment.refund',
  roles: ['pos'],
  needsStaff: true,
  needsManager: true,
  serialKey: (args) => `order:${args.orderId}`,
  prepare: refundCard,
  run(tx, ctx, args, card) {
    const order = requireOrder(tx, args.orderId);
    const payment = checkRefundable(tx.orm, args);
    const refunded = payment.refunded + args.amount;
    tx.orm.update(payments).set({ refunded, status: refunded >= payment.amount + payment.tip ? 'refunded' : 'partially_refunded' })
      .where(eq(payments.id, args.paymentId)).run();
    tx.orm.insert(refunds).values({
      id: ctx.commandId, paymentId: args.paymentId, orderId: args.orderId, amount: args.amount, reason: args.reason, approvedBy: ctx.approvedBy, createdAt: tx.now,
    }).run();
    tx.orm.update(orders).set({ refunded: order.refunded + args.amount }).where(eq(orders.id, args.orderId)).run();
    if (payment.tender === 'cash') {
      recordDrawerCash(tx, ctx, { kind: 'refund', amount: args.amount, paymentId: args.paymentId, refundId: ctx.commandId });
      tx.printJob({ idemKey: `drawer:refund:${ctx.commandId}`, printerRole: 'receipt', orderId: args.orderId, payload: { kind: 'drawer', reason: 'cash refund' } });
    }
    tx.audit('payment.refund', { orderId: args.orderId, detail: { paymentId: args.paymentId, tender: payment.tender, amount: args.amount, reason: args.reason, providerRefund: card?.reference ?? null } });
    return { order: tx.orderChanged(args.orderId), payment: paymentOf(tx, args.paymentId) };
  },
});
