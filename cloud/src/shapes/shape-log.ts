/**
 * Reading shapes: the handle of each (table, store) shape, its snapshot, the log after an
 * offset, and rotation. Offsets are `shape_log.offset` values written as `${offset}_0`;
 * handles are `${hash}-${µs}` and never reused (Electric's server invariant S0).
 */
import { createHash } from 'node:crypto';
import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { ShapeTableName } from '@brigade/sync/schema/pg';
import { shapeHandles, shapeLog } from '@brigade/sync/schema/pg';
import type { CloudDb, Executor } from '../db/database';
import { queryRows } from '../db/database';
import { type ShapeTableInfo, rowKey } from './shape-columns';

export type TextRow = Record<string, string | null>;

export interface ChangeMessage {
  key: string;
  value: TextRow;
  headers: { operation: 'insert' | 'update' | 'delete'; txids?: number[]; relation?: string[] };
}

export interface ShapeState {
  readonly handle: string;
  readonly startOffset: number;
}

export const LOG_PAGE = 1_000;

export async function headOffset(executor: Executor): Promise<number> {
  const rows = await queryRows<{ head: string | null }>(executor, sql`SELECT max("offset")::text AS head FROM shape_log`);
  return Number(rows[0]?.head ?? 0);
}

export function newHandle(table: string, storeId: string): string {
  const hash = createHash('sha256').update(`${table}|${storeId}`).digest('hex').slice(0, 12);
  const micros = BigInt(Date.now()) * 1000n + BigInt(Math.floor((performance.now() % 1) * 1000));
  return `${hash}-${micros}`;
}

export async function currentShape(db: CloudDb, table: ShapeTableName, storeId: string): Promise<ShapeState> {
  const found = await db.select().from(shapeHandles).where(and(eq(shapeHandles.tableName, table), eq(shapeHandles.storeId, storeId))).limit(1);
  if (found[0]) return { handle: found[0].handle, startOffset: found[0].startOffset };
  const startOffset = await headOffset(db);
  await db.insert(shapeHandles).values({ tableName: table, storeId, handle: newHandle(table, storeId), startOffset }).onConflictDoNothing();
  const row = (await db.select().from(shapeHandles).where(and(eq(shapeHandles.tableName, table), eq(shapeHandles.storeId, storeId))).limit(1))[0];
  if (!row) throw new Error('shape handle vanished');
  return { handle: row.handle, startOffset: row.startOffset };
}

/** Every row of the store's table as an insert, and the log offset the snapshot is consistent with. */
export async function readSnapshot(db: CloudDb, info: ShapeTableInfo, storeId: string): Promise<{ messages: ChangeMessage[]; offset: number }> {
  return db.transaction(async (tx) => {
    const head = await headOffset(tx);
    // A rotation deletes its shape's entries up to its start offset, and they may be the newest
    // in the log: the head is then below the start, and a follower handed that offset would be
    // sent 409 under the same handle on every request. The start offset was a committed head
    // when the rotation ran, so every entry up to it is already reflected in the rows read here.
    const start = await tx.select({ startOffset: shapeHandles.startOffset }).from(shapeHandles).where(and(eq(shapeHandles.tableName, info.table), eq(shapeHandles.storeId, storeId))).limit(1);
    const offset = Math.max(head, start[0]?.startOffset ?? 0);
    const select = sql.raw(info.columns.map((c) => `t."${c.name}"::text AS "${c.name}"`).join(', '));
    const rows = await queryRows<TextRow>(tx, sql`SELECT ${select} FROM ${sql.raw(`"${info.table}"`)} t WHERE t.store_id = ${storeId} ORDER BY ${sql.raw(info.primaryKey.map((c) => `t."${c}"`).join(', '))}`);
    return { messages: rows.map((value) => ({ key: rowKey(info, value), value, headers: { operation: 'insert' as const, relation: ['public', info.table] } })), offset };
  });
}

