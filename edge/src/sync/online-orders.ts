/**
 * The store's intake of online orders: reads the `online_orders` shape rows the follower
 * stored and turns each submitted (paid, or to be paid at pickup) order the store does not
 * have yet into a store order with `order.acceptOnline`, which fires it to the kitchen and
 * queues its snapshot — the snapshot is what hands the order from the cloud to the store.
 *
 * Exactly once: the store order keeps the online order's id and the command id is derived
 * from it, so a replayed shape, a second pass or a restart between storing the row and
 * accepting it never makes two orders. A row the store cannot read is logged and kept in
 * `status().refused` (it stays in the shape rows and is tried again on every pass).
 */
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { type AcceptOnlineArgs, AcceptOnlineArgsSchema, BrigadeError, type OnlineIntakeFlag, type Order, type OrderLine } from '@brigade/sync/model';
import { Compile } from 'typebox/compile';
import type { Actor, EdgeStore } from '../store/types';

export const ONLINE_ORDERS_SHAPE = 'online_orders';

const SYSTEM: Actor = { deviceId: null, deviceRole: 'system', stationId: null, staff: null };
const checkArgs = Compile(AcceptOnlineArgsSchema);

export interface OnlineIntakeStatus {
  readonly accepted: number;
  /** Rows that could not be made into an order, by online order id, with the reason. */
  readonly refused: Readonly<Record<string, string>>;
  readonly lastError: string | null;
}

export interface OnlineIntakeOptions {
  readonly store: EdgeStore;
  readonly logger?: Logger;
  /** Called after an order was accepted (the sync client pushes its snapshot at once). */
  readonly onAccepted?: (order: Order, flags: readonly OnlineIntakeFlag[]) => void;
}

export interface OnlineIntake {
  /** Accepts every waiting order; concurrent calls run one pass after another. */
  process(): Promise<void>;
  status(): OnlineIntakeStatus;
  /** No further passes; resolves when the running one has finished (before the store closes). */
  stop(): Promise<void>;
}

export function createOnlineIntake(options: OnlineIntakeOptions): OnlineIntake {
  const { store, logger } = options;
  let accepted = 0;
  let lastError: string | null = null;
  const refused: Record<string, string> = {};
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const pass = async (): Promise<void> => {
    for (const row of waitingRows(store)) {
      const id = typeof row.id === 'string' ? row.id : '';
      const args = acceptArgsFromRow(row);
      if (typeof args === 'string') {
        if (refused[id] !== args) logger?.warn({ onlineOrderId: id, reason: args }, 'online order row cannot be accepted');
        refused[id] = args;
        continue;
      }
      try {
        const outcome = await store.execute('order.acceptOnline', acceptCommandId(args.orderId), args, SYSTEM);
        const result = outcome.result as { order: Order; accepted: boolean; flags: OnlineIntakeFlag[] };
        delete refused[id];
        if (result.accepted && !outcome.replayed) {
          accepted += 1;
          if (result.flags.length > 0) logger?.warn({ orderId: id, flags: result.flags }, 'online order accepted with flags');
          options.onAccepted?.(result.order, result.flags);
        }
      } catch (error) {
        // One bad order must not hold back the others; it is tried again on the next pass.
        const reason = error instanceof BrigadeError ? `${error.code}: ${error.message}` : String(error);
        refused[id] = reason;
        lastError = reason;
        logger?.error({ err: error, onlineOrderId: id }, 'accepting an online order failed');
      }
    }
  };

  const process = async (): Promise<void> => {
    if (stopped) return;
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await pass();
        } while (again && !stopped);
      } finally {
        running = null;
      }
    })();
    return running;
  };

  return {
    process,
    status: () => ({ accepted, refused: { ...refused }, lastError }),
    stop: async () => {
      stopped = true;
      await running;
    },
  };
}

