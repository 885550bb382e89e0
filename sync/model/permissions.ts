/**
 * Roles and the permission matrix. Every sensitive action has a named permission; each
 * store maps roles to permissions in its own database (seeded from `DEFAULT_ROLE_PERMISSIONS`)
 * and the owner or a manager may change the mapping. A member of staff without a permission
 * can still act when someone who holds it approves with their PIN; the audit names both.
 */
import type { StaffRole } from './commands';

export const STAFF_ROLES = ['cashier', 'server', 'bartender', 'manager', 'owner'] as const satisfies readonly StaffRole[];

export const PERMISSIONS = [
  'void.line', 'void.order', 'refund', 'comp', 'discount', 'drawer.noSale', 'drawer.session', 'drawer.payInOut', 'drawer.drop',
  'item.86', 'receipt.reprint', 'devices.manage', 'permissions.edit', 'reports.view', 'reports.closeDay', 'timeclock.correct',
  'settings.edit', 'inventory.manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const PERMISSION_LABELS: Readonly<Record<Permission, string>> = {
  'void.line': 'Void a line',
  'void.order': 'Void an order',
  refund: 'Refund a payment',
  comp: 'Comp an item',
  discount: 'Give a discount',
  'drawer.noSale': 'Open the drawer (no sale)',
  'drawer.session': 'Open and close a drawer session',
  'drawer.payInOut': 'Pay in / pay out',
  'drawer.drop': 'Cash drop',
  'item.86': '86 an item',
  'receipt.reprint': 'Reprint a receipt',
  'devices.manage': 'Approve and unpair devices',
  'permissions.edit': 'Change permissions',
  'reports.view': 'See reports and expected cash',
  'reports.closeDay': 'Close the day (Z report)',
  'timeclock.correct': 'Correct a time punch',
  'settings.edit': 'Change floor plan, promos and store settings',
  'inventory.manage': 'Define ingredients and recipes',
};

const MANAGER_PERMISSIONS: readonly Permission[] = PERMISSIONS;

/**
 * Today's behaviour as the starting matrix: front-of-house staff ring up, take payment,
 * reprint and run their own drawer; everything that was manager-only stays with managers.
 */
export const DEFAULT_ROLE_PERMISSIONS: Readonly<Record<StaffRole, readonly Permission[]>> = {
  cashier: ['receipt.reprint', 'discount', 'drawer.session'],
  server: ['receipt.reprint', 'discount'],
  bartender: ['receipt.reprint', 'discount', 'drawer.session'],
  manager: MANAGER_PERMISSIONS,
  owner: PERMISSIONS,
};

/** The owner always holds every permission, so nobody can lock the store out of its own settings. */
export const LOCKED_ROLE: StaffRole = 'owner';

/**
 * The permission each command needs; `null` means any signed-in member of staff (or a
 * screen that needs none). Every command must be listed: the permission-matrix test fails
 * for a command that is not, so a new sensitive action cannot slip in unguarded. Keyed by
 * plain strings so commands being added elsewhere can be listed before they land; the same
 * test refuses a key that names no command.
 */
export const COMMAND_PERMISSIONS: Readonly<Record<string, Permission | null>> = {
  'order.create': null,
  'order.addLines': null,
  'order.voidLine': 'void.line',
  'order.fire': null,
  'order.complete': null,
  'order.void': 'void.order',
  'payment.capture': null,
  'payment.refund': 'refund',
  'receipt.print': 'receipt.reprint',
  'drawer.open': 'drawer.noSale',
  'ticket.bump': null,
  'ticket.recall': null,
  'item.set86': 'item.86',
  'device.approve': 'devices.manage',
  'device.revoke': 'devices.manage',
  'permissions.set': 'permissions.edit',
  'timeclock.punch': null,
  'timeclock.correct': 'timeclock.correct',
  'drawer.openSession': 'drawer.session',
  'drawer.closeSession': 'drawer.session',
  'drawer.payIn': 'drawer.payInOut',
  'drawer.payOut': 'drawer.payInOut',
  'drawer.drop': 'drawer.drop',
  'report.closeDay': 'reports.closeDay',
  'report.reprintZ': 'reports.view',
  'report.printX': 'reports.view',
  'order.acceptOnline': null,
  'check.open': null,
  'check.addLines': null,
  'check.setQuantity': null,
  'check.moveLines': null,
  'check.discountLine': 'discount',
  'check.compLine': 'comp',
  'check.setDiscounts': 'discount',
  'check.applyPromo': null,
  'check.update': null,
  'check.split': null,
  'check.merge': null,
  'course.fire': null,
  'floor.saveSection': 'settings.edit',
  'floor.saveTable': 'settings.edit',
  'promo.save': 'settings.edit',
  'checkSettings.save': 'settings.edit',
  'inventory.defineIngredient': 'inventory.manage',
  'inventory.setRecipe': 'inventory.manage',
  'inventory.receive': null,
  'inventory.count': null,
  'inventory.waste': null,
  'gift.sell': null,
  'gift.load': null,
  'gift.redeem': null,
  'ledger.configure': 'settings.edit',
  'loyalty.attach': null,
  'loyalty.redeem': null,
};

/** The permission a command needs: null for none, undefined when the command is not listed. */
export function permissionFor(name: string): Permission | null | undefined {
  return Object.hasOwn(COMMAND_PERMISSIONS, name) ? COMMAND_PERMISSIONS[name] : undefined;
}

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
}

/** The matrix as the hub serves it: for each role, the permissions it holds. */
export type PermissionMatrix = Readonly<Record<StaffRole, readonly Permission[]>>;
