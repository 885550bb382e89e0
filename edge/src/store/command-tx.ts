/**
 * The writer a command's `run` gets: it changes state through the orm and records, in the
 * same transaction, the audit entry, the outbox mutations for the cloud, the print jobs and
 * the hub events. Nothing here awaits: the whole command commits or rolls back as one.
 */
import {
  type HubEvent, type Order, type OrderTotals, type PaymentStatus, newId,
} from '@brigade/sync/model';
import type { AuditEntry, Mutation } from '@brigade/sync/protocol';
import { iso } from './clock';
import { applyOrderEffects } from './commands/inventory-order-effects';
import { priceStoredCheck } from './commands/check-repricing';
import { rememberEventJson, topicOf } from './event-log';
import { orderReads, queueWrites } from './hot-queries';
import { jsonOf, rememberJson } from './json-once';
import { orderFromRows } from './order-rows';
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
  /** The command's instant as stored: the same for every row it writes. */
  readonly now: string;
  private readonly events: NewHubEvent[] = [];

  constructor(readonly ctx: CommandContext) {
    this.orm = ctx.store.orm;
    this.now = iso(ctx.at);
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
    queueWrites(this.ctx.store.sqlite).insertAudit.run(
      entry.id, entry.at, entry.action, entry.staffId, entry.approvedBy, entry.deviceId, entry.orderId, this.ctx.commandId, JSON.stringify(entry.detail),
    );
    this.push({ name: 'audit.append', args: entry });
  }

  push(mutation: Mutation): void {
    queueWrites(this.ctx.store.sqlite).insertOutbox.run(newId(), mutation.name, jsonOf(mutation.args), this.now);
  }

  emit(event: NewHubEvent): void {
    this.events.push(event);
  }

  printJob(job: NewPrintJob): string {
    const id = newId();
    queueWrites(this.ctx.store.sqlite).insertPrintJob.run(
      id, job.idemKey, job.payload.kind, job.printerRole, job.stationId ?? null, job.orderId ?? null, this.ctx.actor.deviceId,
      jsonOf(job.payload), job.reprint === true ? 1 : 0, this.now, this.now, this.now,
    );
    return id;
  }

  /**
   * Call once per command after changing an order: recomputes totals and payment status
   * from the rows, bumps the version, and queues the snapshot for the cloud and the screens.
   */
  orderChanged(orderId: string): Order {
    const q = orderReads(this.orm);
    // Read once, in position order, for the pricing (live lines) and for the snapshot (all); nothing below changes lines.
    const allLines = q.linesOfOrder.all({ id: orderId });
    const lines = allLines.filter((line) => !line.voided);
    // Priced as a whole check (dining-option taxes, discounts, promo code, service charge), frozen line prices.
    const totals: OrderTotals = priceStoredCheck(this.orm, this.ctx.store.menuIndex(), orderId, lines).totals;
    const row = q.orderMoney.get({ id: orderId });
    if (!row) throw new Error(`order ${orderId} vanished inside its own command`);
    queueWrites(this.ctx.store.sqlite).updateOrderTotals.run(
      JSON.stringify(totals), totals.total, paymentStatusOf(totals.total, row.paid, row.refunded), this.now, orderId,
    );
    // Stock, gift cards and points follow the order in the same transaction.
    applyOrderEffects(this, orderId);
    const updated = q.orderById.get({ id: orderId });
    if (!updated) throw new Error(`order ${orderId} vanished inside its own command`);
    const order = orderFromRows(updated, allLines, q.paymentsOfOrder.all({ id: orderId }));
    // Serialised once here; the outbox, the event, the result and a receipt reuse the text.
    rememberJson(order);
    this.push({ name: 'order.snapshot', args: { order, version: updated.version } });
    this.emit({ type: 'order.updated', order });
    return order;
  }

  /** Writes the queued hub events; returns them with their seqs for after-commit delivery. */
  flushEvents(): HubEvent[] {
    const written: HubEvent[] = [];
    const insert = queueWrites(this.ctx.store.sqlite).insertEvent;
    for (const event of this.events) {
      const payload = jsonOf(event);
      const seq = Number(insert.run(event.type, topicOf(event), payload, this.now).lastInsertRowid);
      const full: HubEvent = { ...event, seq };
      // What the screens are sent is the stored payload with its seq: serialised here, once for all sockets.
      rememberEventJson(full, `${payload.slice(0, -1)},"seq":${seq}}`);
      written.push(full);
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

