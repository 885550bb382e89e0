/**
 * Tenant scoping: every owner request names its records by id, and every lookup includes the
 * caller's organisation. Another tenant's id answers exactly like an id that does not exist
 * (404), so ids cannot be probed.
 */
import { and, eq } from 'drizzle-orm';
import { BrigadeError } from '@brigade/sync/model';
import { menus, stores } from '@brigade/sync/schema/pg';
import type { SignedInUser } from '../auth/sessions';
import type { CloudDb, Executor } from '../db/database';

export type StoreRow = typeof stores.$inferSelect;
export type MenuRow = typeof menus.$inferSelect;

export async function requireStore(db: CloudDb, user: SignedInUser, storeId: string): Promise<StoreRow> {
  const row = (await db.select().from(stores).where(and(eq(stores.id, storeId), eq(stores.organisationId, user.organisationId))).limit(1))[0];
  if (!row) throw new BrigadeError('NOT_FOUND');
  return row;
}

export async function requireMenu(executor: Executor, user: SignedInUser, menuId: string, lock = false): Promise<MenuRow> {
  const query = executor.select().from(menus).where(and(eq(menus.id, menuId), eq(menus.organisationId, user.organisationId))).limit(1);
  const row = (lock ? await query.for('update') : await query)[0];
  if (!row) throw new BrigadeError('NOT_FOUND');
  return row;
}
