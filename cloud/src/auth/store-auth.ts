/**
 * Edge nodes authenticate with the store credential they received at enrolment
 * (`Authorization: Bearer bsc_…`). A revoked or unknown credential gets CREDENTIAL_INVALID.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { storeCredentials } from '@brigade/sync/schema/pg';
import { CloudError } from '@brigade/sync/protocol';
import type { CloudDb } from '../db/database';
import { hashToken } from './tokens';

export interface StoreCaller {
  readonly credentialId: string;
  readonly storeId: string;
  readonly organisationId: string;
  readonly nodeId: string;
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer ([A-Za-z0-9_\-.]{10,200})$/.exec(header);
  return match?.[1] ?? null;
}

export async function authenticateStore(db: CloudDb, token: string | null): Promise<StoreCaller> {
  if (!token) throw new CloudError('CREDENTIAL_INVALID');
  const rows = await db
    .select({ id: storeCredentials.id, storeId: storeCredentials.storeId, organisationId: storeCredentials.organisationId, nodeId: storeCredentials.nodeId })
    .from(storeCredentials)
    .where(and(eq(storeCredentials.secretHash, hashToken(token)), isNull(storeCredentials.revokedAt)))
    .limit(1);
  const row = rows[0];
  if (!row) throw new CloudError('CREDENTIAL_INVALID');
  return { credentialId: row.id, storeId: row.storeId, organisationId: row.organisationId, nodeId: row.nodeId };
}
