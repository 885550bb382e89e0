/** Changing the permission matrix on the POS: one cell (role × permission) per command, audited; refused once the owner manages it. */
import { BrigadeError, LOCKED_ROLE, isPermission } from '@brigade/sync/model';
import { rolePermissions } from '@brigade/sync/schema/sqlite';
import { defineCommand } from '../command-registry';
import { permissionMatrix, permissionsManagedByOwner, roleHas } from './staff-permission-check';

export const permissionsSet = defineCommand({
  name: 'permissions.set',
  roles: ['pos'],
  needsStaff: true,
  needsManager: true,
  run(tx, ctx, args) {
    if (!isPermission(args.permission)) throw new BrigadeError('VALIDATION_FAILED', 'There is no permission with that name.', { field: 'permission' });
    // The owner keeps every permission so the store can never lock itself out of its settings.
    if (args.role === LOCKED_ROLE) throw new BrigadeError('PERMISSION_LOCKED', undefined, { role: args.role });
    // The owner's dashboard is the single writer once it has taken the matrix over: a change
    // here would be overwritten by the next shape batch, so it is refused rather than lost.
    if (permissionsManagedByOwner(tx.orm)) throw new BrigadeError('PERMISSIONS_MANAGED_BY_OWNER');
    const was = roleHas(tx.orm, args.role, args.permission);
    const values = { granted: args.granted, updatedAt: tx.now, updatedBy: ctx.approvedBy };
    tx.orm.insert(rolePermissions).values({ role: args.role, permission: args.permission, ...values })
      .onConflictDoUpdate({ target: [rolePermissions.role, rolePermissions.permission], set: values }).run();
    tx.audit('permissions.set', { detail: { role: args.role, permission: args.permission, granted: args.granted, was } });
    return { role: args.role, permission: args.permission, granted: args.granted, matrix: permissionMatrix(tx.orm) };
  },
});
