import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrigadeError, type ErrorCode } from '@brigade/sync/model';
import { PAIRING_TTL_MS } from './pairing';
import { MAX_PIN_FAILURES, PIN_LOCK_MS, SESSION_TTL_MS } from './staff-auth';
import { CASHIER, MANAGER, type TestStore, openTestStore } from './test-support';
import type { DeviceCredentials } from './types';

let t: TestStore;
let pos: DeviceCredentials;
beforeEach(() => {
  t = openTestStore();
  pos = t.store.auth.claimSetupCode(t.store.auth.createSetupCode('pos'), 'Counter POS');
});
afterEach(() => t.cleanup());

function codeOf(fn: () => unknown): ErrorCode | 'no error' {
  try {
    fn();
    return 'no error';
  } catch (err) {
    if (err instanceof BrigadeError) return err.code;
    throw err;
  }
}

describe('PIN sign-in', () => {
  it('signs staff in with their PIN and out again', () => {
    const { sessionToken, staff } = t.store.auth.signIn(pos.deviceId, CASHIER.pin);
    expect(staff).toEqual({ id: CASHIER.id, name: CASHIER.name, role: 'cashier' });
    expect(t.store.auth.authenticateSession(sessionToken, pos.deviceId).id).toBe(CASHIER.id);
    t.store.auth.signOut(sessionToken);
    expect(codeOf(() => t.store.auth.authenticateSession(sessionToken, pos.deviceId))).toBe('STAFF_SIGN_IN_REQUIRED');
  });

  it('stores neither PINs nor tokens in the clear', () => {
    const { sessionToken } = t.store.auth.signIn(pos.deviceId, MANAGER.pin);
    const dump = JSON.stringify([t.store.db.prepare('SELECT * FROM staff').all(), t.store.db.prepare('SELECT * FROM staff_sessions').all(), t.store.db.prepare('SELECT * FROM devices').all()]);
    expect(dump).not.toContain(sessionToken);
    expect(dump).not.toContain(pos.deviceToken);
    expect(dump).not.toMatch(new RegExp(`"${MANAGER.pin}"`));
  });

  it('locks PIN entry on a screen after five wrong PINs, for a minute', () => {
    for (let i = 1; i < MAX_PIN_FAILURES; i++) expect(codeOf(() => t.store.auth.signIn(pos.deviceId, '0000'))).toBe('PIN_INVALID');
    expect(codeOf(() => t.store.auth.signIn(pos.deviceId, '0000'))).toBe('PIN_LOCKED');
    // Even the right PIN is refused while locked.
    expect(codeOf(() => t.store.auth.signIn(pos.deviceId, CASHIER.pin))).toBe('PIN_LOCKED');
    // Another screen is not locked.
    const other = t.store.auth.claimSetupCode(t.store.auth.createSetupCode('pos'), 'Bar POS');
    expect(codeOf(() => t.store.auth.signIn(other.deviceId, CASHIER.pin))).toBe('no error');
    t.clock.advance(PIN_LOCK_MS - 1000);
    expect(codeOf(() => t.store.auth.signIn(pos.deviceId, CASHIER.pin))).toBe('PIN_LOCKED');
    t.clock.advance(2000);
    expect(codeOf(() => t.store.auth.signIn(pos.deviceId, CASHIER.pin))).toBe('no error');
  });

  it('refuses malformed PINs, screens that are not a POS and unknown screens', () => {
    expect(codeOf(() => t.store.auth.signIn(pos.deviceId, 'abcd'))).toBe('PIN_INVALID');
    const kds = t.store.auth.claimSetupCode(t.store.auth.createSetupCode('kds', { stationId: 'grill' }), 'Grill');
    expect(codeOf(() => t.store.auth.signIn(kds.deviceId, CASHIER.pin))).toBe('WRONG_DEVICE_ROLE');
    expect(codeOf(() => t.store.auth.signIn('0190a000-0000-7000-8000-0000000000ff', CASHIER.pin))).toBe('DEVICE_NOT_PAIRED');
  });

  it('expires sessions after twelve hours and binds them to their screen', () => {
    const { sessionToken } = t.store.auth.signIn(pos.deviceId, CASHIER.pin);
    const other = t.store.auth.claimSetupCode(t.store.auth.createSetupCode('pos'), 'Bar POS');
    expect(codeOf(() => t.store.auth.authenticateSession(sessionToken, other.deviceId))).toBe('STAFF_SIGN_IN_REQUIRED');
    t.clock.advance(SESSION_TTL_MS - 1000);
    expect(codeOf(() => t.store.auth.authenticateSession(sessionToken, pos.deviceId))).toBe('no error');
    t.clock.advance(2000);
    expect(codeOf(() => t.store.auth.authenticateSession(sessionToken, pos.deviceId))).toBe('STAFF_SIGN_IN_REQUIRED');
  });
});

