/**
 * A store's permission matrix as the owner sees and changes it. The matrix is per store, like
 * the edge's own table: a store is where people sign in, and a franchise may run one store
 * stricter than another.
 *
 * Who writes it: until the owner first saves a store's matrix, the store's POS does, and its
 * changes reach the cloud as `permissions.set` audit entries; the owner then sees the defaults
 * with those changes replayed. The owner's first save writes every cell, from that view, into
 * `role_permissions` (a shape): from then on the owner is the single writer and the POS shows
 * the matrix read-only. A POS change made offline in between is not lost silently: the edge
 * records it as `permissions.overridden` when the owner's matrix arrives, and the owner sees it.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import {
  BrigadeError, DEFAULT_ROLE_PERMISSIONS, LOCKED_ROLE, PERMISSIONS, PERMISSION_LABELS, type Permission, type PermissionMatrix, STAFF_ROLES,
  type StaffRole, isPermission, newId,
} from '@brigade/sync/model';
import { auditLog, rolePermissions, stores } from '@brigade/sync/schema/pg';
import type { Executor } from '../db/database';

export interface PermissionChange {
  readonly role: StaffRole;
  readonly permission: Permission;
  readonly granted: boolean;
}

export interface OverriddenEdit {
  readonly at: string;
  readonly role: string;
  readonly permission: string;
  readonly granted: boolean;
  readonly staffId: string | null;
}

export interface StorePermissionView {
  readonly storeId: string;
  /** True once the owner has saved this store's matrix: the POS then shows it read-only. */
  readonly managed: boolean;
  readonly roles: readonly StaffRole[];
  readonly permissions: readonly { id: Permission; label: string }[];
  readonly matrix: PermissionMatrix;
  readonly updatedAt: string | null;
  /** Changes made on the store's POS that the owner's matrix replaced, newest first. */
  readonly overriddenAtStore: readonly OverriddenEdit[];
}

type Cells = Map<string, boolean>;
const cellKey = (role: string, permission: string): string => `${role}|${permission}`;
const EDITABLE_ROLES = STAFF_ROLES.filter((r) => r !== LOCKED_ROLE);

/** Checks a whole request before anything is written: unknown names and the owner's row are refused. */
export function validateChanges(changes: readonly { role: string; permission: string; granted: boolean }[]): PermissionChange[] {
  return changes.map((change, index) => {
    if (!(STAFF_ROLES as readonly string[]).includes(change.role)) throw new BrigadeError('ROLE_UNKNOWN', undefined, { index, role: change.role });
    if (!isPermission(change.permission)) throw new BrigadeError('PERMISSION_UNKNOWN', undefined, { index, permission: change.permission });
    // The owner keeps every permission, above all the ones needed to manage: nobody can lock the organisation out.
    if (change.role === LOCKED_ROLE) throw new BrigadeError('PERMISSION_LOCKED', undefined, { index, role: change.role });
    return { role: change.role as StaffRole, permission: change.permission, granted: change.granted };
  });
}

export async function storePermissionView(db: Executor, storeId: string): Promise<StorePermissionView> {
  const { cells, managed, updatedAt } = await currentCells(db, storeId);
  const overridden = await db
    .select({ at: auditLog.at, detail: auditLog.detail, staffId: auditLog.staffId })
    .from(auditLog)
    .where(and(eq(auditLog.storeId, storeId), eq(auditLog.action, 'permissions.overridden')))
    .orderBy(desc(auditLog.at))
    .limit(50);
  return {
    storeId,
    managed,
    roles: STAFF_ROLES,
    permissions: PERMISSIONS.map((id) => ({ id, label: PERMISSION_LABELS[id] })),
    matrix: matrixOf(cells),
    updatedAt,
    overriddenAtStore: overridden.flatMap((row) => {
      const detail = row.detail as Record<string, unknown>;
      const edit = cellOf(detail);
      return edit ? [{ at: row.at, role: edit.role, permission: edit.permission, granted: edit.granted, staffId: row.staffId }] : [];
    }),
  };
}

/**
 * Applies the owner's changes in the caller's transaction and audits each cell that changed.
 * The first save writes every cell, so the stores receive the whole matrix and a later
 * default change in the code cannot silently change a store the owner manages.
 */
