/**
 * Quiescence before the invariants are checked: the network calms down (partitions healed,
 * held requests released, stale copies delivered, nothing armed), then we wait until every
 * outbox is empty, every paid online order is taken in, and every shape follower holds the
 * cloud's current handle at or past the last change of its shape — twice in a row, so a
 * change that was in flight the first time is caught. What is still unsettled at the deadline
 * is returned, and the checker reports it as a liveness violation.
 */
import { inArray, sql } from 'drizzle-orm';
import { SHAPE_NAMES } from '@brigade/sync/protocol';
import { shapeHandles } from '@brigade/sync/schema/pg';
import { queryRows } from '../../../cloud/src/db/database';
import { versionedHandle } from '../../../cloud/src/shapes/shape-versions';
import type { FaultNetwork } from './fault-network';
import type { SimCloud } from './sim-cloud';
import type { SimEdge } from './sim-edge';

export const SETTLE_TIMEOUT_MS = 30_000;

export async function settle(sim: SimCloud, network: FaultNetwork, edges: readonly SimEdge[], timeoutMs = SETTLE_TIMEOUT_MS): Promise<string[]> {
  await network.calm();
  // Pushers back off for at most tens of milliseconds; one wake saves waiting that out. Waking
  // them on every poll would make every poll a push of every edge.
  for (const edge of edges) edge.sync?.wake();
  const deadline = Date.now() + timeoutMs;
  let calmRounds = 0;
  let pending: string[] = [];
  while (Date.now() < deadline) {
    pending = await unsettled(sim, edges);
    calmRounds = pending.length === 0 ? calmRounds + 1 : 0;
    if (calmRounds >= 2) return [];
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return pending;
}

/** What still moves: empty when everything is settled. */
export async function unsettled(sim: SimCloud, edges: readonly SimEdge[]): Promise<string[]> {
  const db = sim.cloud.ctx.database.db;
  await sim.cloud.ctx.changes.kick();
  const storeIds = edges.map((e) => e.storeId);
  const handles = await db.select().from(shapeHandles).where(inArray(shapeHandles.storeId, storeIds));
  const heads = await queryRows<{ table_name: string; store_id: string; last: string }>(
    db,
    sql`SELECT table_name, store_id, max("offset")::text AS last FROM shape_log WHERE store_id IN (${sql.join(storeIds.map((id) => sql`${id}`), sql`, `)}) GROUP BY table_name, store_id`,
  );
  const pending: string[] = [];
  for (const edge of edges) {
    const waiting = edge.store.outbox.peek(1).length;
    if (waiting > 0) pending.push(`edge ${edge.index}: outbox not empty (${edge.store.queries.syncStatus().waiting} waiting)`);
    const untaken = edge.store.db
      .prepare("SELECT count(*) AS n FROM shape_rows r WHERE r.shape = 'online_orders' AND json_extract(r.value, '$.status') = 'submitted' AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = json_extract(r.value, '$.id'))")
      .get() as { n: number };
    if (untaken.n > 0) pending.push(`edge ${edge.index}: ${untaken.n} paid online orders not taken in`);
    for (const table of SHAPE_NAMES) {
      const current = handles.find((h) => h.tableName === table && h.storeId === edge.storeId);
      const position = edge.store.shapes.position(table);
      if (!current || !position) {
        pending.push(`edge ${edge.index}: ${table} not followed yet`);
        continue;
      }
      const last = Number(heads.find((h) => h.table_name === table && h.store_id === edge.storeId)?.last ?? 0);
      const at = Number(position.offset.split('_')[0]);
      const handle = versionedHandle(current.handle, edge.schemaVersion);
      if (position.handle !== handle) pending.push(`edge ${edge.index}: ${table} on handle ${position.handle}, cloud has ${handle}`);
      else if (!(at >= last)) pending.push(`edge ${edge.index}: ${table} at ${position.offset}, shape changed at ${last}`);
    }
  }
  return pending;
}
