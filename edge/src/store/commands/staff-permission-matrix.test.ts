/**
 * The permission matrix, tried as every role for every guarded command. The commands come
 * from the store's registry, so a command added without a permission, or a permission
 * nobody checks, fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Compile } from 'typebox/compile';
import {
  COMMAND_PERMISSIONS, DEFAULT_ROLE_PERMISSIONS, PERMISSIONS, type Permission, STAFF_ROLES, type StaffRole, commandArgs, newId, permissionFor,
} from '@brigade/sync/model';
import { type TestStore, openTestStore } from '../test-support';
import { storeCommands } from './index';
import { ROLE_PINS, type RoleActors, errorOf, expectRefusedHere, sampleArgs, staffForEveryRole } from './staff-cash-test-kit';

const ACCESS_CODES = ['VALIDATION_FAILED', 'WRONG_DEVICE_ROLE', 'STAFF_SIGN_IN_REQUIRED', 'MANAGER_APPROVAL_REQUIRED'];

let t: TestStore;
let staff: RoleActors;

beforeAll(() => {
  t = openTestStore();
  staff = staffForEveryRole(t.store);
});
afterAll(() => t.cleanup());

function argsFor(name: string): Record<string, unknown> {
  const schema = (commandArgs as Record<string, unknown>)[name];
  const args = sampleArgs(schema as Parameters<typeof sampleArgs>[0]) as Record<string, unknown>;
  // A sample the schema refuses would make every refusal below a validation error instead.
  expect(Compile(schema as Parameters<typeof Compile>[0]).Check(args), `sample args for ${name} must pass its schema; give it better ones`).toBe(true);
  return args;
}

describe('the registry and the matrix agree', () => {
  it('lists a permission (or none, as null) for every command the store runs', () => {
    const unlisted = storeCommands.map((c) => c.name).filter((name) => permissionFor(name) === undefined);
    expect(unlisted, 'add these commands to COMMAND_PERMISSIONS in sync/model/permissions.ts').toEqual([]);
  });

  it('lists no command the store does not run', () => {
    const registered = new Set<string>(storeCommands.map((c) => c.name));
    expect(Object.keys(COMMAND_PERMISSIONS).filter((name) => !registered.has(name))).toEqual([]);
  });

  it('guards every command that used to need a manager', () => {
    const unguarded = storeCommands.filter((c) => c.needsManager && !permissionFor(c.name)).map((c) => c.name);
    expect(unguarded).toEqual([]);
  });

  it('checks every permission somewhere, or keeps it for actions of other screens', () => {
    // reports.view guards reads (expected cash, X and Z); any other permission guarding nothing is a promise nobody keeps.
    const used = new Set(Object.values(COMMAND_PERMISSIONS).filter((p): p is Permission => p !== null));
    const readOnly: Permission[] = ['reports.view'];
    expect(PERMISSIONS.filter((p) => !used.has(p) && !readOnly.includes(p))).toEqual([]);
  });
});

const guarded = storeCommands.filter((c) => permissionFor(c.name)).map((c) => c.name);
const cases = guarded.flatMap((name) => STAFF_ROLES.map((role) => [name, role] as const));

describe.each(cases)('%s as %s', (name, role) => {
  const permission = permissionFor(name) as Permission;
  const holds = role === 'owner' || DEFAULT_ROLE_PERMISSIONS[role].includes(permission);

  if (holds) {
    it(`passes the access checks (${role} holds ${permission})`, async () => {
      const error = await errorOf(t.store.execute(name, newId(), argsFor(name), staff[role]));
      expect(ACCESS_CODES).not.toContain(error?.code);
    });
  } else {
    it(`is refused without approval and writes nothing (${role} lacks ${permission})`, async () => {
      await expectRefusedHere(t.store, 'MANAGER_APPROVAL_REQUIRED', name, argsFor(name), staff[role]);
      // Their own PIN approves nothing they could not do already.
      await expectRefusedHere(t.store, 'MANAGER_APPROVAL_REQUIRED', name, { ...argsFor(name), managerPin: ROLE_PINS[role] }, staff[role]);
    });

    it('passes with the PIN of someone who holds the permission, and the audit names both', async () => {
      const commandId = newId();
      const error = await errorOf(t.store.execute(name, commandId, { ...argsFor(name), managerPin: ROLE_PINS.manager }, staff[role]));
      expect(ACCESS_CODES).not.toContain(error?.code);
      if (error === null) {
        const entry = t.store.db.prepare('SELECT staff_id AS staffId, approved_by AS approvedBy FROM audit_log WHERE command_id = ?').get(commandId);
        expect(entry).toEqual({ staffId: staff[role].staff.id, approvedBy: staff.manager.staff.id });
      }
    });
  }
});

describe('changing the matrix', () => {
  const grant = (role: StaffRole, permission: string, granted: boolean, actor = staff.owner) =>
    t.store.execute('permissions.set', newId(), { role, permission, granted }, actor);

  it('lets a cashier refund once the owner grants it, and stops them when it is taken back', async () => {
    const args = { orderId: newId(), paymentId: newId(), amount: 1, reason: 'test' };
    await expectRefusedHere(t.store, 'MANAGER_APPROVAL_REQUIRED', 'payment.refund', args, staff.cashier);
    await grant('cashier', 'refund', true);
    expect(t.store.staffCash.permissions().cashier).toContain('refund');
    // Past the permission check now: the order simply does not exist.
    expect((await errorOf(t.store.execute('payment.refund', newId(), args, staff.cashier)))?.code).toBe('ORDER_NOT_FOUND');
    await grant('cashier', 'refund', false);
    await expectRefusedHere(t.store, 'MANAGER_APPROVAL_REQUIRED', 'payment.refund', args, staff.cashier);
  });

  it('takes a permission away from managers too, and audits who changed what', async () => {
    const commandId = newId();
    await t.store.execute('permissions.set', commandId, { role: 'manager', permission: 'item.86', granted: false }, staff.owner);
    await expectRefusedHere(t.store, 'MANAGER_APPROVAL_REQUIRED', 'item.set86', { itemId: 'item-fries', unavailable: true }, staff.manager);
    const entry = t.store.db.prepare("SELECT staff_id AS staffId, detail FROM audit_log WHERE command_id = ?").get(commandId) as { staffId: string; detail: string };
    expect(entry.staffId).toBe(staff.owner.staff.id);
    expect(JSON.parse(entry.detail)).toMatchObject({ role: 'manager', permission: 'item.86', granted: false, was: true });
    await grant('manager', 'item.86', true);
  });

  it('refuses to change the owner, unknown permissions, and anyone without permissions.edit', async () => {
    await expectRefusedHere(t.store, 'PERMISSION_LOCKED', 'permissions.set', { role: 'owner', permission: 'refund', granted: false }, staff.owner);
    await expectRefusedHere(t.store, 'VALIDATION_FAILED', 'permissions.set', { role: 'cashier', permission: 'launch.rockets', granted: true }, staff.owner);
    await expectRefusedHere(t.store, 'VALIDATION_FAILED', 'permissions.set', { role: 'chef', permission: 'refund', granted: true }, staff.owner);
    await expectRefusedHere(t.store, 'VALIDATION_FAILED', 'permissions.set', { role: 'cashier', permission: 'refund' }, staff.owner);
    await expectRefusedHere(t.store, 'MANAGER_APPROVAL_REQUIRED', 'permissions.set', { role: 'cashier', permission: 'refund', granted: true }, staff.server);
  });
});