export async function changeStorePermissions(
  tx: Executor, scope: { organisationId: string; storeId: string; userId: string }, changes: readonly PermissionChange[], at: string,
): Promise<number> {
  // Two owners saving at once would both start from the same view; the first save writes every
  // cell, so the second must see it or it would put back what the first changed.
  await tx.select({ id: stores.id }).from(stores).where(eq(stores.id, scope.storeId)).for('update');
  const { cells, managed } = await currentCells(tx, scope.storeId);
  const next = new Map(cells);
  for (const change of changes) next.set(cellKey(change.role, change.permission), change.granted);
  const written = managed ? changes.map((c) => ({ role: c.role, permission: c.permission, granted: c.granted })) : everyCell(next);
  if (written.length > 0) {
    await tx
      .insert(rolePermissions)
      .values(written.map((c) => ({ storeId: scope.storeId, ...c, updatedAt: at, updatedBy: scope.userId })))
      .onConflictDoUpdate({
        target: [rolePermissions.storeId, rolePermissions.role, rolePermissions.permission],
        set: { granted: sql`excluded.granted`, updatedAt: at, updatedBy: scope.userId },
      });
  }
  let audited = 0;
  const audit = (action: string, detail: Record<string, string | boolean>) => {
    audited += 1;
    return tx.insert(auditLog).values({ id: newId(), organisationId: scope.organisationId, storeId: scope.storeId, at, action, staffId: null, approvedBy: null, deviceId: null, orderId: null, detail: { ...detail, userId: scope.userId }, source: 'cloud' });
  };
  if (!managed) await audit('permissions.managed', {});
  for (const change of changes) {
    const was = cells.get(cellKey(change.role, change.permission)) ?? false;
    if (was !== change.granted) await audit('permissions.set', { role: change.role, permission: change.permission, granted: change.granted, was });
  }
  return audited;
}

/** The cells as they stand: the owner's rows once managed, else the defaults with the POS's changes replayed. */
async function currentCells(db: Executor, storeId: string): Promise<{ cells: Cells; managed: boolean; updatedAt: string | null }> {
  const cells: Cells = new Map();
  for (const role of EDITABLE_ROLES) for (const permission of PERMISSIONS) cells.set(cellKey(role, permission), DEFAULT_ROLE_PERMISSIONS[role].includes(permission));
  const owned = await db.select().from(rolePermissions).where(eq(rolePermissions.storeId, storeId));
  if (owned.length > 0) {
    for (const row of owned) if (cells.has(cellKey(row.role, row.permission))) cells.set(cellKey(row.role, row.permission), row.granted);
    const updatedAt = owned.reduce((latest, row) => (row.updatedAt > latest ? row.updatedAt : latest), '');
    return { cells, managed: true, updatedAt };
  }
  const posEdits = await db
    .select({ detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.storeId, storeId), eq(auditLog.action, 'permissions.set'), eq(auditLog.source, 'edge')))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  for (const row of posEdits) {
    const edit = cellOf(row.detail as Record<string, unknown>);
    if (edit && cells.has(cellKey(edit.role, edit.permission))) cells.set(cellKey(edit.role, edit.permission), edit.granted);
  }
  return { cells, managed: false, updatedAt: null };
}

function cellOf(detail: Record<string, unknown>): { role: string; permission: string; granted: boolean } | null {
  const { role, permission, granted } = detail;
  return typeof role === 'string' && typeof permission === 'string' && typeof granted === 'boolean' ? { role, permission, granted } : null;
}

function everyCell(cells: Cells): { role: string; permission: string; granted: boolean }[] {
  return EDITABLE_ROLES.flatMap((role) => PERMISSIONS.map((permission) => ({ role, permission, granted: cells.get(cellKey(role, permission)) ?? false })));
}

function matrixOf(cells: Cells): PermissionMatrix {
  const matrix = {} as Record<StaffRole, Permission[]>;
  for (const role of STAFF_ROLES) matrix[role] = PERMISSIONS.filter((p) => role === LOCKED_ROLE || cells.get(cellKey(role, p)) === true);
  return matrix;
}
