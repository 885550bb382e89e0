/**
 * What must hold once sync has settled after a crash (sync.md §8.4 in the design notes):
 * the outbox drained; the cloud's ledger holds seq 1..last of the node with no gap and no
 * double; every order at the edge's version with the same payments, once; every audit entry
 * of an acknowledged command once; the stock movements and their sums equal; the 86s equal;
 * and every shape the edge follows equal to what the cloud serves. Each check returns a list
 * of differences, empty when it holds, so a failure says what diverged.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { SHAPE_NAMES, type ShapeName } from '@brigade/sync/protocol';
import { followShape } from '@brigade/sync/engine';
import { type CloudDb, openDatabase, queryRows } from '../../../cloud/src/db/database';
import { jsonSafeRow } from '../../../edge/src/sync/online-orders';

export interface EdgeFacts {
  readonly nodeId: string;
  readonly epoch: number;
  /** The highest outbox seq the node ever wrote. */
  readonly lastSeq: number;
  readonly outboxWaiting: number;
  /** The oldest seq still waiting in the outbox, or null when it is empty. */
  readonly outboxFirstSeq: number | null;
  readonly storeId: string | null;
  readonly credential: string | null;
  readonly orders: ReadonlyMap<string, { version: number; payments: string[] }>;
  readonly stock: ReadonlyMap<string, { ingredientId: string; delta: number }>;
  readonly availability: ReadonlyMap<string, boolean>;
  readonly auditByCommand: ReadonlyMap<string, string[]>;
  readonly shapes: Readonly<Record<string, ReadonlyMap<string, unknown>>>;
  /** Where each shape resumes from: `handle/offset`. */
  readonly positions: Readonly<Record<string, string>>;
  readonly printJobs: readonly { id: string; kind: string; status: string; orderId: string | null; stationId: string | null }[];
}