describe('screens', () => {
  it('refuses unknown tokens and revoked screens', async () => {
    expect(codeOf(() => t.store.auth.authenticateDevice('nonsense'))).toBe('DEVICE_NOT_PAIRED');
    expect(codeOf(() => t.store.auth.authenticateDevice(''))).toBe('DEVICE_NOT_PAIRED');
    const { sessionToken } = t.store.auth.signIn(pos.deviceId, CASHIER.pin);
    const manager = { deviceId: null, deviceRole: 'system' as const, stationId: null, staff: null };
    await t.store.execute('device.revoke', '0190a000-0000-7000-8000-0000000000aa', { deviceId: pos.deviceId }, manager);
    expect(codeOf(() => t.store.auth.authenticateDevice(pos.deviceToken))).toBe('DEVICE_REVOKED');
    expect(codeOf(() => t.store.auth.authenticateSession(sessionToken, pos.deviceId))).toBe('STAFF_SIGN_IN_REQUIRED');
    expect(codeOf(() => t.store.auth.signIn(pos.deviceId, CASHIER.pin))).toBe('DEVICE_REVOKED');
  });

  it('uses a setup code once, unless it is the reusable demo code', () => {
    const once = t.store.auth.createSetupCode('kiosk');
    expect(t.store.auth.claimSetupCode(once, 'Kiosk 1').role).toBe('kiosk');
    expect(codeOf(() => t.store.auth.claimSetupCode(once, 'Kiosk 2'))).toBe('PAIRING_CODE_INVALID');
    expect(codeOf(() => t.store.auth.claimSetupCode('not-a-code', 'Kiosk 3'))).toBe('PAIRING_CODE_INVALID');
    const reusable = t.store.auth.createSetupCode('pos', { reusable: true });
    const a = t.store.auth.claimSetupCode(reusable, 'Demo A');
    const b = t.store.auth.claimSetupCode(reusable, 'Demo B');
    expect(a.deviceId).not.toBe(b.deviceId);
    expect(t.store.auth.activeSetupCodes().map((c) => c.code)).toContain(reusable);
    expect(t.store.auth.activeSetupCodes().map((c) => c.code)).not.toContain(once);
  });

  it('creates the appliance\'s own setup code on first start only', () => {
    const code = t.store.bootSetupCode;
    expect(code).toBeTruthy();
    t.reopen();
    expect(t.store.bootSetupCode).toBeNull();
    expect(t.store.auth.claimSetupCode(code ?? '', 'Appliance screen').role).toBe('pos');
  });
});

