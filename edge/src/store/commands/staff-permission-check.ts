/**
 * Who may do what: the executor asks `authoriseAction` for every command a screen sends.
 * A command's permission comes from `COMMAND_PERMISSIONS`; a role holds it when the store's
 * matrix says so (its overrides in `role_permissions`, else the default). Someone without it
 * may still act when a person who holds it types their PIN; the audit then names both.
 */
import { and, eq, like } from 'drizzle-orm';
import {
  BrigadeError, DEFAULT_ROLE_PERMISSIONS, LOCKED_ROLE, PERMISSIONS, PERMISSION_LABELS, type Permission, type PermissionMatrix,
  STAFF_ROLES, type StaffRole, permissionFor,
} from '@brigade/sync/model';
import { rolePermissions } from '@brigade/sync/schema/sqlite';
import type { Orm, StoreContext } from '../store-context';
import type { Actor } from '../types';

/**
 * Cells written from the owner's matrix in the cloud (the `role_permissions` shape) carry this
 * prefix before the owner's user id in `updated_by`; a POS change carries the approver's staff id.
 */
export const OWNER_WRITER_PREFIX = 'owner:';

/** Once the owner has saved this store's matrix in the dashboard, only the owner changes it. */
export function permissionsManagedByOwner(orm: Orm): boolean {
  return orm.select({ role: rolePermissions.role }).from(rolePermissions).where(like(rolePermissions.updatedBy, `${OWNER_WRITER_PREFIX}%`)).limit(1).get() !== undefined;
}

/** Whether `role` holds `permission` in this store's matrix. The owner holds everything. */
export function roleHas(orm: Orm, role: StaffRole, permission: Permission): boolean {
  if (role === LOCKED_ROLE) return true;
  const row = orm.select({ granted: rolePermissions.granted }).from(rolePermissions)
    .where(and(eq(rolePermissions.role, role), eq(rolePermissions.permission, permission))).get();
  return row ? row.granted : DEFAULT_ROLE_PERMISSIONS[role].includes(permission);
}

/** The whole matrix: defaults with the store's overrides applied. */
export function permissionMatrix(orm: Orm): PermissionMatrix {
  const overrides = orm.select().from(rolePermissions).all();
  const matrix = {} as Record<StaffRole, Permission[]>;
  for (const role of STAFF_ROLES) {
    matrix[role] = PERMISSIONS.filter((permission) => {
      if (role === LOCKED_ROLE) return true;
      const row = overrides.find((o) => o.role === role && o.permission === permission);
      return row ? row.granted : DEFAULT_ROLE_PERMISSIONS[role].includes(permission);
    });
  }
  return matrix;
}

interface Guarded {
  readonly name: string;
  readonly needsManager: boolean;
}

/**
 * Returns who approved the command (the actor when they hold the permission, or the person
 * whose PIN came with it), or null when the command needs no permission.
 */
export function authoriseAction(store: StoreContext, command: Guarded, args: unknown, actor: Actor): string | null {
  const listed = permissionFor(command.name);
  // A command nobody has listed yet keeps the old rule (managers only); the matrix test flags it.
  if (listed === undefined && !command.needsManager) return null;
  if (listed === null) return null;
  const holds = (role: StaffRole): boolean => (listed === undefined ? role === 'manager' || role === 'owner' : roleHas(store.orm, role, listed));
  if (actor.staff && holds(actor.staff.role)) return actor.staff.id;
  const pin = managerPinOf(args);
  const approver = pin === undefined ? undefined : store.pins.find(pin);
  if (approver && holds(approver.role)) return approver.id;
  const label = listed === undefined ? 'This' : PERMISSION_LABELS[listed];
  throw new BrigadeError('MANAGER_APPROVAL_REQUIRED', `${label} needs approval by someone allowed to do it.`, { permission: listed ?? null });
}

function managerPinOf(args: unknown): string | undefined {
  if (typeof args !== 'object' || args === null || !('managerPin' in args)) return undefined;
  const pin = (args as { managerPin?: unknown }).managerPin;
  return typeof pin === 'string' ? pin : undefined;
}
