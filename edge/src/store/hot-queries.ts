/**
 * The statements every order command runs, built once per connection instead of once per
 * call. drizzle's query builder spent about half of an order's CPU composing SQL that never
 * changes; a prepared drizzle query only fills its placeholders and maps the row. Reads that
 * return a whole row stay drizzle queries, so a column added to the schema is read and mapped
 * like everywhere else; the append-only queue tables are written with plain SQL.
 */
import type Database from 'better-sqlite3';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import {
  checkLines, checkSettings, checks, commands, devices, itemAvailability, kitchenTickets, menu, orderLines, orders, payments, store,
} from '@brigade/sync/schema/sqlite';
import { prepareUncached } from './statement-cache';
import type { Orm } from './store-context';

/** Reads (and a counter update) through drizzle's prepared queries: rows are mapped as everywhere else. */
function buildReads(orm: Orm) {
  const id = sql.placeholder('id');
  return {
    commandById: orm.select().from(commands).where(eq(commands.commandId, id)).prepare(),
    // Every request of a screen is authenticated by its token (staff-auth.ts).
    deviceByTokenHash: orm.select().from(devices).where(eq(devices.tokenHash, sql.placeholder('tokenHash'))).prepare(),
    orderById: orm.select().from(orders).where(eq(orders.id, id)).prepare(),
    orderMoney: orm.select({ paid: orders.paid, refunded: orders.refunded }).from(orders).where(eq(orders.id, id)).prepare(),
    orderExists: orm.select({ id: orders.id }).from(orders).where(eq(orders.id, id)).prepare(),
    linesOfOrder: orm.select().from(orderLines).where(eq(orderLines.orderId, id)).orderBy(asc(orderLines.position)).prepare(),
    activeLinesOfOrder: orm.select().from(orderLines).where(and(eq(orderLines.orderId, id), eq(orderLines.voided, false))).prepare(),
    lineExists: orm.select({ id: orderLines.id }).from(orderLines).where(eq(orderLines.id, id)).prepare(),
    paymentsOfOrder: orm.select().from(payments).where(eq(payments.orderId, id)).orderBy(asc(payments.createdAt), asc(payments.id)).prepare(),
    paymentById: orm.select().from(payments).where(eq(payments.id, id)).prepare(),
    ticketById: orm.select().from(kitchenTickets).where(eq(kitchenTickets.id, id)).prepare(),
    menuHead: orm.select({ version: menu.version, updatedAt: menu.updatedAt }).from(menu).where(eq(menu.id, id)).prepare(),
    storeRow: orm.select().from(store).prepare(),
    // What pricing a stored check reads (check-repricing.ts) besides its lines.
    orderDiningOption: orm.select({ diningOption: orders.diningOption }).from(orders).where(eq(orders.id, id)).prepare(),
    checkOfOrder: orm.select().from(checks).where(eq(checks.orderId, id)).prepare(),
    checkLinesOfOrder: orm.select().from(checkLines).where(eq(checkLines.orderId, id)).prepare(),
    checkSettingsRow: orm.select().from(checkSettings).where(eq(checkSettings.id, 'current')).prepare(),
    unavailableItems: orm.select({ itemId: itemAvailability.itemId }).from(itemAvailability).where(eq(itemAvailability.unavailable, true)).prepare(),
    lastLinePosition: orm.select({ position: sql<number>`coalesce(max(${orderLines.position}), 0)` }).from(orderLines).where(eq(orderLines.orderId, id)).prepare(),
    // Paying and firing (payment.capture of a whole order, fireOrder): the KDS path.
    paymentExists: orm.select({ id: payments.id }).from(payments).where(eq(payments.id, id)).prepare(),
    firstUnfiredLine: orm.select({ id: orderLines.id }).from(orderLines)
      .where(and(eq(orderLines.orderId, id), eq(orderLines.voided, false), isNull(orderLines.firedIn))).limit(1).prepare(),
    unfiredLines: orm.select().from(orderLines)
      .where(and(eq(orderLines.orderId, id), eq(orderLines.voided, false), isNull(orderLines.firedIn))).orderBy(asc(orderLines.position)).prepare(),
    releasedCourses: orm.select({ released: checks.releasedCourses }).from(checks).where(eq(checks.orderId, id)).prepare(),
    coursesOfOrder: orm.select({ lineId: checkLines.lineId, course: checkLines.course }).from(checkLines).where(eq(checkLines.orderId, id)).prepare(),
    insertTicket: orm.insert(kitchenTickets).values({
      id, orderId: sql.placeholder('orderId'), stationId: sql.placeholder('stationId'), fireSeq: sql.placeholder('fireSeq'), status: 'new',
      items: sql.placeholder('items'), createdAt: sql.placeholder('createdAt'),
    }).prepare(),
    insertPayment: orm.insert(payments).values({
      id, orderId: sql.placeholder('orderId'), tender: sql.placeholder('tender'), amount: sql.placeholder('amount'), tip: sql.placeholder('tip'),
      tendered: sql.placeholder('tendered'), change: sql.placeholder('change'), status: 'captured', refunded: 0, reference: sql.placeholder('reference'),
      cardBrand: sql.placeholder('cardBrand'), last4: sql.placeholder('last4'), createdAt: sql.placeholder('createdAt'),
    }).prepare(),
    // Inserts through drizzle too: columns left out (added by later migrations) get the schema's defaults.
    insertOrder: orm.insert(orders).values({
      id, number: sql.placeholder('number'), businessDay: sql.placeholder('businessDay'), channel: sql.placeholder('channel'),
      diningOption: sql.placeholder('diningOption'), status: 'open', paymentStatus: 'unpaid', totals: sql.placeholder('totals'),
      total: sql.placeholder('total'), paid: 0, refunded: 0, version: 0, fireSeq: 0, customerName: sql.placeholder('customerName'),
      tableLabel: sql.placeholder('tableLabel'), note: sql.placeholder('note'), createdBy: sql.placeholder('createdBy'),
      deviceId: sql.placeholder('deviceId'), createdAt: sql.placeholder('createdAt'), updatedAt: sql.placeholder('createdAt'),
    }).prepare(),
    insertOrderLine: orm.insert(orderLines).values({
      id, orderId: sql.placeholder('orderId'), position: sql.placeholder('position'), itemId: sql.placeholder('itemId'),
      stationId: sql.placeholder('stationId'), priced: sql.placeholder('priced'), voided: false, firedIn: null, createdAt: sql.placeholder('createdAt'),
    }).prepare(),
    insertCheckLine: orm.insert(checkLines).values({
      lineId: id, orderId: sql.placeholder('orderId'), seat: sql.placeholder('seat'), course: sql.placeholder('course'), discount: null, comp: null,
      pricing: sql.placeholder('pricing'), updatedAt: sql.placeholder('updatedAt'),
    }).prepare(),
  };
}

