/**
 * Cancelling and refunding an online order from the dashboard. The cloud may only do this
 * while it still owns the order (the store has not taken it over); once the store owns it,
 * the refund belongs at the till, where the order's kitchen and payment state live.
 *
 * The order rows stay locked for the whole refund, Stripe call included: a store push taking
 * the order over waits, and so does a second click, which then finds the order cancelled and
 * refunds nothing. The refund's idempotency key is derived from the order id, so a retry that
 * reaches Stripe twice (a lost response) still refunds once. If Stripe refuses, the
 * transaction rolls back and nothing is written.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import Stripe from 'stripe';
import { Type } from 'typebox';
import { BrigadeError, type Order } from '@brigade/sync/model';
import { CloudError } from '@brigade/sync/protocol';
import { onlineOrders, orders } from '@brigade/sync/schema/pg';
import { requireUser } from '../auth/sessions';
import type { CloudContext } from '../context';
import { businessDayOf } from '../reports/business-day';
import { requireStore } from '../stores/store-access';
import { stripeClient } from './stripe-payments';
import type { OnlineOrderSummary } from '@brigade/sync/protocol';

export interface OnlineRefundOutcome {
  readonly orderId: string;
  readonly status: 'cancelled';
  readonly paymentStatus: string;
  /** The Stripe refund, when money went back; null for an unpaid order or a repeated request. */
  readonly refundId: string | null;
  readonly alreadyCancelled: boolean;
}

export function refundIdempotencyKey(orderId: string): string {
  return `online-refund-${orderId}`;
}

export async function cancelAndRefundOnlineOrder(ctx: CloudContext, organisationId: string, storeId: string, orderId: string): Promise<OnlineRefundOutcome> {
  const outcome = await ctx.database.db.transaction(async (tx) => {
    const online = (
      await tx
        .select()
        .from(onlineOrders)
        .where(and(eq(onlineOrders.id, orderId), eq(onlineOrders.storeId, storeId), eq(onlineOrders.organisationId, organisationId)))
        .for('update')
        .limit(1)
    )[0];
    if (!online) throw new BrigadeError('NOT_FOUND');
    const order = (await tx.select({ owner: orders.owner }).from(orders).where(eq(orders.id, orderId)).for('update').limit(1))[0];
    if (order?.owner === 'edge' || online.status === 'accepted') throw new CloudError('ORDER_OWNED_BY_STORE');
    if (online.status === 'cancelled') {
      return { orderId, status: 'cancelled', paymentStatus: online.paymentStatus, refundId: null, alreadyCancelled: true } as const;
    }
    let refundId: string | null = null;
    const paid = online.paymentStatus === 'paid';
    if (paid) {
      if (!ctx.settings.stripe || !online.paymentIntentId) throw new CloudError('PAYMENT_NOT_CONFIGURED');
      refundId = await refundInFull(stripeClient(ctx.settings.stripe), orderId, online.paymentIntentId, online.total);
    }
    const paymentStatus = paid ? 'refunded' : online.paymentStatus;
    const at = ctx.now().toISOString();
    const before = online.document as Order;
    const document: Order = { ...before, status: 'cancelled', paymentStatus: paid ? 'refunded' : before.paymentStatus, refunded: paid ? before.paid : before.refunded, updatedAt: at };
    await tx.update(onlineOrders).set({ status: 'cancelled', paymentStatus, document, updatedAt: sql`now()` }).where(eq(onlineOrders.id, orderId));
    await tx
      .update(orders)
      .set({ status: 'cancelled', paymentStatus: document.paymentStatus, refunded: document.refunded, document, updatedAt: at })
      .where(and(eq(orders.id, orderId), eq(orders.owner, 'cloud')));
    return { orderId, status: 'cancelled', paymentStatus, refundId, alreadyCancelled: false } as const;
  });
  // The shape row changed: the store must see it cancelled before it could take it in.
  if (!outcome.alreadyCancelled) await ctx.changes.kick();
  return outcome;
}

async function refundInFull(stripe: Stripe, orderId: string, paymentIntentId: string, amount: number): Promise<string> {
  try {
    const refund = await stripe.refunds.create(
      { payment_intent: paymentIntentId, amount, reason: 'requested_by_customer', metadata: { orderId } },
      { idempotencyKey: refundIdempotencyKey(orderId) },
    );
    return refund.id;
  } catch (error) {
    // Stripe's refusal is the owner's to read (already refunded, disputed…); never a 5xx.
    const reason = error instanceof Stripe.errors.StripeError ? error.message : 'Stripe could not be reached.';
    throw new BrigadeError('REFUND_FAILED', `Stripe refused the refund: ${reason} Nothing was changed.`);
  }
}

export type { OnlineOrderSummary };

const StoreParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), orderId: Type.String({ format: 'uuid', maxLength: 36 }) });

export function registerRefundRoutes(app: FastifyInstance, ctx: CloudContext): void {
  app.get('/api/stores/:id/online-orders', { schema: { tags: ['owner'], security: [{ owner: [] }], params: StoreParams } }, async (request) => {
    const user = await requireUser(ctx, request);
    const store = await requireStore(ctx.database.db, user, (request.params as { id: string }).id);
    const day = businessDayOf(ctx.now(), store.timezone, store.businessDayEndsAt);
    const rows = await ctx.database.db
      .select({ online: onlineOrders, number: orders.number, owner: orders.owner, status: orders.status, paymentStatus: orders.paymentStatus })
      .from(onlineOrders)
      .innerJoin(orders, eq(orders.id, onlineOrders.id))
      .where(and(eq(onlineOrders.storeId, store.id), eq(onlineOrders.organisationId, user.organisationId), eq(orders.businessDay, day)))
      .orderBy(desc(onlineOrders.createdAt))
      .limit(200);
    const list: OnlineOrderSummary[] = rows.map((r) => ({
      id: r.online.id, number: r.number, customerName: r.online.customerName,
      // Once the store owns the order, its own status and payment are the truth.
      status: r.owner === 'edge' ? r.status : r.online.status,
      paymentStatus: r.owner === 'edge' ? r.paymentStatus : r.online.paymentStatus,
      total: r.online.total, currency: r.online.currency, owner: r.owner, createdAt: r.online.createdAt,
    }));
    return { orders: list };
  });

  app.post('/api/stores/:id/online-orders/:orderId/refund', { schema: { tags: ['owner'], security: [{ owner: [] }], params: Params } }, async (request) => {
    const user = await requireUser(ctx, request);
    const { id, orderId } = request.params as { id: string; orderId: string };
    const store = await requireStore(ctx.database.db, user, id);
    return cancelAndRefundOnlineOrder(ctx, user.organisationId, store.id, orderId);
  });
}
