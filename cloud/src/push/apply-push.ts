/**
 * The cloud side of the push protocol (sync.md §8.1). Each mutation is applied in its own
 * transaction that locks the `(node, epoch)` client row, so two pushes of one node (a retry
 * racing a slow first attempt) serialise and neither applies anything twice:
 * seq ≤ last_seq → the stored result (`duplicate`); seq > last_seq + 1 → stop (`expectedSeq`);
 * otherwise apply, record the result, bump last_seq. Business rejections advance the queue.
 */
import { and, eq, sql } from 'drizzle-orm';
import { BrigadeError } from '@brigade/sync/model';
import { CloudError, type Mutation, type OutboxMutation, type PushRequest, type PushResponse, type PushResult } from '@brigade/sync/protocol';
import { appliedMutations, pushRejections, syncClients } from '@brigade/sync/schema/pg';
import type { CloudDb, CloudTx } from '../db/database';
import { queryRows } from '../db/database';
import { type ApplyScope, applyMutation } from './mutation-appliers';

type Step = { kind: 'result'; result: PushResult; lastSeq: number } | { kind: 'gap'; lastSeq: number };

export async function applyPush(db: CloudDb, scope: ApplyScope, request: PushRequest): Promise<{ response: PushResponse; changed: boolean }> {
  for (let i = 1; i < request.mutations.length; i++) {
    if ((request.mutations[i]?.seq ?? 0) <= (request.mutations[i - 1]?.seq ?? 0)) throw new CloudError('PUSH_OUT_OF_ORDER');
  }
  const results: PushResult[] = [];
  let lastSeq = await ensureClient(db, scope, request);
  let changed = false;
  for (const mutation of request.mutations) {
    const step = await db.transaction((tx) => applyOne(tx, scope, request, mutation));
    lastSeq = step.lastSeq;
    if (step.kind === 'gap') return { response: { results, lastSeq, expectedSeq: lastSeq + 1 }, changed };
    if (step.result.status === 'applied') changed = true;
    results.push(step.result);
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

async function applyOne(tx: CloudTx, scope: ApplyScope, request: PushRequest, mutation: OutboxMutation): Promise<Step> {
  // One round trip locks the client row and finds an earlier result of this mutation id.
  const locked = await queryRows<{ last_seq: string; status: 'applied' | 'rejected' | null; code: string | null; message: string | null }>(
    tx,
    sql`SELECT c.last_seq::text AS last_seq, a.status, a.code, a.message
        FROM sync_clients c LEFT JOIN applied_mutations a ON a.mutation_id = ${mutation.mutationId}
        WHERE c.node_id = ${request.nodeId} AND c.epoch = ${request.epoch}
        FOR UPDATE OF c`,
  );
  const lastSeq = Number(locked[0]?.last_seq ?? 0);
  const previous = locked[0]?.status ? locked[0] : null;
  const base = { seq: mutation.seq, mutationId: mutation.mutationId };
  if (mutation.seq <= lastSeq) {
    const stored = previous?.status === 'rejected' ? { ...(previous.code ? { code: previous.code } : {}), ...(previous.message ? { message: previous.message } : {}) } : {};
    return { kind: 'result', result: { ...base, status: 'duplicate', ...stored }, lastSeq };
  }
  if (mutation.seq > lastSeq + 1) return { kind: 'gap', lastSeq };

  // Same mutation under a new epoch (a restored edge re-sending): never apply twice.
  const result: PushResult = previous ? { ...base, status: 'duplicate', ...(previous.code ? { code: previous.code } : {}) } : await applyAndRecord(tx, scope, request, mutation);
  await tx
    .update(syncClients)
    .set({ lastSeq: mutation.seq, updatedAt: sql`now()` })
    .where(and(eq(syncClients.nodeId, request.nodeId), eq(syncClients.epoch, request.epoch)));
  return { kind: 'result', result, lastSeq: mutation.seq };
}

/**
 * Appliers throw their business rejections before they write anything (they check, then
 * write), so a rejection needs no savepoint; any other error aborts the whole transaction.
 */
async function applyAndRecord(tx: CloudTx, scope: ApplyScope, request: PushRequest, mutation: OutboxMutation): Promise<PushResult> {
  const base = { seq: mutation.seq, mutationId: mutation.mutationId };
  let rejection: { code: string; message: string } | null = null;
  try {
    await applyMutation(tx, scope, { name: mutation.name, args: mutation.args } as Mutation);
  } catch (error) {
    if (!(error instanceof BrigadeError) && !(error instanceof CloudError)) throw error;
    rejection = { code: error.code, message: error.message };
  }
  await tx.insert(appliedMutations).values({
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
  if (!rejection) return { ...base, status: 'applied' };
  await tx.insert(pushRejections).values({
    ...scope,
    nodeId: request.nodeId,
    epoch: request.epoch,
    seq: mutation.seq,
    mutationId: mutation.mutationId,
    name: mutation.name,
    code: rejection.code,
    message: rejection.message,
    args: mutation.args,
  });
  return { ...base, status: 'rejected', ...rejection };
}
