/**
 * The cloud side of the push protocol (sync.md §8.1). Mutations are applied in seq order in
 * transactions of up to APPLY_CHUNK mutations; each transaction locks the `(node, epoch)`
 * client row first, so two pushes of one node (a retry racing a slow first attempt)
 * serialise and neither applies anything twice. In each transaction, per mutation:
 * seq ≤ last_seq → the stored result (`duplicate`); seq > last_seq + 1 → stop (`expectedSeq`);
 * otherwise apply and record the result; last_seq moves in the same transaction, so a
 * mutation's effects, its ledger row and the new last_seq commit together or not at all.
 * Business rejections are recorded and advance the queue; any other error rolls back the
 * chunk and fails the push (the edge retries; what committed before stays, acked by seq).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import { crashPoint } from '@brigade/sync/engine';
import { BrigadeError } from '@brigade/sync/model';
import { CloudError, type Mutation, type OutboxMutation, type PushRequest, type PushResponse, type PushResult } from '@brigade/sync/protocol';
import { appliedMutations, pushRejections, syncClients } from '@brigade/sync/schema/pg';
import type { CloudDb, CloudTx } from '../db/database';
import { queryRows } from '../db/database';
import { type ApplyScope, ChunkWriter, applyMutation } from './mutation-appliers';

/** Mutations per transaction: amortises the lock and the ledger writes; small enough to keep locks short. */
export const APPLY_CHUNK = 100;

interface ChunkOutcome {
  readonly results: PushResult[];
  readonly lastSeq: number;
  readonly gap: boolean;
  readonly changed: boolean;
}

export async function applyPush(db: CloudDb, scope: ApplyScope, request: PushRequest): Promise<{ response: PushResponse; changed: boolean }> {
  for (let i = 1; i < request.mutations.length; i++) {
    if ((request.mutations[i]?.seq ?? 0) <= (request.mutations[i - 1]?.seq ?? 0)) throw new CloudError('PUSH_OUT_OF_ORDER');
  }
  const results: PushResult[] = [];
  let lastSeq = await ensureClient(db, scope, request);
  let changed = false;
  for (let i = 0; i < request.mutations.length; i += APPLY_CHUNK) {
    const chunk = request.mutations.slice(i, i + APPLY_CHUNK);
    const outcome = await db.transaction((tx) => applyChunk(tx, scope, request, chunk));
    results.push(...outcome.results);
    lastSeq = outcome.lastSeq;
    changed ||= outcome.changed;
    if (outcome.gap) return { response: { results, lastSeq, expectedSeq: lastSeq + 1 }, changed };
  }
  return { response: { results, lastSeq }, changed };
}

async function ensureClient(db: CloudDb, scope: ApplyScope, request: PushRequest): Promise<number> {
  await db.insert(syncClients).values({ nodeId: request.nodeId, epoch: request.epoch, ...scope }).onConflictDoNothing();
  const row = (await db.select().from(syncClients).where(and(eq(syncClients.nodeId, request.nodeId), eq(syncClients.epoch, request.epoch))).limit(1))[0];
  // A node id is bound to the store that first used it: another store's credential cannot move its queue.
  if (!row || row.storeId !== scope.storeId) throw new CloudError('STORE_MISMATCH');
  return row.lastSeq;
}

async function applyChunk(tx: CloudTx, scope: ApplyScope, request: PushRequest, chunk: readonly OutboxMutation[]): Promise<ChunkOutcome> {
  const locked = await queryRows<{ last_seq: string }>(
    tx,
    sql`SELECT last_seq::text AS last_seq FROM sync_clients WHERE node_id = ${request.nodeId} AND epoch = ${request.epoch} FOR UPDATE`,
  );
  const startSeq = Number(locked[0]?.last_seq ?? 0);
  let lastSeq = startSeq;
  const previous = new Map(
    (
      await tx
        .select({ mutationId: appliedMutations.mutationId, status: appliedMutations.status, code: appliedMutations.code, message: appliedMutations.message })
        .from(appliedMutations)
        .where(inArray(appliedMutations.mutationId, chunk.map((m) => m.mutationId)))
    ).map((p) => [p.mutationId, p]),
  );
  const results: PushResult[] = [];
  const ledger: PgInsertValue<typeof appliedMutations>[] = [];
  const rejections: (typeof pushRejections.$inferInsert)[] = [];
  let changed = false;
  let gap = false;
  const writer = new ChunkWriter(tx, scope);
  for (const mutation of chunk) {
    const base = { seq: mutation.seq, mutationId: mutation.mutationId };
    const earlier = previous.get(mutation.mutationId);
    const stored = earlier?.status === 'rejected' ? { ...(earlier.code ? { code: earlier.code } : {}), ...(earlier.message ? { message: earlier.message } : {}) } : {};
    if (mutation.seq <= lastSeq) {
      results.push({ ...base, status: 'duplicate', ...stored });
      continue;
    }
    if (mutation.seq > lastSeq + 1) {
      gap = true;
      break;
    }
    lastSeq = mutation.seq;
    if (earlier) {
      // Same mutation under a new epoch (a restored edge re-sending): never apply twice.
      results.push({ ...base, status: 'duplicate', ...stored });
      continue;
    }
    let rejection: { code: string; message: string } | null = null;
    try {
      // Appliers decide before they write, so a rejection leaves nothing behind to undo.
      await applyMutation(tx, scope, { name: mutation.name, args: mutation.args } as Mutation, writer);
      changed = true;
    } catch (error) {
      if (!(error instanceof BrigadeError) && !(error instanceof CloudError)) throw error;
      rejection = { code: error.code, message: error.message };
    }
    ledger.push({
      mutationId: mutation.mutationId,
      nodeId: request.nodeId,
      epoch: request.epoch,
      seq: mutation.seq,
      storeId: scope.storeId,
      name: mutation.name,
      status: rejection ? 'rejected' : 'applied',
      code: rejection?.code ?? null,
      message: rejection?.message ?? null,
      // The 32-bit xid Electric clients match in `txids` (sync.md §2).
      txid: sql`(pg_current_xact_id()::text::bigint % 4294967296)`,
    });
    if (rejection) {
      rejections.push({ ...scope, nodeId: request.nodeId, epoch: request.epoch, seq: mutation.seq, mutationId: mutation.mutationId, name: mutation.name, ...rejection, args: mutation.args });
      results.push({ ...base, status: 'rejected', ...rejection });
    } else {
      results.push({ ...base, status: 'applied' });
    }
  }
  await writer.flush();
  if (ledger.length > 0) await tx.insert(appliedMutations).values(ledger);
  if (rejections.length > 0) await tx.insert(pushRejections).values(rejections);
  if (lastSeq !== startSeq) {
    await tx
      .update(syncClients)
      .set({ lastSeq, updatedAt: sql`now()` })
      .where(and(eq(syncClients.nodeId, request.nodeId), eq(syncClients.epoch, request.epoch)));
  }
  // Crash tests: every row of the chunk written, not committed; the database must reopen without them.
  if (changed) crashPoint('cloud.mid-push-transaction');
  return { results, lastSeq, gap, changed };
}
