/**
 * Test helper: a paid order is voided the way the POS does it — every tender refunded in
 * full first (the refund flow), then `order.void`. A void of an order still holding money is
 * refused with ORDER_HAS_PAYMENTS.
 */
import { type Order, newId, refundable } from '@brigade/sync/model';
import { actors } from '../test-support';
import type { EdgeStore } from '../types';

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