/** Reads the edge's SQLite file (read-only; the node may be running). */
export function readEdge(dataDir: string): EdgeFacts {
  const db = new Database(join(dataDir, 'brigade-edge.sqlite'), { readonly: true });
  try {
    const store = db.prepare('SELECT node_id AS nodeId, epoch FROM store').get() as { nodeId: string; epoch: number };
    const lastSeq = (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").get() as { seq: number } | undefined)?.seq ?? 0;
    const outbox = db.prepare('SELECT count(*) AS n, min(seq) AS first FROM outbox').get() as { n: number; first: number | null };
    const link = db.prepare("SELECT store_id AS storeId, credential FROM cloud_link WHERE id = 'current'").get() as { storeId: string; credential: string } | undefined;
    const orders = new Map<string, { version: number; payments: string[] }>();
    for (const row of db.prepare('SELECT id, version FROM orders').all() as { id: string; version: number }[]) orders.set(row.id, { version: row.version, payments: [] });
    for (const row of db.prepare('SELECT id, order_id AS orderId FROM payments ORDER BY id').all() as { id: string; orderId: string }[]) orders.get(row.orderId)?.payments.push(row.id);
    const stock = new Map((db.prepare('SELECT id, ingredient_id AS ingredientId, delta FROM stock_moves').all() as { id: string; ingredientId: string; delta: number }[]).map((r) => [r.id, { ingredientId: r.ingredientId, delta: r.delta }]));
    const availability = new Map((db.prepare('SELECT item_id AS itemId, unavailable FROM item_availability').all() as { itemId: string; unavailable: number }[]).map((r) => [r.itemId, r.unavailable === 1]));
    const auditByCommand = new Map<string, string[]>();
    for (const row of db.prepare('SELECT id, command_id AS commandId FROM audit_log WHERE command_id IS NOT NULL').all() as { id: string; commandId: string }[]) {
      auditByCommand.set(row.commandId, [...(auditByCommand.get(row.commandId) ?? []), row.id]);
    }
    const shapes: Record<string, Map<string, unknown>> = {};
    for (const row of db.prepare('SELECT shape, key, value FROM shape_rows').all() as { shape: string; key: string; value: string }[]) {
      (shapes[row.shape] ??= new Map()).set(row.key, JSON.parse(row.value) as unknown);
    }
    const positions = Object.fromEntries((db.prepare('SELECT shape, handle, offset FROM shape_positions').all() as { shape: string; handle: string; offset: string }[]).map((r) => [r.shape, `${r.handle}/${r.offset}`]));
    const printJobs = db.prepare('SELECT id, kind, status, order_id AS orderId, station_id AS stationId FROM print_jobs ORDER BY id').all() as EdgeFacts['printJobs'];
    return { ...store, lastSeq, outboxWaiting: outbox.n, outboxFirstSeq: outbox.first, storeId: link?.storeId ?? null, credential: link?.credential ?? null, orders, stock, availability, auditByCommand, shapes, positions, printJobs };
  } finally {
    db.close();
  }
}

/**
 * Opens the cloud's database in this process. PGlite allows one process at a time, so the
 * cloud process must have been stopped first; PostgreSQL can be read while it runs.
 */
export async function withCloudDb<T>(where: { databaseUrl?: string; dataDir?: string }, read: (db: CloudDb) => Promise<T>): Promise<T> {
  const database = await openDatabase(where.databaseUrl ? { databaseUrl: where.databaseUrl } : { dataDir: join(where.dataDir ?? '', 'cloud', 'pg') });
  try {
    return await read(database.db);
  } finally {
    await database.close();
  }
}

/** How far the cloud has applied a node's queue (`sync_clients.last_seq`; 0 before its first push). */
export async function cloudLastSeq(db: CloudDb, edge: Pick<EdgeFacts, 'nodeId' | 'epoch'>): Promise<number> {
  const rows = await queryRows<{ last_seq: string }>(db, sql`SELECT last_seq::text AS last_seq FROM sync_clients WHERE node_id = ${edge.nodeId} AND epoch = ${edge.epoch}`);
  return Number(rows[0]?.last_seq ?? 0);
}

/** Every difference between the edge and the cloud's records of what the edge pushed. */
export async function pushDifferences(db: CloudDb, edge: EdgeFacts, acknowledgedCommands: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  if (edge.outboxWaiting !== 0) problems.push(`the outbox still holds ${edge.outboxWaiting} mutations`);
  const storeId = edge.storeId ?? '';

  const ledger = await queryRows<{ seq: string; status: string; code: string | null }>(db, sql`
    SELECT seq::text AS seq, status, code FROM applied_mutations WHERE node_id = ${edge.nodeId} AND epoch = ${edge.epoch}`);
  const seqs = ledger.map((r) => Number(r.seq)).sort((a, b) => a - b);
  const expected = Array.from({ length: edge.lastSeq }, (_, i) => i + 1);
  if (seqs.join(',') !== expected.join(',')) problems.push(`ledger seqs of the node are [${seqs.join(',')}], expected 1..${edge.lastSeq}`);
  for (const row of ledger) if (row.status !== 'applied') problems.push(`seq ${row.seq} was ${row.status} ${row.code ?? ''}`);
  const client = await queryRows<{ last_seq: string }>(db, sql`SELECT last_seq::text AS last_seq FROM sync_clients WHERE node_id = ${edge.nodeId} AND epoch = ${edge.epoch}`);
  if (Number(client[0]?.last_seq ?? -1) !== edge.lastSeq) problems.push(`sync_clients.last_seq is ${client[0]?.last_seq ?? 'missing'}, the node wrote up to ${edge.lastSeq}`);

  const cloudOrders = await queryRows<{ id: string; version: number; payments: string[] | null }>(db, sql`
    SELECT id, version, (SELECT array_agg(p->>'id' ORDER BY p->>'id') FROM jsonb_array_elements(document->'payments') p) AS payments
    FROM orders WHERE store_id = ${storeId}`);
  const byId = new Map(cloudOrders.map((o) => [o.id, o]));
  for (const [id, order] of edge.orders) {
    const cloud = byId.get(id);
    if (!cloud) problems.push(`order ${id} is not in the cloud`);
    else {
      if (cloud.version !== order.version) problems.push(`order ${id} is at version ${cloud.version} in the cloud, ${order.version} at the edge`);
      if ((cloud.payments ?? []).join(',') !== order.payments.join(',')) problems.push(`order ${id} has payments [${(cloud.payments ?? []).join(',')}] in the cloud, [${order.payments.join(',')}] at the edge`);
    }
  }
  for (const id of byId.keys()) if (!edge.orders.has(id)) problems.push(`order ${id} is in the cloud but not at the edge`);

  const moves = await queryRows<{ id: string; item_id: string; delta: number }>(db, sql`SELECT id, item_id, delta FROM stock_movements WHERE store_id = ${storeId}`);
  const cloudMoves = new Map(moves.map((m) => [m.id, m]));
  for (const id of edge.stock.keys()) if (!cloudMoves.has(id)) problems.push(`stock movement ${id} is not in the cloud`);
  for (const id of cloudMoves.keys()) if (!edge.stock.has(id)) problems.push(`stock movement ${id} is in the cloud but not at the edge`);
  const sums = (rows: Iterable<{ ingredientId: string; delta: number }>) => {
    const out = new Map<string, number>();
    for (const r of rows) out.set(r.ingredientId, (out.get(r.ingredientId) ?? 0) + r.delta);
    return [...out].sort(([a], [b]) => a.localeCompare(b));
  };
  const edgeSums = JSON.stringify(sums(edge.stock.values()));
  const cloudSums = JSON.stringify(sums(moves.map((m) => ({ ingredientId: m.item_id, delta: m.delta }))));
  if (edgeSums !== cloudSums) problems.push(`stock sums differ: edge ${edgeSums}, cloud ${cloudSums}`);

  const available = await queryRows<{ item_id: string; unavailable: boolean }>(db, sql`SELECT item_id, unavailable FROM item_availability WHERE store_id = ${storeId}`);
  const edge86 = JSON.stringify([...edge.availability].sort(([a], [b]) => a.localeCompare(b)));
  const cloud86 = JSON.stringify(available.map((r) => [r.item_id, r.unavailable]).sort(([a], [b]) => String(a).localeCompare(String(b))));
  if (edge86 !== cloud86) problems.push(`86s differ: edge ${edge86}, cloud ${cloud86}`);

  const audit = new Set((await queryRows<{ id: string }>(db, sql`SELECT id FROM audit_log WHERE store_id = ${storeId}`)).map((r) => r.id));
  for (const commandId of acknowledgedCommands) {
    const entries = edge.auditByCommand.get(commandId) ?? [];
    if (entries.length === 0) problems.push(`acknowledged command ${commandId} left no audit entry at the edge`);
    for (const id of entries) if (!audit.has(id)) problems.push(`audit entry ${id} of command ${commandId} is not in the cloud`);
  }
  return problems;
}

/** The rows the cloud serves for one shape now, as the edge stores them (a fresh snapshot through the real client). */
export function shapeSnapshot(cloudUrl: string, storeId: string, credential: string, table: ShapeName): Promise<Map<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      follower.stop();
      reject(new Error(`no snapshot of ${table} within 30 s`));
    }, 30_000);
    const follower = followShape({
      url: cloudUrl,
      table,
      storeId,
      credential,
      onBatch: (messages) => {
        clearTimeout(timer);
        follower.stop();
        // Stored as the edge stores it: BigInt columns as numbers, through JSON.
        resolve(new Map(messages.map((m) => [m.key, JSON.parse(JSON.stringify(jsonSafeRow(m.value))) as unknown])));
      },
      onError: (error) => {
        clearTimeout(timer);
        follower.stop();
        reject(error);
      },
    });
  });
}

