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
  const locked = await tx
    .select({ lastSeq: syncClients.lastSeq })
    .from(syncClients)
    .where(and(eq(syncClients.nodeId, request.nodeId), eq(syncClients.epoch, request.epoch)))
    .for('update');
  const lastSeq = locked[0]?.lastSeq ?? 0;
  const base = { seq: mutation.seq, mutationId: mutation.mutationId };
  if (mutation.seq <= lastSeq) return { kind: 'result', result: { ...base, ...(await storedOutcome(tx, mutation.mutationId)) }, lastSeq };
  if (mutation.seq > lastSeq + 1) return { kind: 'gap', lastSeq };

  const previous = (await tx.select().from(appliedMutations).where(eq(appliedMutations.mutationId, mutation.mutationId)).limit(1))[0];
  let result: PushResult;
  if (previous) {
    // Same mutation under a new epoch (a restored edge re-sending): never apply twice.
    result = { ...base, status: 'duplicate', ...(previous.code ? { code: previous.code } : {}) };
  } else {
    result = await applyAndRecord(tx, scope, request, mutation);
  }
  await tx
    .update(syncClients)
    .set({ lastSeq: mutation.seq, updatedAt: sql`now()` })
    .where(and(eq(syncClients.nodeId, request.nodeId), eq(syncClients.epoch, request.epoch)));
  return { kind: 'result', result, lastSeq: mutation.seq };
}

async function applyAndRecord(tx: CloudTx, scope: ApplyScope, request: PushRequest, mutation: OutboxMutation): Promise<PushResult> {
  const base = { seq: mutation.seq, mutationId: mutation.mutationId };
  let rejection: { code: string; message: string } | null = null;
  try {
    await tx.transaction((savepoint) => applyMutation(savepoint, scope, { name: mutation.name, args: mutation.args } as Mutation));
  } catch (error) {
    if (!(error instanceof BrigadeError) && !(error instanceof CloudError)) throw error;
    rejection = { code: error.code, message: error.message };
  }
  const txid = (await queryRows<{ txid: string }>(tx, sql`SELECT (pg_current_xact_id()::text::bigint % 4294967296)::text AS txid`))[0]?.txid;
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
    txid: txid === undefined ? null : Number(txid),
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

async function storedOutcome(tx: CloudTx, mutationId: string): Promise<Pick<PushResult, 'status' | 'code' | 'message'>> {
  const row = (await tx.select({ status: appliedMutations.status, code: appliedMutations.code, message: appliedMutations.message }).from(appliedMutations).where(eq(appliedMutations.mutationId, mutationId)).limit(1))[0];
  if (row?.status === 'rejected') return { status: 'duplicate', ...(row.code ? { code: row.code } : {}), ...(row.message ? { message: row.message } : {}) };
  return { status: 'duplicate' };
}
