/**
 * A payment from a ledger (gift card or points) on an order: the same checks and the same
 * follow-up as a cash or card capture — a fully paid counter order goes to the kitchen and
 * prints its receipt — with the ledger entry written in the same transaction.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { BrigadeError, type Order, type OrderStatus, type Payment } from '@brigade/sync/model';
import { orderLines, orders, payments } from '@brigade/sync/schema/sqlite';
import type { CommandTx } from '../command-tx';
import { findOrderRow, paymentFromRow } from '../order-rows';
import { fireWhenEvenPartsPaid } from './check-split-kitchen';
import { fireOrder } from './order-helpers';

const PAYABLE: readonly OrderStatus[] = ['open', 'submitted', 'accepted', 'preparing', 'ready'];

export type OrderRow = NonNullable<ReturnType<typeof findOrderRow>>;

/** The order may take `amount` now under a new payment id. */
export function requirePayable(tx: CommandTx, orderId: string, paymentId: string, amount: number): OrderRow {
  const row = findOrderRow(tx.orm, orderId);
  if (!row) throw new BrigadeError('ORDER_NOT_FOUND', undefined, { orderId });
  if (!PAYABLE.includes(row.status)) throw new BrigadeError('ORDER_NOT_OPEN', undefined, { orderId, status: row.status });
  const due = row.total - row.paid;
  if (due <= 0) throw new BrigadeError('ORDER_ALREADY_PAID', undefined, { orderId });
  if (amount > due) throw new BrigadeError('PAYMENT_AMOUNT_INVALID', 'That is more than the order still owes.', { due, amount });
  if (tx.orm.select({ id: payments.id }).from(payments).where(eq(payments.id, paymentId)).get()) {
    throw new BrigadeError('VALIDATION_FAILED', 'A payment with this id already exists.', { paymentId });
  }
  return row;
}

export interface LedgerPayment {
  readonly orderId: string;
  readonly paymentId: string;
  readonly tender: 'gift_card' | 'loyalty';
  readonly amount: number;
  /** Shown on the receipt: the card's last digits or the points used, never a full number. */
  readonly reference: string;
}

export function recordLedgerPayment(tx: CommandTx, row: OrderRow, p: LedgerPayment): { order: Order; payment: Payment } {
  tx.orm.insert(payments).values({
    id: p.paymentId, orderId: p.orderId, tender: p.tender, amount: p.amount, tip: 0, tendered: null, change: null,
    status: 'captured', refunded: 0, reference: p.reference, cardBrand: null, last4: null, createdAt: tx.now,
  }).run();
  const paid = row.paid + p.amount;
  tx.orm.update(orders).set({ paid }).where(eq(orders.id, p.orderId)).run();
  tx.audit('payment.capture', { orderId: p.orderId, detail: { paymentId: p.paymentId, tender: p.tender, amount: p.amount, tip: 0 } });
  let order: Order;
  if (paid >= row.total) {
    const unfired = tx.orm.select({ id: orderLines.id }).from(orderLines)
      .where(and(eq(orderLines.orderId, p.orderId), eq(orderLines.voided, false), isNull(orderLines.firedIn))).get();
    // Like a cash or card capture: a fully paid counter order goes to the kitchen without a separate tap.
    if ((row.status === 'open' || row.status === 'accepted') && unfired) fireOrder(tx, p.orderId);
    fireWhenEvenPartsPaid(tx, p.orderId);
    order = tx.orderChanged(p.orderId);
    tx.printJob({ idemKey: `receipt:${p.orderId}:${p.paymentId}`, printerRole: 'receipt', orderId: p.orderId, payload: { kind: 'receipt', order, reprint: false } });
  } else {
    order = tx.orderChanged(p.orderId);
  }
  const payment = tx.orm.select().from(payments).where(eq(payments.id, p.paymentId)).get();
  if (!payment) throw new Error(`payment ${p.paymentId} vanished inside its own command`);
  return { order, payment: paymentFromRow(payment) };
}