/** Log entries of one shape after `after`, up to `upTo`, at most one page. */
export async function readLog(db: CloudDb, info: ShapeTableInfo, storeId: string, after: number, upTo: number): Promise<{ messages: ChangeMessage[]; lastOffset: number; complete: boolean }> {
  const rows = await db
    .select()
    .from(shapeLog)
    .where(and(eq(shapeLog.tableName, info.table), eq(shapeLog.storeId, storeId), gt(shapeLog.offset, after), lte(shapeLog.offset, upTo)))
    .orderBy(shapeLog.offset)
    .limit(LOG_PAGE);
  const messages = rows.map((r) => {
    const full = r.row as TextRow;
    const value = r.op === 'delete' ? Object.fromEntries(info.primaryKey.map((c) => [c, full[c] ?? null])) : full;
    return { key: rowKey(info, full), value, headers: { operation: r.op, txids: [r.txid], relation: ['public', info.table] } };
  });
  const complete = rows.length < LOG_PAGE;
  // The head can fall below `after` when the newest entries were deleted (rotation): never move a follower back.
  return { messages, lastOffset: complete ? Math.max(upTo, after) : (rows[rows.length - 1]?.offset ?? upTo), complete };
}

/** A returning follower is never sent more than this many log entries of one shape in place of a snapshot. */
export const REPLAY_CAP = 5_000;

/**
 * How many log entries a follower may replay before it is sent a fresh snapshot instead:
 * `factor` × the shape's rows (at least 10 rows' worth), but never more than the larger of
 * the rows and `cap`, so a large table is not replayed tenfold and a snapshot is never
 * swapped in for a replay shorter than it.
 */
export function replayLimit(rows: number, factor: number, cap: number = REPLAY_CAP): number {
  return Math.min(factor * Math.max(rows, 10), Math.max(rows, cap));
}

export interface FollowerPosition {
  /** The offset the follower asked to read after. */
  readonly after: number;
  readonly cap?: number;
}

/**
 * The rotation policy (docs/sync.md, "Rotation and compaction"). A shape is rotated — a new
 * handle starting at the head, its old entries dropped — when the log it keeps has grown past
 * `factor` × its rows (what compaction bounds), or when the follower asking is further
 * behind than `replayLimit` (a store back from a long time offline). Either way followers get
 * a 409 and take a snapshot, whose size is the table's, not the log's.
 */
export async function rotateIfLong(db: CloudDb, info: ShapeTableInfo, storeId: string, state: ShapeState, factor: number, follower?: FollowerPosition): Promise<ShapeState> {
  const rows = await shapeRowCount(db, info.table, storeId);
  const keep = factor * Math.max(rows, 10);
  const limit = follower ? Math.min(keep, replayLimit(rows, factor, follower.cap)) : keep;
  // Counted with a LIMIT: the question is only whether the bound is passed, and a long log must not make every request slow.
  const counts = await queryRows<{ kept: number; behind: number }>(
    db,
    sql`SELECT (SELECT count(*)::int FROM (SELECT 1 FROM shape_log WHERE table_name = ${info.table} AND store_id = ${storeId} AND "offset" > ${state.startOffset} LIMIT ${keep + 1}) k) AS kept,
               (SELECT count(*)::int FROM (SELECT 1 FROM shape_log WHERE table_name = ${info.table} AND store_id = ${storeId} AND "offset" > ${follower?.after ?? state.startOffset} LIMIT ${limit + 1}) b) AS behind`,
  );
  const { kept = 0, behind = 0 } = counts[0] ?? {};
  if (kept <= keep && behind <= limit) return state;
  return rotateShape(db, info.table, storeId);
}

export async function shapeRowCount(executor: Executor, table: ShapeTableName, storeId: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(executor, sql`SELECT count(*)::int AS n FROM ${sql.raw(`"${table}"`)} WHERE store_id = ${storeId}`);
  return rows[0]?.n ?? 0;
}

export async function rotateShape(db: CloudDb, table: ShapeTableName, storeId: string): Promise<ShapeState> {
  return db.transaction(async (tx) => {
    const startOffset = await headOffset(tx);
    const handle = newHandle(table, storeId);
    await tx
      .insert(shapeHandles)
      .values({ tableName: table, storeId, handle, startOffset })
      .onConflictDoUpdate({ target: [shapeHandles.tableName, shapeHandles.storeId], set: { handle, startOffset, rotations: sql`${shapeHandles.rotations} + 1`, createdAt: sql`now()` } });
    await tx.delete(shapeLog).where(and(eq(shapeLog.tableName, table), eq(shapeLog.storeId, storeId), lte(shapeLog.offset, startOffset)));
    return { handle, startOffset };
  });
}
