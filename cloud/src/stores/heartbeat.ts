/**
 * The heartbeat: every push (even one with no mutations) says the store is alive. A store
 * silent for longer than the timeout has online ordering paused, with reason `offline`, so
 * the PWA says so; its next push resumes it. A pause set by a person is never lifted here.
 */
import { and, eq, isNotNull, lt, sql } from 'drizzle-orm';
import { storeHealth, stores } from '@brigade/sync/schema/pg';
import type { PushStatusReport } from '@brigade/sync/protocol';
import type { CloudContext } from '../context';

export async function recordHeartbeat(ctx: CloudContext, storeId: string, organisationId: string, nodeId: string, status: PushStatusReport | undefined): Promise<void> {
  const at = ctx.now().toISOString();
  // A report without printers (an older edge) leaves the last known printers as they were.
  const report = status
    ? { changesWaiting: status.waiting, oldestWaitingSeconds: status.oldestAgeSeconds, ...(status.printers ? { printers: status.printers.map((p) => ({ id: p.id, name: p.name, role: p.role, status: p.status })) } : {}) }
    : {};
  const resumed = await ctx.database.db.transaction(async (tx) => {
    await tx
      .insert(storeHealth)
      .values({ storeId, organisationId, lastHeardAt: at, nodeId, ...report })
      .onConflictDoUpdate({ target: storeHealth.storeId, set: { lastHeardAt: at, nodeId, ...report } });
    return tx
      .update(stores)
      .set({ onlineOrderingPaused: false, pausedReason: null })
      .where(and(eq(stores.id, storeId), eq(stores.pausedReason, 'offline')))
      .returning({ id: stores.id });
  });
  if (resumed.length > 0) await ctx.changes.kick();
}

/** Pauses every store not heard from within the timeout; returns the ids paused now. */
export async function pauseSilentStores(ctx: CloudContext): Promise<string[]> {
  const cutoff = new Date(ctx.now().getTime() - ctx.settings.heartbeatTimeoutMs).toISOString();
  const silent = ctx.database.db
    .select({ id: storeHealth.storeId })
    .from(storeHealth)
    .where(and(isNotNull(storeHealth.lastHeardAt), lt(storeHealth.lastHeardAt, cutoff)));
  const paused = await ctx.database.db
    .update(stores)
    .set({ onlineOrderingPaused: true, pausedReason: 'offline' })
    .where(and(eq(stores.onlineOrderingPaused, false), sql`${stores.id} IN ${silent}`))
    .returning({ id: stores.id });
  if (paused.length > 0) await ctx.changes.kick();
  return paused.map((p) => p.id);
}

export function startHeartbeatMonitor(ctx: CloudContext, everyMs = 5_000): () => void {
  const timer = setInterval(() => {
    pauseSilentStores(ctx).catch(() => undefined);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
