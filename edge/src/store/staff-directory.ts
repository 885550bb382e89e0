/**
 * The store's staff list. Staff sign in by PIN alone, so a PIN must name exactly one active
 * person: two people with one PIN would sign in as whoever comes first.
 */
import { eq } from 'drizzle-orm';
import { BrigadeError, type StaffId, type StaffRole, newId } from '@brigade/sync/model';
import { staff } from '@brigade/sync/schema/sqlite';
import { iso } from './clock';
import { hashPin, newSalt, pinMatches } from './credentials';
import type { StoreContext } from './store-context';
import type { Staff, StaffChange } from './types';

const ROLES: readonly StaffRole[] = ['cashier', 'server', 'bartender', 'manager', 'owner'];

export function listStaff(store: StoreContext): (Staff & { active: boolean })[] {
  return store.orm.select().from(staff).orderBy(staff.name).all()
    .map((r) => ({ id: r.id as StaffId, name: r.name, role: r.role, active: r.active }));
}

export function upsertStaff(store: StoreContext, change: StaffChange): Staff & { active: boolean } {
  const name = change.name.trim();
  if (name.length === 0 || name.length > 60) throw new BrigadeError('VALIDATION_FAILED', 'A name of 1 to 60 characters is needed.', { field: 'name' });
  if (!ROLES.includes(change.role)) throw new BrigadeError('VALIDATION_FAILED', 'Unknown role.', { field: 'role' });
  if (change.pin !== undefined && !/^[0-9]{4,8}$/.test(change.pin)) throw new BrigadeError('VALIDATION_FAILED', 'A PIN is 4 to 8 digits.', { field: 'pin' });
  store.pins.forget();
  return store.sqlite.transaction(() => {
    const existing = change.id ? store.orm.select().from(staff).where(eq(staff.id, change.id)).get() : undefined;
    if (!existing && change.pin === undefined) throw new BrigadeError('VALIDATION_FAILED', 'A new member of staff needs a PIN.', { field: 'pin' });
    const id = existing?.id ?? change.id ?? newId();
    const active = change.active ?? existing?.active ?? true;
    if (change.pin !== undefined && active) {
      const pin = change.pin;
      const clash = store.orm.select().from(staff).where(eq(staff.active, true)).all()
        .some((other) => other.id !== id && pinMatches(pin, other.pinSalt, other.pinHash));
      if (clash) throw new BrigadeError('VALIDATION_FAILED', 'Someone else already uses that PIN.', { field: 'pin' });
    }
    const salt = change.pin !== undefined ? newSalt() : (existing?.pinSalt ?? newSalt());
    const pinHash = change.pin !== undefined ? hashPin(change.pin, salt) : (existing?.pinHash ?? '');
    const values = { name, role: change.role, active, pinHash, pinSalt: salt };
    store.orm.insert(staff).values({ id, ...values, createdAt: iso(store.now()) }).onConflictDoUpdate({ target: staff.id, set: values }).run();
    return { id: id as StaffId, name, role: change.role, active };
  }).immediate();
}
