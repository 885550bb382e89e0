/**
 * The owner's permission matrix from the cloud (`role_permissions` shape) becomes the store's,
 * inside the shape batch's transaction, so the next command is checked against it.
 *
 * Conflict rule (docs/staff-and-cash.md): once the owner has saved a store's matrix, the owner
 * is its single writer and `permissions.set` on the POS is refused. A POS change the owner's
 * matrix does not carry (made offline before the store heard of the take-over) is not dropped
 * silently: it becomes a `permissions.overridden` audit entry, pushed to the cloud, where the
 * dashboard lists it under the matrix.
 */
import type Database from 'better-sqlite3';
import { DEFAULT_ROLE_PERMISSIONS, LOCKED_ROLE, type Permission, STAFF_ROLES, type StaffRole, isPermission, newId } from '@brigade/sync/model';
import type { AuditEntry, ShapeName } from '@brigade/sync/protocol';
import { OWNER_WRITER_PREFIX } from '../store/commands/staff-permission-check';
import { queueWrites } from '../store/hot-queries';

export const OWNER_PERMISSIONS_SHAPE = 'role_permissions' satisfies ShapeName;

interface Cell {
  readonly role: StaffRole;
  readonly permission: Permission;
  readonly granted: boolean;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

interface LocalRow {
  role: StaffRole;
  permission: string;
  granted: number;
  updated_by: string | null;
}

/**
 * Replaces the store's matrix with the owner's. Returns true when what some role may do
 * changed (the screens are then told). An empty shape means the owner has not taken this
 * store's matrix over: the POS's own matrix stays.
 */
export function applyOwnerPermissions(db: Database.Database, rows: readonly Record<string, unknown>[], at: string): boolean {
  const cells = rows.flatMap(cellOf);
  if (cells.length === 0) return false;
  const owner = new Map(cells.map((c) => [`${c.role}|${c.permission}`, c.granted]));
  const holds = (role: StaffRole, permission: string): boolean =>
    owner.get(`${role}|${permission}`) ?? (isPermission(permission) && DEFAULT_ROLE_PERMISSIONS[role].includes(permission));
  const local = db.prepare('SELECT role, permission, granted, updated_by FROM role_permissions').all() as LocalRow[];
  const localHolds = (role: StaffRole, permission: Permission): boolean => {
    const row = local.find((r) => r.role === role && r.permission === permission);
    return row ? row.granted === 1 : DEFAULT_ROLE_PERMISSIONS[role].includes(permission);
  };
  const changed = cells.some((c) => localHolds(c.role, c.permission) !== c.granted);

  for (const row of local) {
    const fromPos = !(row.updated_by ?? '').startsWith(OWNER_WRITER_PREFIX);
    if (fromPos && (row.granted === 1) !== holds(row.role, row.permission)) {
      auditOverridden(db, at, row);
    }
  }
  db.prepare('DELETE FROM role_permissions').run();
  const insert = db.prepare('INSERT INTO role_permissions (role, permission, granted, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)');
  for (const c of cells) insert.run(c.role, c.permission, c.granted ? 1 : 0, c.updatedAt, `${OWNER_WRITER_PREFIX}${c.updatedBy}`);
  return changed;
}

function cellOf(row: Record<string, unknown>): Cell[] {
  const { role, permission, granted } = row;
  // A role or permission this version does not know (the cloud is newer) is left out; the owner's row is never taken.
  if (typeof role !== 'string' || !(STAFF_ROLES as readonly string[]).includes(role) || role === LOCKED_ROLE) return [];
  if (!isPermission(permission) || typeof granted !== 'boolean') return [];
  const updatedAt = typeof row.updated_at === 'string' ? row.updated_at : '';
  const updatedBy = typeof row.updated_by === 'string' ? row.updated_by : '';
  return [{ role: role as StaffRole, permission, granted, updatedAt, updatedBy }];
}

/** One audit entry (and its `audit.append` for the cloud) per POS change the owner's matrix replaced. */
function auditOverridden(db: Database.Database, at: string, row: LocalRow): void {
  const entry: AuditEntry = {
    id: newId(),
    at,
    action: 'permissions.overridden',
    staffId: row.updated_by,
    approvedBy: null,
    deviceId: null,
    orderId: null,
    detail: { role: row.role, permission: row.permission, granted: row.granted === 1 },
  };
  const writes = queueWrites(db);
  writes.insertAudit.run(entry.id, entry.at, entry.action, entry.staffId, entry.approvedBy, entry.deviceId, entry.orderId, null, JSON.stringify(entry.detail));
  writes.insertOutbox.run(newId(), 'audit.append', JSON.stringify(entry), at);
}
