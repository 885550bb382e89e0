/**
 * Dashboard sessions: a short-lived access token (15 min) sent as `Authorization: Bearer`,
 * and a refresh token (30 days) traded for a new pair, the old pair dying in the same
 * transaction. Bearer tokens are never sent by a browser on its own, so no CSRF token is
 * needed; both are stored only as hashes and a sign-out revokes them.
 */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { newId } from '@brigade/sync/model';
import { CloudError } from '@brigade/sync/protocol';
import { sessions, users } from '@brigade/sync/schema/pg';
import type { CloudContext } from '../context';
import { DUMMY_HASH, verifyPassword } from './passwords';
import { bearerToken } from './store-auth';
import { hashToken, randomToken } from './tokens';

export const ACCESS_TTL_MS = 15 * 60 * 1000;
export const REFRESH_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export interface SignedInUser {
  readonly userId: string;
  readonly organisationId: string;
  readonly role: 'owner' | 'manager';
  readonly sessionId: string;
}

export interface TokenPair {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresAt: string;
  readonly user: { readonly id: string; readonly name: string; readonly email: string; readonly role: 'owner' | 'manager'; readonly organisationId: string };
}

export async function signIn(ctx: CloudContext, email: string, password: string): Promise<TokenPair> {
  const user = (await ctx.database.db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`).limit(1))[0];
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) throw new CloudError('SIGN_IN_FAILED');
  const pair = newPair(ctx);
  await ctx.database.db.insert(sessions).values({ id: newId(), userId: user.id, organisationId: user.organisationId, ...pair.stored });
  return { ...pair.tokens, user: { id: user.id, name: user.name, email: user.email, role: user.role, organisationId: user.organisationId } };
}

export async function refresh(ctx: CloudContext, refreshToken: string): Promise<TokenPair> {
  const now = ctx.now().toISOString();
  return ctx.database.db.transaction(async (tx) => {
    const revoked = await tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.refreshHash, hashToken(refreshToken)), isNull(sessions.revokedAt), gt(sessions.refreshExpiresAt, now)))
      .returning({ userId: sessions.userId, organisationId: sessions.organisationId });
    const old = revoked[0];
    if (!old) throw new CloudError('SESSION_EXPIRED');
    const user = (await tx.select().from(users).where(eq(users.id, old.userId)).limit(1))[0];
    if (!user) throw new CloudError('SESSION_EXPIRED');
    const pair = newPair(ctx);
    await tx.insert(sessions).values({ id: newId(), userId: user.id, organisationId: user.organisationId, ...pair.stored });
    return { ...pair.tokens, user: { id: user.id, name: user.name, email: user.email, role: user.role, organisationId: user.organisationId } };
  });
}

export async function signOut(ctx: CloudContext, user: SignedInUser): Promise<void> {
  await ctx.database.db.update(sessions).set({ revokedAt: ctx.now().toISOString() }).where(eq(sessions.id, user.sessionId));
}

/** The signed-in owner or manager, or SIGN_IN_REQUIRED / SESSION_EXPIRED. */
export async function requireUser(ctx: CloudContext, request: FastifyRequest, role?: 'owner'): Promise<SignedInUser> {
  const token = bearerToken(request);
  if (!token) throw new CloudError('SIGN_IN_REQUIRED');
  const now = ctx.now().toISOString();
  const row = (
    await ctx.database.db
      .select({ sessionId: sessions.id, userId: users.id, organisationId: users.organisationId, role: users.role })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.accessHash, hashToken(token)), isNull(sessions.revokedAt), gt(sessions.accessExpiresAt, now)))
      .limit(1)
  )[0];
  if (!row) throw new CloudError('SESSION_EXPIRED');
  if (role === 'owner' && row.role !== 'owner') throw new CloudError('FORBIDDEN', 'Only an owner can do that.');
  return row;
}

function newPair(ctx: CloudContext) {
  const accessToken = randomToken('bat');
  const refreshToken = randomToken('brt');
  const now = ctx.now().getTime();
  const accessExpiresAt = new Date(now + ACCESS_TTL_MS).toISOString();
  return {
    tokens: { accessToken, refreshToken, expiresAt: accessExpiresAt },
    stored: { accessHash: hashToken(accessToken), accessExpiresAt, refreshHash: hashToken(refreshToken), refreshExpiresAt: new Date(now + REFRESH_TTL_MS).toISOString() },
  };
}