/** Submitted online orders the store has no order for yet (read in SQL: the shape keeps every past order). */
function waitingRows(store: EdgeStore): Record<string, unknown>[] {
  const rows = store.db.prepare(
    `SELECT s.value FROM shape_rows s
     WHERE s.shape = ? AND json_extract(s.value, '$.status') = 'submitted'
       AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = json_extract(s.value, '$.id'))`,
  ).all(ONLINE_ORDERS_SHAPE) as { value: string }[];
  return rows.map((r) => JSON.parse(r.value) as Record<string, unknown>);
}

/**
 * A UUIDv7-shaped id that is the same for every attempt at one online order: the command log
 * then replays instead of applying twice even if two passes raced.
 */
export function acceptCommandId(orderId: string): string {
  const hex = createHash('sha256').update(`order.acceptOnline:${orderId}`).digest('hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The command's args from a shape row (the cloud's order document); a string says why not. */
export function acceptArgsFromRow(row: Record<string, unknown>): AcceptOnlineArgs | string {
  const doc = row.document;
  if (typeof doc !== 'object' || doc === null) return 'the row has no order document';
  const order = doc as Partial<Order>;
  const paid = row.payment_status === 'paid';
  const text = (v: unknown, max: number) => (typeof v === 'string' && v.length > 0 ? v.slice(0, max) : undefined);
  const candidate = {
    orderId: row.id,
    number: text(order.number, 20) ?? `W-${String(row.id).slice(-4).toUpperCase()}`,
    channel: order.channel === 'table' ? 'table' : 'online',
    diningOption: order.diningOption ?? 'take_out',
    ...optional('customerName', text(row.customer_name ?? order.customerName, 60)),
    ...optional('tableLabel', text(row.table_label ?? order.tableLabel, 20)),
    ...optional('note', text(order.note, 280)),
    lines: linesOf(order).map((l) => ({
      lineId: l.lineId, itemId: l.itemId, name: l.name, quantity: l.quantity,
      ...optional('weightGrams', l.weightGrams),
      modifierOptionIds: (l.modifiers ?? []).map((m) => m.optionId),
      modifiers: (l.modifiers ?? []).map((m) => ({ optionId: m.optionId, groupName: m.groupName, name: m.name, priceDelta: m.priceDelta })),
      ...optional('note', l.note),
      ...optional('components', l.components?.map((c) => ({
        slotId: c.slotId, slotName: c.slotName, itemId: c.itemId, name: c.name, upcharge: c.upcharge,
        modifiers: c.modifiers.map((m) => ({ optionId: m.optionId, groupName: m.groupName, name: m.name, priceDelta: m.priceDelta })), amount: c.amount,
      }))),
      unitPrice: l.unitPrice, lineAmount: l.lineAmount, taxes: l.taxes, tax: l.tax, lineTotal: l.lineTotal,
      ...optional('stationId', l.stationId),
    })),
    paidOnline: paid ? Number(row.total) : 0,
    cloudTotal: Number(row.total),
    currency: typeof row.currency === 'string' ? row.currency : order.totals?.currency,
    ...optional('paymentReference', text(row.payment_intent_id, 255)),
  };
  if (checkArgs.Check(candidate)) return candidate;
  const first = [...checkArgs.Errors(candidate)][0];
  return `the order does not fit the store's intake: ${first ? `${first.instancePath} ${first.message}` : 'invalid'}`;
}

function linesOf(order: Partial<Order>): readonly OrderLine[] {
  return Array.isArray(order.lines) ? (order.lines as readonly OrderLine[]) : [];
}

function optional<K extends string, V>(key: K, value: V | undefined | null): Partial<Record<K, V>> {
  return value === undefined || value === null ? {} : ({ [key]: value } as Record<K, V>);
}

/**
 * Shape values as the Electric client parsed them may hold BigInts (`int8` columns such as
 * an online order's total), which JSON cannot store: money here fits a double exactly.
 */
export function jsonSafeRow(value: Record<string, unknown>): Record<string, unknown> {
  let copy: Record<string, unknown> | null = null;
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'bigint') {
      copy ??= { ...value };
      copy[key] = Number(v);
    }
  }
  return copy ?? value;
}
