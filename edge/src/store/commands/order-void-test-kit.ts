/**
 * Test helper: a paid order is voided the way the POS does it — every tender refunded in
 * full first (the refund flow), then `order.void`. A void of an order still holding money is
 * refused with ORDER_HAS_PAYMENTS.
 */
import { BrigadeError, type Order, newId, refundable } from '@brigade/sync/model';
import { actors } from '../test-support';
import type { Actor, EdgeStore } from '../types';

/** Refunds what every payment of the order can still give back; returns the order as it then is. */
export async function refundEverything(store: EdgeStore, orderId: string): Promise<Order> {
  let order = store.queries.order(orderId);
  for (const payment of order.payments) {
    const amount = refundable(payment);
    if (amount <= 0) continue;
    const { result } = await store.execute('payment.refund', newId(), { orderId, paymentId: payment.id, amount, reason: 'Voiding the order' }, actors.manager);
    order = (result as { order: Order }).order;
  }
  return order;
}

/** Refunds every payment, then voids the order. */
export async function refundAndVoid(store: EdgeStore, orderId: string, commandId = newId()): Promise<Order> {
  await refundEverything(store, orderId);
  const { result } = await store.execute('order.void', commandId, { orderId, reason: 'Voided' }, actors.manager);
  return (result as { order: Order }).order;
}

/**
 * Voids a line the way the POS does on an order that took money: when the void is refused
 * with ORDER_HAS_PAYMENTS, the amount it names (`refundFirst`) is refunded from the payments
 * in turn, then the line is voided.
 */
export async function refundAndVoidLine(store: EdgeStore, orderId: string, lineId: string, actor: Actor = actors.manager): Promise<Order> {
  const args = { orderId, lineId, reason: 'Voided' };
  const first = await store.execute('order.voidLine', newId(), args, actor).catch((error: unknown) => error);
  if (!(first instanceof BrigadeError)) return (first as { result: { order: Order } }).result.order;
  if (first.code !== 'ORDER_HAS_PAYMENTS') throw first;
  let owed = (first.details as { refundFirst: number }).refundFirst;
  for (const payment of store.queries.order(orderId).payments) {
    const amount = Math.min(owed, refundable(payment));
    if (amount <= 0) continue;
    await store.execute('payment.refund', newId(), { orderId, paymentId: payment.id, amount, reason: 'Voiding a line' }, actors.manager);
    owed -= amount;
  }
  const { result } = await store.execute('order.voidLine', newId(), args, actor);
  return (result as { order: Order }).order;
}
