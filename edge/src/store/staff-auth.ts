/**
 * Screens prove themselves with a device token; staff sign in on a POS with a PIN. Five
 * wrong PINs on one screen lock PIN entry there for a minute, which makes guessing a
 * 4-digit PIN from the LAN impractically slow.
 */
import { eq } from 'drizzle-orm';
import { BrigadeError, type DeviceId, type StaffId } from '@brigade/sync/model';
import { devices, pinAttempts, staff, staffSessions } from '@brigade/sync/schema/sqlite';
import { iso } from './clock';
import { hashToken, newToken } from './credentials';
import { orderReads } from './hot-queries';
import type { StoreContext } from './store-context';
import type { Device, Staff } from './types';

export const MAX_PIN_FAILURES = 5;
export const PIN_LOCK_MS = 60_000;
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

type DeviceRow = typeof devices.$inferSelect;

export function deviceFromRow(row: DeviceRow): Device {
  return { id: row.id as DeviceId, name: row.name, role: row.role, stationId: row.stationId, createdAt: row.createdAt, revokedAt: row.revokedAt };
}

export function authenticateDevice(store: StoreContext, token: string): Device {
  const row = typeof token === 'string' && token.length > 0
    ? orderReads(store.orm).deviceByTokenHash.get({ tokenHash: hashToken(token) })
    : undefined;
  if (!row) throw new BrigadeError('DEVICE_NOT_PAIRED');
  if (row.revokedAt) throw new BrigadeError('DEVICE_REVOKED');
  return deviceFromRow(row);
}

function activeDevice(store: StoreContext, deviceId: string): DeviceRow {
  const row = store.orm.select().from(devices).where(eq(devices.id, deviceId)).get();
  if (!row || row.tokenHash === null) throw new BrigadeError('DEVICE_NOT_PAIRED');
  if (row.revokedAt) throw new BrigadeError('DEVICE_REVOKED');
  return row;
}

export function signIn(store: StoreContext, deviceId: string, pin: string): { sessionToken: string; staff: Staff; expiresAt: string } {
  const device = activeDevice(store, deviceId);
  if (device.role !== 'pos') throw new BrigadeError('WRONG_DEVICE_ROLE', 'Staff sign in on a POS.');
  const now = store.now();
  const attempts = store.orm.select().from(pinAttempts).where(eq(pinAttempts.deviceId, deviceId)).get();
  if (attempts?.lockedUntil && attempts.lockedUntil > iso(now)) {
    throw new BrigadeError('PIN_LOCKED', undefined, { retryAfterSeconds: Math.ceil((Date.parse(attempts.lockedUntil) - now.getTime()) / 1000) });
  }
  const match = store.pins.find(pin);
  if (!match) {
    const failures = (attempts?.lockedUntil ? 0 : (attempts?.failures ?? 0)) + 1;
    const locked = failures >= MAX_PIN_FAILURES;
    const values = { failures: locked ? 0 : failures, lockedUntil: locked ? iso(new Date(now.getTime() + PIN_LOCK_MS)) : null, updatedAt: iso(now) };
    store.orm.insert(pinAttempts).values({ deviceId, ...values }).onConflictDoUpdate({ target: pinAttempts.deviceId, set: values }).run();
    throw new BrigadeError(locked ? 'PIN_LOCKED' : 'PIN_INVALID');
  }
  const sessionToken = newToken();
  const expiresAt = iso(new Date(now.getTime() + SESSION_TTL_MS));
  const person = match;
  store.sqlite.transaction(() => {
    store.orm.delete(pinAttempts).where(eq(pinAttempts.deviceId, deviceId)).run();
    store.orm.insert(staffSessions).values({ tokenHash: hashToken(sessionToken), staffId: person.id, deviceId, createdAt: iso(now), expiresAt }).run();
  })();
  return { sessionToken, staff: { id: person.id as StaffId, name: person.name, role: person.role }, expiresAt };
}

export function authenticateSession(store: StoreContext, token: string, deviceId: string): Staff {
  const session = typeof token === 'string' && token.length > 0
    ? store.orm.select().from(staffSessions).where(eq(staffSessions.tokenHash, hashToken(token))).get()
    : undefined;
  if (!session || session.deviceId !== deviceId || session.endedAt !== null || session.expiresAt <= iso(store.now())) {
    throw new BrigadeError('STAFF_SIGN_IN_REQUIRED');
  }
  activeDevice(store, deviceId);
  const person = store.orm.select().from(staff).where(eq(staff.id, session.staffId)).get();
  if (!person?.active) throw new BrigadeError('STAFF_SIGN_IN_REQUIRED');
  return { id: person.id as StaffId, name: person.name, role: person.role };
}

export function signOut(store: StoreContext, token: string): void {
  if (typeof token !== 'string' || token.length === 0) return;
  store.orm.update(staffSessions).set({ endedAt: iso(store.now()) }).where(eq(staffSessions.tokenHash, hashToken(token))).run();
}