/** Differences between the edge's stored shapes and what the cloud serves for them. */
export async function shapeDifferences(cloudUrl: string, edge: EdgeFacts): Promise<string[]> {
  if (!edge.storeId || !edge.credential) return ['the edge is not enrolled'];
  const problems: string[] = [];
  for (const table of SHAPE_NAMES) {
    const cloud = await shapeSnapshot(cloudUrl, edge.storeId, edge.credential, table);
    const local = edge.shapes[table] ?? new Map<string, unknown>();
    for (const [key, value] of cloud) {
      if (!local.has(key)) problems.push(`${table} ${key} is missing at the edge`);
      else if (JSON.stringify(sortKeys(local.get(key))) !== JSON.stringify(sortKeys(value))) problems.push(`${table} ${key} differs: edge ${JSON.stringify(local.get(key))}, cloud ${JSON.stringify(value)}`);
    }
    for (const key of local.keys()) if (!cloud.has(key)) problems.push(`${table} ${key} is at the edge but no longer in the cloud`);
  }
  return problems;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortKeys(v)]));
  return value;
}

/** Polls until `differences` comes back empty; returns the last list (empty when settled). */
export async function settle(differences: () => Promise<string[]> | string[], timeoutMs = 20_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await differences();
    if (found.length === 0 || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
