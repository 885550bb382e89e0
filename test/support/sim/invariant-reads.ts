/**
 * The two sides the invariant checker compares, read straight from storage: the edge's
 * SQLite file (raw SQL, so a crash test can check a database its killed process left behind)
 * and the cloud's rows for that store (PGlite or PostgreSQL, through drizzle).
 */
import type Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import type { CloudDb } from '../../../cloud/src/db/database';
import { queryRows } from '../../../cloud/src/db/database';

export interface EdgeFacts {
  readonly nodeId: string;
  readonly epoch: number;
  /** The highest outbox seq ever given out in this epoch (sqlite_sequence survives the deletes of acked rows). */
  readonly lastSeq: number;
  readonly outboxWaiting: number;
  readonly orders: readonly { id: string; status: string; payment_status: string; version: number; total: number; paid: number; refunded: number; channel: string }[];
  readonly payments: readonly { id: string; order_id: string; tender: string; amount: number; refunded: number; reference: string | null }[];
  readonly stock: readonly { id: string; ingredient_id: string; delta: number }[];
  readonly availability: readonly { item_id: string; unavailable: number }[];
  readonly audit: readonly { id: string; action: string; order_id: string | null }[];
  /** Status of each order as the hub announced it, in order. */
  readonly statusEvents: readonly { orderId: string; status: string }[];
  readonly intake: readonly string[];
}

export function readEdge(db: Database.Database): EdgeFacts {
  const store = db.prepare('SELECT node_id AS nodeId, epoch FROM store').get() as { nodeId: string; epoch: number };
  const seq = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").get() as { seq: number } | undefined;
  const all = <T>(query: string) => db.prepare(query).all() as T[];
  const events = all<{ payload: string }>("SELECT payload FROM hub_events WHERE type = 'order.updated' ORDER BY seq");
  return {
    nodeId: store.nodeId,
    epoch: store.epoch,
    lastSeq: seq?.seq ?? 0,
    outboxWaiting: (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n,
    orders: all('SELECT id, status, payment_status, version, total, paid, refunded, channel FROM orders'),
    payments: all('SELECT id, order_id, tender, amount, refunded, reference FROM payments'),
    stock: all('SELECT id, ingredient_id, delta FROM stock_moves'),
    availability: all('SELECT item_id, unavailable FROM item_availability'),
    audit: all('SELECT id, action, order_id FROM audit_log'),
    statusEvents: events.flatMap((e) => {
      const order = (JSON.parse(e.payload) as { order?: { id?: string; status?: string } }).order;
      return order?.id && order.status ? [{ orderId: order.id, status: order.status }] : [];
    }),
    intake: all<{ order_id: string }>('SELECT order_id FROM online_intake').map((r) => r.order_id),
  };
}

export interface CloudFacts {
  readonly clients: readonly { epoch: number; last_seq: number }[];
  readonly ledger: readonly { mutation_id: string; epoch: number; seq: number; status: string; code: string | null; name: string }[];
  readonly orders: readonly { id: string; owner: string; version: number; status: string; payment_status: string; total: number; paid: number; refunded: number; payment_ids: string[] | null }[];
  readonly stock: readonly { id: string; item_id: string; delta: number }[];
  readonly availability: readonly { item_id: string; unavailable: boolean }[];
  readonly audit: readonly { id: string; action: string; order_id: string | null }[];
  readonly online: readonly { id: string; status: string; payment_status: string; payment_intent_id: string | null; total: number }[];
}

export async function readCloud(db: CloudDb, storeId: string, nodeId: string): Promise<CloudFacts> {
  const num = <T extends Record<string, unknown>>(rows: T[], keys: (keyof T)[]) => rows.map((r) => ({ ...r, ...Object.fromEntries(keys.map((k) => [k, Number(r[k])])) }));
  return {
    clients: num(await queryRows<{ epoch: number; last_seq: number }>(db, sql`SELECT epoch, last_seq FROM sync_clients WHERE node_id = ${nodeId} ORDER BY epoch`), ['epoch', 'last_seq']),
    ledger: num(
      await queryRows<{ mutation_id: string; epoch: number; seq: number; status: string; code: string | null; name: string }>(
        db,
        sql`SELECT mutation_id, epoch, seq, status, code, name FROM applied_mutations WHERE node_id = ${nodeId} ORDER BY epoch, seq`,
      ),
      ['epoch', 'seq'],
    ),
    orders: num(
      await queryRows<CloudFacts['orders'][number]>(
        db,
        sql`SELECT id, owner, version, status, payment_status, total, paid, refunded,
                   (SELECT array_agg(p->>'id') FROM jsonb_array_elements(document->'payments') p) AS payment_ids
            FROM orders WHERE store_id = ${storeId}`,
      ),
      ['version', 'total', 'paid', 'refunded'],
    ),
    stock: num(await queryRows<{ id: string; item_id: string; delta: number }>(db, sql`SELECT id, item_id, delta FROM stock_movements WHERE store_id = ${storeId}`), ['delta']),
    availability: await queryRows(db, sql`SELECT item_id, unavailable FROM item_availability WHERE store_id = ${storeId}`),
    audit: await queryRows(db, sql`SELECT id, action, order_id FROM audit_log WHERE store_id = ${storeId} AND source = 'edge'`),
    online: num(
      await queryRows<CloudFacts['online'][number]>(db, sql`SELECT id, status, payment_status, payment_intent_id, total FROM online_orders WHERE store_id = ${storeId}`),
      ['total'],
    ),
  };
}