/** Writes of the append-only queue tables and of an order's totals, in plain SQL (positional parameters). */
function buildWrites(db: Database.Database) {
  // Held for the connection's life: kept out of the shared statement cache, whose users may switch modes.
  const sqlite = { prepare: (source: string) => prepareUncached(db, source) };
  return {
    insertCommand: sqlite.prepare('INSERT INTO commands (command_id, name, args_hash, result, created_at) VALUES (?, ?, ?, ?, ?)'),
    insertAudit: sqlite.prepare(
      'INSERT INTO audit_log (id, at, action, staff_id, approved_by, device_id, order_id, command_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    insertOutbox: sqlite.prepare('INSERT INTO outbox (mutation_id, name, args, created_at) VALUES (?, ?, ?, ?)'),
    insertEvent: sqlite.prepare('INSERT INTO hub_events (type, topic, payload, created_at) VALUES (?, ?, ?, ?)'),
    insertPrintJob: sqlite.prepare(
      `INSERT INTO print_jobs (id, idem_key, kind, printer_role, station_id, order_id, device_id, payload, status, attempts, reprint, next_attempt_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?, ?)`,
    ),
    /** totals JSON, total, payment status, updated at, order id. */
    updateOrderTotals: sqlite.prepare('UPDATE orders SET totals = ?, total = ?, payment_status = ?, version = version + 1, updated_at = ? WHERE id = ?'),
    /**
     * order id → which order effects (inventory-order-effects.ts) can have anything to do: 1/0 per
     * step. Each flag holds whenever its step would read or write anything for the order.
     */
    orderEffectsReach: sqlite.prepare(`SELECT
      (EXISTS (SELECT 1 FROM stock_moves WHERE order_id = @id AND reason IN ('sale', 'void'))
        OR (EXISTS (SELECT 1 FROM order_lines WHERE order_id = @id AND voided = 0 AND fired_in IS NOT NULL)
          AND EXISTS (SELECT 1 FROM recipe_components))) AS stock,
      EXISTS (SELECT 1 FROM gift_card_lines WHERE order_id = @id) AS gift,
      EXISTS (SELECT 1 FROM loyalty_orders WHERE order_id = @id) AS loyalty,
      EXISTS (SELECT 1 FROM payments WHERE order_id = @id AND tender IN ('gift_card', 'loyalty') AND refunded > 0) AS ledgerRefunds`),
    /** fire seq, line id. */
    setLineFired: sqlite.prepare('UPDATE order_lines SET fired_in = ? WHERE id = ?'),
    /** status, fire seq, order id. */
    setOrderFired: sqlite.prepare('UPDATE orders SET status = ?, fire_seq = ? WHERE id = ?'),
    /** paid, order id. */
    setOrderPaid: sqlite.prepare('UPDATE orders SET paid = ? WHERE id = ?'),
    /** business day → the day's next order number. */
    nextOrderNumber: sqlite.prepare(
      'INSERT INTO order_counters (business_day, last_number) VALUES (?, 1) ON CONFLICT (business_day) DO UPDATE SET last_number = last_number + 1 RETURNING last_number AS n',
    ),
  };
}

export type OrderReads = ReturnType<typeof buildReads>;
export type QueueWrites = ReturnType<typeof buildWrites>;

const reads = new WeakMap<Orm, OrderReads>();
const writes = new WeakMap<Database.Database, QueueWrites>();

/** This connection's prepared reads, built on first use (after the migrations ran). */
export function orderReads(orm: Orm): OrderReads {
  let built = reads.get(orm);
  if (!built) {
    built = buildReads(orm);
    reads.set(orm, built);
  }
  return built;
}

export function queueWrites(sqlite: Database.Database): QueueWrites {
  let built = writes.get(sqlite);
  if (!built) {
    built = buildWrites(sqlite);
    writes.set(sqlite, built);
  }
  return built;
}
