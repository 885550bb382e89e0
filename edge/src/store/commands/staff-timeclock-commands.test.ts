/** The time clock: punches by PIN on POS and kitchen screens, no double clock-in, corrections audited. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DeviceId, newId } from '@brigade/sync/model';
import { type TestStore, actors, openTestStore } from '../test-support';
import { ROLE_PINS, type RoleActors, expectRefusedHere, run, staffForEveryRole } from './staff-cash-test-kit';

let t: TestStore;
let staff: RoleActors;
const kds = { deviceId: newId<DeviceId>(), deviceRole: 'kds', stationId: 'grill', staff: null } as const;

beforeEach(() => {
  t = openTestStore();
  staff = staffForEveryRole(t.store);
});
afterEach(() => t.cleanup());

const punch = (kind: string, pin: string = ROLE_PINS.server, actor: Parameters<typeof run>[3] = actors.posNoStaff) =>
  run(t.store, 'timeclock.punch', { punchId: newId(), kind, pin }, actor);

describe('timeclock.punch', () => {
  it('clocks in and out with breaks from a POS with nobody signed in and from a kitchen screen', async () => {
    const first = await punch('clock_in');
    expect(first).toMatchObject({ kind: 'clock_in', state: 'in', staff: { id: staff.server.staff.id } });
    t.clock.advance(2 * 3600_000);
    await punch('break_start', ROLE_PINS.server, kds);
    t.clock.advance(30 * 60_000);
    await punch('break_end', ROLE_PINS.server, kds);
    t.clock.advance(60 * 60_000);
    await punch('clock_out');
    const rows = t.store.db.prepare('SELECT kind, staff_id AS staffId, device_id AS deviceId FROM time_punches ORDER BY at').all();
    expect(rows).toEqual([
      { kind: 'clock_in', staffId: staff.server.staff.id, deviceId: actors.posNoStaff.deviceId },
      { kind: 'break_start', staffId: staff.server.staff.id, deviceId: kds.deviceId },
      { kind: 'break_end', staffId: staff.server.staff.id, deviceId: kds.deviceId },
      { kind: 'clock_out', staffId: staff.server.staff.id, deviceId: actors.posNoStaff.deviceId },
    ]);
    const [shift] = t.store.staffCash.shifts();
    expect(shift).toMatchObject({ staffId: staff.server.staff.id, state: 'out', workedMinutes: 180 });
    expect(shift?.breaks).toHaveLength(1);
    // Each punch is audited and goes up to the cloud with it.
    expect(t.store.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'timeclock.punch'").get()).toEqual({ n: 4 });
    expect(t.store.db.prepare("SELECT count(*) AS n FROM outbox WHERE name = 'audit.append' AND args LIKE '%timeclock.punch%'").get()).toEqual({ n: 4 });
  });

  it('refuses a second clock-in, and punches out of order, writing nothing', async () => {
    await expectRefusedHere(t.store, 'PUNCH_OUT_OF_ORDER', 'timeclock.punch', { punchId: newId(), kind: 'clock_out', pin: ROLE_PINS.server }, actors.posNoStaff);
    await expectRefusedHere(t.store, 'PUNCH_OUT_OF_ORDER', 'timeclock.punch', { punchId: newId(), kind: 'break_end', pin: ROLE_PINS.server }, actors.posNoStaff);
    await punch('clock_in');
    await expectRefusedHere(t.store, 'ALREADY_CLOCKED_IN', 'timeclock.punch', { punchId: newId(), kind: 'clock_in', pin: ROLE_PINS.server }, kds);
    await punch('break_start');
    await expectRefusedHere(t.store, 'PUNCH_OUT_OF_ORDER', 'timeclock.punch', { punchId: newId(), kind: 'clock_out', pin: ROLE_PINS.server }, actors.posNoStaff);
  });

  it('refuses a wrong PIN, a kiosk, and bad arguments', async () => {
    await expectRefusedHere(t.store, 'PIN_INVALID', 'timeclock.punch', { punchId: newId(), kind: 'clock_in', pin: '4321' }, actors.posNoStaff);
    await expectRefusedHere(t.store, 'WRONG_DEVICE_ROLE', 'timeclock.punch', { punchId: newId(), kind: 'clock_in', pin: ROLE_PINS.server }, actors.kiosk);
    await expectRefusedHere(t.store, 'VALIDATION_FAILED', 'timeclock.punch', { punchId: newId(), kind: 'lunch', pin: ROLE_PINS.server }, actors.posNoStaff);
    await expectRefusedHere(t.store, 'VALIDATION_FAILED', 'timeclock.punch', { punchId: 'nope', kind: 'clock_in', pin: ROLE_PINS.server }, actors.posNoStaff);
    await expectRefusedHere(t.store, 'VALIDATION_FAILED', 'timeclock.punch', { punchId: newId(), kind: 'clock_in', pin: '12' }, actors.posNoStaff);
  });

  it('locks the time clock on a screen after five wrong PINs, as sign-in does', async () => {
    for (let i = 1; i < 5; i++) {
      await expectRefusedHere(t.store, 'PIN_INVALID', 'timeclock.punch', { punchId: newId(), kind: 'clock_in', pin: '4321' }, kds);
    }
    const fifth = await t.store.execute('timeclock.punch', newId(), { punchId: newId(), kind: 'clock_in', pin: '4321' }, kds).then(() => null, (e: unknown) => e);
    expect((fifth as { code?: string }).code).toBe('PIN_LOCKED');
    // Locked now even for the right PIN, and no punch was written.
    await expectRefusedHere(t.store, 'PIN_LOCKED', 'timeclock.punch', { punchId: newId(), kind: 'clock_in', pin: ROLE_PINS.server }, kds);
    // Another screen is not locked, and the lock ends after a minute.
    await punch('clock_in');
    t.clock.advance(61_000);
    await punch('break_start', ROLE_PINS.server, kds);
    expect(t.store.db.prepare('SELECT count(*) AS n FROM time_punches').get()).toEqual({ n: 2 });
  });

  it('applies a repeated punch once and keeps the PIN out of the command log', async () => {
    const commandId = newId();
    const args = { punchId: newId(), kind: 'clock_in', pin: ROLE_PINS.server };
    await t.store.execute('timeclock.punch', commandId, args, actors.posNoStaff);
    const again = await t.store.execute('timeclock.punch', commandId, args, actors.posNoStaff);
    expect(again.replayed).toBe(true);
    expect(t.store.db.prepare('SELECT count(*) AS n FROM time_punches').get()).toEqual({ n: 1 });
    const logged = t.store.db.prepare('SELECT result FROM commands WHERE command_id = ?').get(commandId) as { result: string };
    expect(logged.result).not.toContain(ROLE_PINS.server);
  });
});

describe('timeclock.correct', () => {
  it('moves a punch, keeps the original time and audits who approved it', async () => {
    const { punchId, at } = await punch('clock_in') as { punchId: string; at: string };
    t.clock.advance(3600_000);
    await punch('clock_out');
    const earlier = new Date(Date.parse(at) - 15 * 60_000).toISOString();
    const commandId = newId();
    await t.store.execute('timeclock.correct', commandId, { punchId, at: earlier, reason: 'Forgot to clock in', managerPin: ROLE_PINS.manager }, staff.cashier);
    const row = t.store.db.prepare('SELECT at, original_at AS originalAt, corrected_by AS correctedBy FROM time_punches WHERE id = ?').get(punchId);
    expect(row).toEqual({ at: earlier, originalAt: at, correctedBy: staff.manager.staff.id });
    const audit = t.store.db.prepare('SELECT staff_id AS staffId, approved_by AS approvedBy FROM audit_log WHERE command_id = ?').get(commandId);
    expect(audit).toEqual({ staffId: staff.cashier.staff.id, approvedBy: staff.manager.staff.id });
    expect(t.store.staffCash.shifts()[0]?.workedMinutes).toBe(75);
  });

  it('refuses corrections that would reorder punches, move into the future, or name no punch', async () => {
    const { punchId, at } = await punch('clock_in') as { punchId: string; at: string };
    t.clock.advance(3600_000);
    const out = await punch('clock_out') as { punchId: string; at: string };
    const after = new Date(Date.parse(out.at) + 60_000).toISOString();
    await expectRefusedHere(t.store, 'PUNCH_OUT_OF_ORDER', 'timeclock.correct', { punchId, at: after, reason: 'x' }, staff.manager);
    await expectRefusedHere(t.store, 'PUNCH_OUT_OF_ORDER', 'timeclock.correct', { punchId: out.punchId, at, reason: 'x' }, staff.manager);
    await expectRefusedHere(t.store, 'PUNCH_OUT_OF_ORDER', 'timeclock.correct', { punchId, at: '2099-01-01T00:00:00.000Z', reason: 'x' }, staff.manager);
    await expectRefusedHere(t.store, 'PUNCH_NOT_FOUND', 'timeclock.correct', { punchId: newId(), at, reason: 'x' }, staff.manager);
    await expectRefusedHere(t.store, 'VALIDATION_FAILED', 'timeclock.correct', { punchId, at: 'yesterday', reason: 'x' }, staff.manager);
    await expectRefusedHere(t.store, 'VALIDATION_FAILED', 'timeclock.correct', { punchId, at, reason: '' }, staff.manager);
    await expectRefusedHere(t.store, 'MANAGER_APPROVAL_REQUIRED', 'timeclock.correct', { punchId, at, reason: 'x' }, staff.bartender);
  });
});
