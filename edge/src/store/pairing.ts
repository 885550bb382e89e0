/**
 * Pairing screens with the store. A new screen asks for a 6-digit code and polls with a
 * secret poll token; a manager approves the code on the POS (`device.approve`); the next
 * poll hands the screen its device token. The appliance's own screen (and the demo's) pairs
 * with a setup code instead. Only hashes of tokens are stored.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import { BrigadeError, type DeviceId, type DeviceRole, newId } from '@brigade/sync/model';
import { devices, pairingRequests, setupCodes } from '@brigade/sync/schema/sqlite';
import { iso } from './clock';
import { hashToken, newToken, randomDigits } from './credentials';
import { publishEvent } from './event-log';
import type { StoreContext } from './store-context';
import type { DeviceCredentials, PairingPoll, PairingRequest, PendingPairing, SetupCodeInfo } from './types';

export const PAIRING_TTL_MS = 10 * 60 * 1000;

export function pendingPairings(store: StoreContext): PendingPairing[] {
  const now = iso(store.now());
  return store.orm.select().from(pairingRequests)
    .where(and(isNull(pairingRequests.approvedDeviceId), gt(pairingRequests.expiresAt, now))).all()
    .map((r) => ({ requestId: r.id, code: r.code, name: r.name, createdAt: r.createdAt, expiresAt: r.expiresAt }));
}

export function announcePending(store: StoreContext): void {
  publishEvent(store, { type: 'device.pairing', pending: pendingPairings(store).length });
}

export function createPairingRequest(store: StoreContext, name: string): PairingRequest {
  const trimmed = name.trim().slice(0, 140);
  if (trimmed.length === 0) throw new BrigadeError('VALIDATION_FAILED', 'The screen needs a name.', { field: 'name' });
  const now = store.now();
  // Requests nobody approved are useless a day later; dropping them keeps request spam from growing the file.
  store.orm.delete(pairingRequests)
    .where(and(isNull(pairingRequests.approvedDeviceId), lt(pairingRequests.expiresAt, iso(new Date(now.getTime() - 24 * 60 * 60 * 1000))))).run();
  const taken = new Set(pendingPairings(store).map((p) => p.code));
  let code = randomDigits(6);
  while (taken.has(code)) code = randomDigits(6);
  const pollToken = newToken();
  const request = { requestId: newId(), code, pollToken, expiresAt: iso(new Date(now.getTime() + PAIRING_TTL_MS)) };
  store.orm.insert(pairingRequests).values({
    id: request.requestId, code, name: trimmed, pollTokenHash: hashToken(pollToken), createdAt: iso(now), expiresAt: request.expiresAt,
  }).run();
  announcePending(store);
  return request;
}

/**
 * After approval, every poll until the request expires issues a fresh device token (the
 * previous one stops working), so a screen whose poll response was lost can simply poll again.
 */
export function pollPairing(store: StoreContext, requestId: string, pollToken: string): PairingPoll {
  const row = store.orm.select().from(pairingRequests).where(eq(pairingRequests.id, requestId)).get();
  if (!row || row.pollTokenHash !== hashToken(pollToken)) throw new BrigadeError('PAIRING_CODE_INVALID');
  const now = store.now();
  if (iso(now) >= row.expiresAt) return { status: 'expired' };
  if (!row.approvedDeviceId) return { status: 'pending' };
  const device = store.orm.select().from(devices).where(eq(devices.id, row.approvedDeviceId)).get();
  if (!device || device.revokedAt) return { status: 'expired' };
  const deviceToken = newToken();
  store.sqlite.transaction(() => {
    store.orm.update(devices).set({ tokenHash: hashToken(deviceToken) }).where(eq(devices.id, device.id)).run();
    store.orm.update(pairingRequests).set({ deliveredAt: iso(now) }).where(eq(pairingRequests.id, row.id)).run();
  })();
  return { status: 'approved', deviceId: device.id as DeviceId, deviceToken, role: device.role, stationId: device.stationId };
}

export function createSetupCode(store: StoreContext, role: DeviceRole, opts: { reusable?: boolean; stationId?: string } = {}): string {
  // 72 random bits: a setup code skips manager approval, so it must not be guessable.
  const code = randomBytes(9).toString('base64url');
  store.orm.insert(setupCodes).values({ code, role, stationId: opts.stationId ?? null, reusable: opts.reusable ?? false, createdAt: iso(store.now()) }).run();
  return code;
}

export function activeSetupCodes(store: StoreContext): SetupCodeInfo[] {
  return store.orm.select().from(setupCodes).where(or(isNull(setupCodes.usedAt), eq(setupCodes.reusable, true))).all()
    .map((r) => ({ code: r.code, role: r.role, stationId: r.stationId, reusable: r.reusable }));
}

export function claimSetupCode(store: StoreContext, code: string, name: string): DeviceCredentials {
  const trimmed = name.trim().slice(0, 140);
  if (trimmed.length === 0) throw new BrigadeError('VALIDATION_FAILED', 'The screen needs a name.', { field: 'name' });
  return store.sqlite.transaction((): DeviceCredentials => {
    const row = store.orm.select().from(setupCodes).where(eq(setupCodes.code, code)).get();
    if (!row || (row.usedAt !== null && !row.reusable)) throw new BrigadeError('PAIRING_CODE_INVALID');
    const deviceId = newId<DeviceId>();
    const deviceToken = newToken();
    const now = iso(store.now());
    store.orm.insert(devices).values({ id: deviceId, name: trimmed, role: row.role, stationId: row.stationId, tokenHash: hashToken(deviceToken), createdAt: now }).run();
    store.orm.update(setupCodes).set({ usedAt: now, usedByDeviceId: deviceId }).where(eq(setupCodes.code, code)).run();
    return { deviceId, deviceToken, role: row.role, stationId: row.stationId };
  }).immediate();
}
