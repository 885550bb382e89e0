/**
 * The writer a command's `run` gets: it changes state through the orm and records, in the
 * same transaction, the audit entry, the outbox mutations for the cloud, the print jobs and
 * the hub events. Nothing here awaits: the whole command commits or rolls back as one.
 */
import { and, eq, sql } from 'drizzle-orm';
import {
  type HubEvent, type Order, type OrderTotals, type PaymentStatus, newId,
} from '@brigade/sync/model';
import type { AuditEntry, Mutation } from '@brigade/sync/protocol';
import { auditLog, hubEvents, orderLines, orders, outbox, printJobs } from '@brigade/sync/schema/sqlite';
import { iso } from './clock';
import { applyOrderEffects } from './commands/inventory-order-effects';
import { priceStoredCheck } from './commands/check-repricing';
import { topicOf } from './event-log';
import { loadOrder } from './order-rows';
import type { Orm, StoreContext } from './store-context';
import type { Actor, NewHubEvent, PrintPayload } from './types';

/** Who, when and under which id: fixed for the whole command. */
export interface CommandContext {
  readonly actor: Actor;
  readonly commandId: string;
  readonly at: Date;
  /** The manager who approved this command (signed in, or by PIN); null when none was needed. */
  readonly approvedBy: string | null;
  readonly store: StoreContext;
}

export interface NewPrintJob {
  idemKey: string;
  printerRole: 'receipt' | 'kitchen';
  stationId?: string | null;
  orderId?: string | null;
  payload: PrintPayload;
  reprint?: boolean;
}

export class CommandTx {
  readonly orm: Orm;
  private readonly events: NewHubEvent[] = [];

  constructor(readonly ctx: CommandContext) {
    this.orm = ctx.store.orm;
  }

  get now(): string {
    return iso(this.ctx.at);
  }

  audit(action: string, fields: { orderId?: string | null; detail?: AuditEntry['detail'] } = {}): void {
    const entry: AuditEntry = {
      id: newId(),
      at: this.now,
      action,
      staffId: this.ctx.actor.staff?.id ?? null,
      approvedBy: this.ctx.approvedBy,
      deviceId: this.ctx.actor.deviceId,
      orderId: fields.orderId ?? null,
      detail: fields.detail ?? {},
    };
    this.orm.insert(auditLog).values({ ...entry, commandId: this.ctx.commandId, detail: JSON.stringify(entry.detail) }).run();
    this.push({ name: 'audit.append', args: entry });
  }

  push(mutation: Mutation): void {
    this.orm.insert(outbox).values({ mutationId: newId(), name: mutation.name, args: JSON.stringify(mutation.args), createdAt: this.now }).run();
  }

  emit(event: NewHubEvent): void {
    this.events.push(event);
  }

  printJob(job: NewPrintJob): string {
    const id = newId();
    this.orm.insert(printJobs).values({
      id,
      idemKey: job.idemKey,
      kind: job.payload.kind,
      printerRole: job.printerRole,
      stationId: job.stationId ?? null,
      orderId: job.orderId ?? null,
      deviceId: this.ctx.actor.deviceId,
      payload: JSON.stringify(job.payload),
      status: 'queued',
      attempts: 0,
      reprint: job.reprint ?? false,
      nextAttemptAt: this.now,
      createdAt: this.now,
      updatedAt: this.now,
    }).run();
    return id;
  }

  /**
   * Call once per command after changing an order: recomputes totals and payment status
   * from the rows, bumps the version, and queues the snapshot for the cloud and the screens.
   */
  orderChanged(orderId: string): Order {
    const lines = this.orm.select().from(orderLines).where(and(eq(orderLines.orderId, orderId), eq(orderLines.voided, false))).all();
    // Priced as a whole check (dining-option taxes, discounts, promo code, service charge), frozen line prices.
    const totals: OrderTotals = priceStoredCheck(this.orm, this.ctx.store.menuIndex(), orderId, lines).totals;
    const row = this.orm.select({ paid: orders.paid, refunded: orders.refunded }).from(orders).where(eq(orders.id, orderId)).get();
    if (!row) throw new Error(`order ${orderId} vanished inside its own command`);
    this.orm.update(orders).set({
      totals: JSON.stringify(totals),
      total: totals.total,
      paymentStatus: paymentStatusOf(totals.total, row.paid, row.refunded),
      version: sql`${orders.version} + 1`,
      updatedAt: this.now,
    }).where(eq(orders.id, orderId)).run();
    // Stock, gift cards and points follow the order in the same transaction.
    applyOrderEffects(this, orderId);
    const order = loadOrder(this.orm, orderId);
    const version = this.orm.select({ v: orders.version }).from(orders).where(eq(orders.id, orderId)).get()?.v ?? 0;
    this.push({ name: 'order.snapshot', args: { order, version } });
    this.emit({ type: 'order.updated', order });
    return order;
  }

  /** Writes the queued hub events; returns them with their seqs for after-commit delivery. */
  flushEvents(): HubEvent[] {
    const written: HubEvent[] = [];
    for (const event of this.events) {
      const full = this.orm.insert(hubEvents).values({ type: event.type, topic: topicOf(event), payload: JSON.stringify(event), createdAt: this.now })
        .returning({ seq: hubEvents.seq }).get();
      written.push({ ...event, seq: full.seq });
    }
    this.events.length = 0;
    return written;
  }
}

export function paymentStatusOf(total: number, paid: number, refunded: number): PaymentStatus {
  if (refunded > 0) return refunded >= paid ? 'refunded' : 'partially_refunded';
  if (paid <= 0) return 'unpaid';
  return paid >= total ? 'paid' : 'partially_paid';
}

