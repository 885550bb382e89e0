/**
 * How each pushed mutation changes the cloud. Each runs inside the push transaction and
 * decides before it writes: a thrown CloudError or BrigadeError is a business rejection,
 * recorded without blocking the queue (nothing of it was written, so no savepoint is
 * needed); anything else is a bug and fails the push so the edge retries.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Order } from '@brigade/sync/model';
import { BrigadeError } from '@brigade/sync/model';
import { type Mutation, CloudError } from '@brigade/sync/protocol';
import { auditLog, itemAvailability, menuItems, onlineOrders, orders } from '@brigade/sync/schema/pg';
import type { CloudTx } from '../db/database';
import { queryRows } from '../db/database';

export interface ApplyScope {
  readonly storeId: string;
  readonly organisationId: string;
}

/** What an apply did when it did not refuse: `unchanged` for an already-newer order. */
export type ApplyOutcome = 'changed' | 'unchanged';

export async function applyMutation(tx: CloudTx, scope: ApplyScope, mutation: Mutation): Promise<ApplyOutcome> {
  switch (mutation.name) {
    case 'order.snapshot':
      return applyOrderSnapshot(tx, scope, mutation.args.order, mutation.args.version);
    case 'availability.set':
      await requireMenuItem(tx, scope, mutation.args.itemId);
      await tx
        .insert(itemAvailability)
        .values({ ...scope, itemId: mutation.args.itemId, unavailable: mutation.args.unavailable, at: mutation.args.at })
        .onConflictDoUpdate({
          target: [itemAvailability.storeId, itemAvailability.itemId],
          set: { unavailable: mutation.args.unavailable, at: mutation.args.at },
          // The store's latest decision wins, even when an older one arrives later.
          setWhere: sql`${itemAvailability.at} <= ${mutation.args.at}`,
        });
      return 'changed';
    case 'audit.append': {
      const a = mutation.args;
      await tx
        .insert(auditLog)
        .values({ ...scope, id: a.id, at: a.at, action: a.action, staffId: a.staffId, approvedBy: a.approvedBy, deviceId: a.deviceId, orderId: a.orderId, detail: a.detail, source: 'edge' })
        .onConflictDoNothing();
      return 'changed';
    }
    case 'stock.move': {
      const m = mutation.args;
      // Insert only when the item is on the store's menu: one round trip in the usual case.
      const inserted = await queryRows<{ id: string }>(
        tx,
        sql`INSERT INTO stock_movements (id, organisation_id, store_id, item_id, delta, reason, order_id, occurred_at)
            SELECT ${m.id}, ${scope.organisationId}, ${scope.storeId}, ${m.itemId}, ${m.delta}, ${m.reason}, ${m.orderId}, ${m.occurredAt}
            WHERE EXISTS (SELECT 1 FROM menu_items WHERE store_id = ${scope.storeId} AND id = ${m.itemId})
            ON CONFLICT (id) DO NOTHING RETURNING id`,
      );
      if (inserted.length === 0) await requireMenuItem(tx, scope, m.itemId);
      return 'changed';
    }
  }
}

async function requireMenuItem(tx: CloudTx, scope: ApplyScope, itemId: string): Promise<void> {
  const found = await tx
    .select({ id: menuItems.id })
    .from(menuItems)
    .where(and(eq(menuItems.storeId, scope.storeId), eq(menuItems.id, itemId)))
    .limit(1);
  if (found.length === 0) throw new BrigadeError('ITEM_UNKNOWN', undefined, { itemId });
}

async function applyOrderSnapshot(tx: CloudTx, scope: ApplyScope, order: Order, version: number): Promise<ApplyOutcome> {
  const values = orderValues(scope, order, version);
  const { id: _id, organisationId: _org, storeId: _store, ...update } = values;
  // The usual case in one statement: a new order, or a newer version of one this store owns.
  const written = await tx
    .insert(orders)
    .values(values)
    .onConflictDoUpdate({
      target: orders.id,
      set: { ...update, ingestedAt: sql`now()` },
      setWhere: sql`${orders.owner} = 'edge' AND ${orders.storeId} = ${scope.storeId} AND ${orders.version} < ${version}`,
    })
    .returning({ id: orders.id });
  if (written.length > 0) return 'changed';
  const existing = (await tx.select({ storeId: orders.storeId, owner: orders.owner }).from(orders).where(eq(orders.id, order.id)).for('update').limit(1))[0];
  if (!existing) throw new Error(`order ${order.id} neither inserted nor found`);
  if (existing.storeId !== scope.storeId) throw new CloudError('ORDER_OTHER_STORE', undefined, { orderId: order.id });
  if (existing.owner === 'edge') return 'unchanged';
  // An online order passes to the store only once it is paid (status submitted).
  const online = (await tx.select({ status: onlineOrders.status }).from(onlineOrders).where(eq(onlineOrders.id, order.id)).for('update').limit(1))[0];
  if (online?.status !== 'submitted' && online?.status !== 'accepted') throw new CloudError('ORDER_OWNED_BY_CLOUD', undefined, { orderId: order.id });
  await tx.update(onlineOrders).set({ status: 'accepted', updatedAt: sql`now()` }).where(eq(onlineOrders.id, order.id));
  await tx.update(orders).set({ ...update, ingestedAt: sql`now()` }).where(eq(orders.id, order.id));
  return 'changed';
}

function orderValues(scope: ApplyScope, order: Order, version: number) {
  return {
    ...scope,
    id: order.id,
    owner: 'edge' as const,
    version,
    number: order.number,
    businessDay: order.businessDay,
    channel: order.channel,
    status: order.status,
    paymentStatus: order.paymentStatus,
    currency: order.totals.currency,
    subtotal: order.totals.subtotal,
    tax: order.totals.tax,
    total: order.totals.total,
    paid: order.paid,
    refunded: order.refunded,
    document: order,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  };
}
