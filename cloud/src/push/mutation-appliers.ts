/**
 * How each pushed mutation changes the cloud. Each runs inside the push transaction and
 * decides before it writes: a thrown CloudError or BrigadeError is a business rejection,
 * recorded without blocking the queue (nothing of it was written, so no savepoint is
 * needed); anything else is a bug and fails the push so the edge retries.
 */
import { eq, sql } from 'drizzle-orm';
import type { Order } from '@brigade/sync/model';
import { BrigadeError } from '@brigade/sync/model';
import { type Mutation, CloudError } from '@brigade/sync/protocol';
import { auditLog, itemAvailability, menuItems, onlineOrders, orders, stockMovements } from '@brigade/sync/schema/pg';
import type { CloudTx } from '../db/database';
import { applyLedgerEntry } from './ledger-applier';
import { applyDrawerSession, applyPunch, applyZReport } from './staff-cash-appliers';

export interface ApplyScope {
  readonly storeId: string;
  readonly organisationId: string;
}

/** What an apply did when it did not refuse: `unchanged` for an already-newer order. */
export type ApplyOutcome = 'changed' | 'unchanged';

/**
 * Collects the append-only rows of one transaction (stock movements, audit entries) and
 * writes them in one statement at the end: they commute and dedupe by id, so their order
 * inside the transaction does not matter. Knows the store's menu item ids, read once.
 */
export class ChunkWriter {
  private items: Set<string> | null = null;
  private readonly stock: (typeof stockMovements.$inferInsert)[] = [];
  private readonly audit: (typeof auditLog.$inferInsert)[] = [];

  constructor(
    private readonly tx: CloudTx,
    private readonly scope: ApplyScope,
  ) {}

  async requireItem(itemId: string): Promise<void> {
    if (!this.items) {
      const rows = await this.tx.select({ id: menuItems.id }).from(menuItems).where(eq(menuItems.storeId, this.scope.storeId));
      this.items = new Set(rows.map((r) => r.id));
    }
    if (!this.items.has(itemId)) throw new BrigadeError('ITEM_UNKNOWN', undefined, { itemId });
  }

  addStock(row: typeof stockMovements.$inferInsert): void {
    this.stock.push(row);
  }

  addAudit(row: typeof auditLog.$inferInsert): void {
    this.audit.push(row);
  }

  async flush(): Promise<void> {
    if (this.stock.length > 0) await this.tx.insert(stockMovements).values(this.stock.splice(0)).onConflictDoNothing();
    if (this.audit.length > 0) await this.tx.insert(auditLog).values(this.audit.splice(0)).onConflictDoNothing();
  }
}

export async function applyMutation(tx: CloudTx, scope: ApplyScope, mutation: Mutation, writer: ChunkWriter): Promise<ApplyOutcome> {
  switch (mutation.name) {
    case 'order.snapshot':
      return applyOrderSnapshot(tx, scope, mutation.args.order, mutation.args.version);
    case 'availability.set':
      await writer.requireItem(mutation.args.itemId);
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
      writer.addAudit({ ...scope, id: a.id, at: a.at, action: a.action, staffId: a.staffId, approvedBy: a.approvedBy, deviceId: a.deviceId, orderId: a.orderId, detail: a.detail, source: 'edge' });
      return 'changed';
    }
    case 'stock.move': {
      const m = mutation.args;
      // Ingredient stock (recipes) is keyed by the ingredient, which is no menu item.
      if (m.ingredientId === undefined) await writer.requireItem(m.itemId);
      writer.addStock({ ...scope, id: m.id, itemId: m.itemId, delta: m.delta, reason: m.reason, orderId: m.orderId, occurredAt: m.occurredAt });
      return 'changed';
    }
    case 'gift.entry':
      return applyLedgerEntry(tx, scope, mutation.args);
    case 'drawer.session':
      return applyDrawerSession(tx, scope, mutation.args.session, mutation.args.version);
    case 'timeclock.punch':
      return applyPunch(tx, scope, mutation.args);
    case 'report.z':
      return applyZReport(tx, scope, mutation.args);
  }
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
