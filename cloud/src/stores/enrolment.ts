/**
 * Enrolling an edge node: an owner makes a one-time code for a store (valid 24 h); the edge
 * trades it with its node id for a store credential. Credentials can be rotated by the edge
 * (the old one is revoked in the same transaction) and revoked by the owner.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { randomInt } from 'node:crypto';
import { newId } from '@brigade/sync/model';
import { CloudError } from '@brigade/sync/protocol';
import { enrolmentCodes, storeCredentials, storeHealth, stores } from '@brigade/sync/schema/pg';
import type { StoreCaller } from '../auth/store-auth';
import { hashToken, randomToken } from '../auth/tokens';
import type { CloudContext } from '../context';
import type { CloudTx } from '../db/database';

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
const CODE_TTL_MS = 24 * 60 * 60 * 1000;

export interface Enrolment {
  readonly storeId: string;
  readonly organisationId: string;
  readonly credentialId: string;
  readonly credential: string;
}

export async function createEnrolmentCode(ctx: CloudContext, organisationId: string, storeId: string, userId: string): Promise<{ code: string; expiresAt: string }> {
  const raw = Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  const code = `${raw.slice(0, 5)}-${raw.slice(5)}`;
  const expiresAt = new Date(ctx.now().getTime() + CODE_TTL_MS).toISOString();
  await ctx.database.db.insert(enrolmentCodes).values({ codeHash: hashToken(normaliseCode(code)), organisationId, storeId, createdBy: userId, expiresAt });
  return { code, expiresAt };
}

export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export async function enrolWithCode(ctx: CloudContext, code: string, nodeId: string): Promise<Enrolment> {
  const now = ctx.now().toISOString();
  return ctx.database.db.transaction(async (tx) => {
    const used = await tx
      .update(enrolmentCodes)
      .set({ usedAt: now, usedByNode: nodeId })
      .where(and(eq(enrolmentCodes.codeHash, hashToken(normaliseCode(code))), isNull(enrolmentCodes.usedAt), gt(enrolmentCodes.expiresAt, now)))
      .returning({ storeId: enrolmentCodes.storeId, organisationId: enrolmentCodes.organisationId });
    const row = used[0];
    if (!row) throw new CloudError('ENROLMENT_CODE_INVALID');
    await tx.update(stores).set({ enrolledAt: now }).where(eq(stores.id, row.storeId));
    // The clock of the heartbeat starts at enrolment.
    await tx
      .insert(storeHealth)
      .values({ storeId: row.storeId, organisationId: row.organisationId, lastHeardAt: now, nodeId })
      .onConflictDoUpdate({ target: storeHealth.storeId, set: { lastHeardAt: now, nodeId } });
    return issueCredential(tx, row.organisationId, row.storeId, nodeId, null);
  });
}

export async function rotateCredential(ctx: CloudContext, caller: StoreCaller): Promise<Enrolment> {
  return ctx.database.db.transaction(async (tx) => {
    const revoked = await tx
      .update(storeCredentials)
      .set({ revokedAt: ctx.now().toISOString() })
      .where(and(eq(storeCredentials.id, caller.credentialId), isNull(storeCredentials.revokedAt)))
      .returning({ id: storeCredentials.id });
    if (revoked.length === 0) throw new CloudError('CREDENTIAL_INVALID');
    return issueCredential(tx, caller.organisationId, caller.storeId, caller.nodeId, caller.credentialId);
  });
}

/** Revokes every live credential of a store (owner action, e.g. a stolen appliance). */
export async function revokeStoreCredentials(ctx: CloudContext, organisationId: string, storeId: string): Promise<number> {
  const revoked = await ctx.database.db
    .update(storeCredentials)
    .set({ revokedAt: ctx.now().toISOString() })
    .where(and(eq(storeCredentials.organisationId, organisationId), eq(storeCredentials.storeId, storeId), isNull(storeCredentials.revokedAt)))
    .returning({ id: storeCredentials.id });
  return revoked.length;
}

export async function issueCredential(tx: CloudTx, organisationId: string, storeId: string, nodeId: string, rotatedFrom: string | null): Promise<Enrolment> {
  const credentialId = newId();
  const credential = randomToken('bsc');
  await tx.insert(storeCredentials).values({ id: credentialId, organisationId, storeId, nodeId, secretHash: hashToken(credential), rotatedFrom });
  return { storeId, organisationId, credentialId, credential };
}
