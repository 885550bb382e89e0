/**
 * Compaction of the shape log (docs/sync.md, "Rotation and compaction"). Without it the log
 * would only shrink when a follower happened to make a catch-up request, so a store that
 * stays online (always live) or one that never follows a shape would let it grow forever.
 * Each run:
 *  1. rotates every shape whose kept log has passed `factor` × its rows (its followers take a
 *     snapshot, which costs at most a tenth of what replaying that log would);
 *  2. deletes every entry no handle can still serve: entries at or below their shape's start
 *     offset (left behind by rotations) and entries of shapes nobody follows yet (a first
 *     follower starts at the head and takes a snapshot).
 * An entry after its shape's start offset is never deleted without a rotation, so a follower
 * that is told nothing about a rotation loses nothing.
 */
import { sql } from 'drizzle-orm';
import { SHAPE_TABLES, type ShapeTableName } from '@brigade/sync/schema/pg';
import type { CloudContext } from '../context';
import type { CloudDb } from '../db/database';
import { queryRows } from '../db/database';
import { rotateShape, shapeRowCount } from './shape-log';

export interface CompactionResult {
  /** Shapes rotated because their log outgrew them. */
  readonly rotated: number;
  /** Log entries deleted (including those of rotated shapes). */
  readonly deleted: number;
}

export async function compactShapeLog(db: CloudDb, factor: number): Promise<CompactionResult> {
  const before = await logSize(db);
  // Only shapes past the smallest possible bound (factor × 10 rows) can need a rotation.
  const candidates = await queryRows<{ table_name: string; store_id: string; kept: number }>(
    db,
    sql`SELECT l.table_name, l.store_id, count(*)::int AS kept
        FROM shape_log l JOIN shape_handles h ON h.table_name = l.table_name AND h.store_id = l.store_id
        WHERE l."offset" > h.start_offset
        GROUP BY l.table_name, l.store_id
        HAVING count(*) > ${factor * 10}`,
  );
  let rotated = 0;
  for (const shape of candidates) {
    if (!Object.hasOwn(SHAPE_TABLES, shape.table_name)) continue;
    const table = shape.table_name as ShapeTableName;
    const rows = await shapeRowCount(db, table, shape.store_id);
    if (shape.kept <= factor * Math.max(rows, 10)) continue;
    await rotateShape(db, table, shape.store_id);
    rotated += 1;
  }
  // One statement, so it sees one snapshot: a handle created after it started begins at a head
  // at least as new as every entry this statement can see, so none of them is one it needs.
  await db.execute(sql`DELETE FROM shape_log l
    WHERE NOT EXISTS (SELECT 1 FROM shape_handles h WHERE h.table_name = l.table_name AND h.store_id = l.store_id AND h.start_offset < l."offset")`);
  return { rotated, deleted: before - (await logSize(db)) };
}

async function logSize(db: CloudDb): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM shape_log`);
  return rows[0]?.n ?? 0;
}

export interface ShapeCompactor {
  /** Runs a compaction now (after any that is under way). */
  run(): Promise<CompactionResult>;
  /** Stops the timer and waits for a run under way (so the database can be closed after). */
  stop(): Promise<void>;
}

/** Compacts the shape log every `intervalMs`; runs never overlap. */
export function startShapeCompaction(ctx: CloudContext, intervalMs: number): ShapeCompactor {
  let running: Promise<CompactionResult> = Promise.resolve({ rotated: 0, deleted: 0 });
  let stopped = false;
  const run = (): Promise<CompactionResult> => {
    if (stopped) return Promise.resolve({ rotated: 0, deleted: 0 });
    running = running.catch(() => ({ rotated: 0, deleted: 0 })).then(() => compactShapeLog(ctx.database.db, ctx.settings.rotationFactor));
    return running;
  };
  const timer = setInterval(() => {
    run().catch(() => undefined);
  }, intervalMs);
  timer.unref();
  return {
    run,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running.catch(() => undefined);
    },
  };
}