describe('pairing by code', () => {
  it('runs the whole flow: request, pending poll, manager approval, token on the next poll', async () => {
    const events: number[] = [];
    t.store.onEvents((list) => list.forEach((e) => e.type === 'device.pairing' && events.push(e.pending)));
    const request = t.store.auth.createPairingRequest('Kiosk by the door');
    expect(request.code).toMatch(/^[0-9]{6}$/);
    expect(Date.parse(request.expiresAt) - t.clock.now().getTime()).toBe(PAIRING_TTL_MS);
    expect(t.store.auth.pollPairing(request.requestId, request.pollToken)).toEqual({ status: 'pending' });
    expect(codeOf(() => t.store.auth.pollPairing(request.requestId, 'wrong-token'))).toBe('PAIRING_CODE_INVALID');
    expect(t.store.queries.pendingPairings().map((p) => p.name)).toEqual(['Kiosk by the door']);
    await t.store.execute('device.approve', '0190a000-0000-7000-8000-0000000000bb', { code: request.code, role: 'kiosk', name: 'Door kiosk' }, {
      deviceId: pos.deviceId, deviceRole: 'pos', stationId: null, staff: { id: MANAGER.id, name: MANAGER.name, role: 'manager' },
    });
    const poll = t.store.auth.pollPairing(request.requestId, request.pollToken);
    if (poll.status !== 'approved') throw new Error(`expected approval, got ${poll.status}`);
    expect(t.store.auth.authenticateDevice(poll.deviceToken)).toMatchObject({ id: poll.deviceId, role: 'kiosk', name: 'Door kiosk' });
    expect(events).toEqual([1, 0]);
  });

  it('expires a request nobody approved after ten minutes', async () => {
    const request = t.store.auth.createPairingRequest('Late screen');
    t.clock.advance(PAIRING_TTL_MS + 1);
    expect(t.store.auth.pollPairing(request.requestId, request.pollToken)).toEqual({ status: 'expired' });
    expect(t.store.queries.pendingPairings()).toEqual([]);
    // A day later the stale request is cleared away when another screen asks.
    t.clock.advance(24 * 60 * 60 * 1000);
    t.store.auth.createPairingRequest('Next screen');
    expect(codeOf(() => t.store.auth.pollPairing(request.requestId, request.pollToken))).toBe('PAIRING_CODE_INVALID');
    const system = { deviceId: null, deviceRole: 'system' as const, stationId: null, staff: null };
    await expect(t.store.execute('device.approve', '0190a000-0000-7000-8000-0000000000cc', { code: request.code, role: 'kds', name: 'x' }, system))
      .rejects.toMatchObject({ code: 'PAIRING_CODE_INVALID' });
  });

  it('gives pending requests distinct codes and refuses a nameless screen', () => {
    const codes = new Set(Array.from({ length: 30 }, (_, i) => t.store.auth.createPairingRequest(`Screen ${i}`).code));
    expect(codes.size).toBe(30);
    expect(codeOf(() => t.store.auth.createPairingRequest('   '))).toBe('VALIDATION_FAILED');
  });
});

describe('staff directory', () => {
  it('adds staff who can then sign in, and refuses a PIN someone else uses', () => {
    const added = t.store.staff.upsert({ name: 'Sam Server', role: 'cashier', pin: '2468' });
    expect(t.store.auth.signIn(pos.deviceId, '2468').staff).toEqual({ id: added.id, name: 'Sam Server', role: 'cashier' });
    expect(codeOf(() => t.store.staff.upsert({ name: 'Copy Cat', role: 'cashier', pin: CASHIER.pin }))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => t.store.staff.upsert({ name: 'No Pin', role: 'cashier' }))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => t.store.staff.upsert({ name: 'Bad Pin', role: 'cashier', pin: '12' }))).toBe('VALIDATION_FAILED');
    expect(t.store.staff.list().map((s) => s.name)).not.toContain('Copy Cat');
  });

  it('stops accepting an old PIN as soon as it is changed', () => {
    expect(t.store.auth.signIn(pos.deviceId, CASHIER.pin).staff.id).toBe(CASHIER.id);
    t.store.staff.upsert({ id: CASHIER.id, name: CASHIER.name, role: 'cashier', pin: '5757' });
    expect(codeOf(() => t.store.auth.signIn(pos.deviceId, CASHIER.pin))).toBe('PIN_INVALID');
    expect(t.store.auth.signIn(pos.deviceId, '5757').staff.id).toBe(CASHIER.id);
  });

  it('deactivating someone ends their sign-in and frees their PIN', () => {
    const { sessionToken } = t.store.auth.signIn(pos.deviceId, CASHIER.pin);
    t.store.staff.upsert({ id: CASHIER.id, name: CASHIER.name, role: 'cashier', active: false });
    expect(codeOf(() => t.store.auth.authenticateSession(sessionToken, pos.deviceId))).toBe('STAFF_SIGN_IN_REQUIRED');
    expect(codeOf(() => t.store.auth.signIn(pos.deviceId, CASHIER.pin))).toBe('PIN_INVALID');
    expect(codeOf(() => t.store.staff.upsert({ name: 'New Hire', role: 'manager', pin: CASHIER.pin }))).toBe('no error');
  });
});
