/**
 * Edge → cloud push: the edge's transactional outbox, sent in `seq` order in batches.
 * Each mutation is a domain fact owned by the edge (an order's new version, an 86, an audit
 * entry, a stock movement); the cloud applies each exactly once (by `mutationId`, and by
 * `seq` within `(nodeId, epoch)`), stops at a gap, and records business rejections without
 * blocking the queue. The edge deletes a mutation only after the cloud acknowledged it.
 */
import type { ItemId, OrderId, StoreId } from '../model/ids';
import type { Order } from '../model/order';
import type { LedgerEntry } from '../model/gift-cards';
import type { StaffCashMutation } from './staff-cash-push';

export interface AuditEntry {
  readonly id: string;
  readonly at: string;
  readonly action: string;
  readonly staffId: string | null;
  readonly approvedBy: string | null;
  readonly deviceId: string | null;
  readonly orderId: string | null;
  readonly detail: Readonly<Record<string, string | number | boolean | null>>;
}

export interface StockMovement {
  readonly id: string;
  readonly itemId: ItemId;
  /** Negative for sales and waste, positive for receipts; counts carry the counted level. */
  readonly delta: number;
  readonly reason: 'sale' | 'waste' | 'receipt' | 'count' | 'void';
  readonly orderId: OrderId | null;
  readonly occurredAt: string;
  /**
   * Set when the stock is an ingredient of the store's recipes (inventory.ts): `itemId` then
   * repeats the ingredient id, which is no menu item, and a count carries the difference it
   * found (the counted level is in the edge's log), so a level is always the sum of deltas.
   */
  readonly ingredientId?: string;
}

export type Mutation =
  /** The order as it now stands on its owner, the edge; `version` grows by one per change. */
  | { readonly name: 'order.snapshot'; readonly args: { readonly order: Order; readonly version: number } }
  | { readonly name: 'availability.set'; readonly args: { readonly itemId: ItemId; readonly unavailable: boolean; readonly at: string } }
  | { readonly name: 'audit.append'; readonly args: AuditEntry }
  | { readonly name: 'stock.move'; readonly args: StockMovement }
  /** A gift card or loyalty ledger entry written at the store; the cloud sums them per account. */
  | { readonly name: 'gift.entry'; readonly args: LedgerEntry }
  /** Drawer sessions, time punches and Z reports (staff-cash-push.ts). */
  | StaffCashMutation;

export type MutationName = Mutation['name'];

export interface OutboxMutation<M extends Mutation = Mutation> {
  readonly seq: number;
  readonly mutationId: string;
  readonly name: M['name'];
  readonly args: M['args'];
  readonly createdAt: string;
}

export interface PushRequest {
  readonly storeId: StoreId;
  readonly nodeId: string;
  /** Changes whenever the edge database is restored or reinstalled, so `seq` is never reused. */
  readonly epoch: number;
  readonly mutations: readonly OutboxMutation[];
  /** What waits in the edge's outbox as the batch leaves, for the dashboard's sync health. */
  readonly status?: PushStatusReport;
}

export interface PushStatusReport {
  readonly waiting: number;
  readonly oldestAgeSeconds: number | null;
  /** The store's printers as the edge sees them now, for the owner's dashboard. */
  readonly printers?: readonly PrinterReport[];
}

/** One printer in a status report; `status` is the edge's condition (ready, paper-low, paper-out, cover-open, offline…). */
export interface PrinterReport {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly status: string;
}

/** Bounds the cloud enforces on a report, so a store cannot fill its health row. */
export const PRINTER_REPORT_MAX = 32;
export const PRINTER_NAME_MAX = 80;

export type PushResultStatus = 'applied' | 'duplicate' | 'rejected';

export interface PushResult {
  readonly seq: number;
  readonly mutationId: string;
  readonly status: PushResultStatus;
  readonly code?: string;
  readonly message?: string;
}

export interface PushResponse {
  readonly results: readonly PushResult[];
  /** The highest seq the cloud holds for (nodeId, epoch); everything up to it may be forgotten. */
  readonly lastSeq: number;
  /** Set when the batch stopped at a gap: the cloud expects this seq next. */
  readonly expectedSeq?: number;
}

export const PUSH_BATCH_MAX = 500;
