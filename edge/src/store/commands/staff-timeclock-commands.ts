/**
 * The time clock: clock in and out and breaks by PIN on any paired POS or kitchen screen,
 * offline like everything else; a manager corrects a punch, keeping the original time.
 */
import { and, desc, eq, gt, lt } from 'drizzle-orm';
import { BrigadeError, type StaffId, allowedPunches, clockStateAfter } from '@brigade/sync/model';
import { pinAttempts, timePunches } from '@brigade/sync/schema/sqlite';
import { businessDayOf, iso } from '../clock';
import { defineCommand } from '../command-registry';
import type { CommandContext } from '../command-tx';
import { MAX_PIN_FAILURES, PIN_LOCK_MS } from '../staff-auth';
import type { Orm } from '../store-context';
import { pushPunch } from './staff-cash-push';

/**
 * The time clock takes a PIN with nobody signed in, so it counts wrong PINs with sign-in's
 * counter for the screen: five wrong PINs there, in either place, lock both for a minute.
 * The counter is written even though the punch is refused, as sign-in does.
 */
function findPuncher(ctx: CommandContext, pin: string): { id: string; name: string } {
  const deviceId = ctx.actor.deviceId;
  const now = iso(ctx.at);
  const attempts = deviceId === null ? undefined : ctx.store.orm.select().from(pinAttempts).where(eq(pinAttempts.deviceId, deviceId)).get();
  if (attempts?.lockedUntil && attempts.lockedUntil > now) {
    throw new BrigadeError('PIN_LOCKED', undefined, { retryAfterSeconds: Math.ceil((Date.parse(attempts.lockedUntil) - ctx.at.getTime()) / 1000) });
  }
  const found = ctx.store.pins.find(pin);
  if (found) return { id: found.id, name: found.name };
  if (deviceId !== null) {
    const failures = (attempts?.lockedUntil ? 0 : (attempts?.failures ?? 0)) + 1;
    const locked = failures >= MAX_PIN_FAILURES;
    const values = { failures: locked ? 0 : failures, lockedUntil: locked ? iso(new Date(ctx.at.getTime() + PIN_LOCK_MS)) : null, updatedAt: now };
    ctx.store.orm.insert(pinAttempts).values({ deviceId, ...values }).onConflictDoUpdate({ target: pinAttempts.deviceId, set: values }).run();
    if (locked) throw new BrigadeError('PIN_LOCKED');
  }
  throw new BrigadeError('PIN_INVALID');
}

function lastPunch(orm: Orm, staffId: string): typeof timePunches.$inferSelect | undefined {
  return orm.select().from(timePunches).where(eq(timePunches.staffId, staffId)).orderBy(desc(timePunches.at), desc(timePunches.id)).limit(1).get();
}

export const timeclockPunch = defineCommand<'timeclock.punch', { id: string; name: string }>({
  name: 'timeclock.punch',
  roles: ['pos', 'kds'],
  needsStaff: false,
  needsManager: false,
  // Finding a PIN's owner hashes it per member of staff: done before the write lock is taken.
  prepare(ctx, args) {
    try {
      return Promise.resolve(findPuncher(ctx, args.pin));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  },
  run(tx, ctx, args, person) {
    if (tx.orm.select({ id: timePunches.id }).from(timePunches).where(eq(timePunches.id, args.punchId)).get()) {
      throw new BrigadeError('VALIDATION_FAILED', 'A punch with this id already exists.', { punchId: args.punchId });
    }
    const state = clockStateAfter(lastPunch(tx.orm, person.id)?.kind ?? null);
    if (!allowedPunches(state).includes(args.kind)) {
      throw new BrigadeError(args.kind === 'clock_in' ? 'ALREADY_CLOCKED_IN' : 'PUNCH_OUT_OF_ORDER', undefined, { state, kind: args.kind });
    }
    const row = ctx.store.storeRow();
    const businessDay = businessDayOf(ctx.at, row.timezone, row.businessDayEndHour);
    tx.orm.insert(timePunches).values({
      id: args.punchId, staffId: person.id, kind: args.kind, at: tx.now, businessDay, deviceId: ctx.actor.deviceId, createdAt: tx.now,
    }).run();
    // Audited as the person punching, whoever is signed in on the screen.
    tx.audit('timeclock.punch', { detail: { punchId: args.punchId, staffId: person.id, kind: args.kind, at: tx.now, businessDay } });
    pushPunch(tx, args.punchId);
    return { punchId: args.punchId, staff: { id: person.id as StaffId, name: person.name }, kind: args.kind, at: tx.now, state: clockStateAfter(args.kind) };
  },
});

export const timeclockCorrect = defineCommand({
  name: 'timeclock.correct',
  roles: ['pos'],
  needsStaff: true,
  needsManager: true,
  run(tx, ctx, args) {
    const punch = tx.orm.select().from(timePunches).where(eq(timePunches.id, args.punchId)).get();
    if (!punch) throw new BrigadeError('PUNCH_NOT_FOUND', undefined, { punchId: args.punchId });
    const at = new Date(args.at);
    if (Number.isNaN(at.getTime())) throw new BrigadeError('VALIDATION_FAILED', 'That is not a time.', { field: 'at' });
    if (at.getTime() > ctx.at.getTime()) throw new BrigadeError('PUNCH_OUT_OF_ORDER', 'A punch cannot be moved into the future.', { at: args.at });
    const newAt = iso(at);
    // The corrected punch must stay between its neighbours, or the shift would stop making sense.
    const before = tx.orm.select().from(timePunches).where(and(eq(timePunches.staffId, punch.staffId), lt(timePunches.at, punch.at)))
      .orderBy(desc(timePunches.at)).limit(1).get();
    const after = tx.orm.select().from(timePunches).where(and(eq(timePunches.staffId, punch.staffId), gt(timePunches.at, punch.at)))
      .orderBy(timePunches.at).limit(1).get();
    if ((before && before.at >= newAt) || (after && after.at <= newAt)) {
      throw new BrigadeError('PUNCH_OUT_OF_ORDER', 'The new time would pass the punch before or after it.', { at: newAt });
    }
    tx.orm.update(timePunches).set({
      at: newAt, originalAt: punch.originalAt ?? punch.at, correctedBy: ctx.approvedBy, correctedAt: tx.now, correctionReason: args.reason,
    }).where(eq(timePunches.id, punch.id)).run();
    tx.audit('timeclock.correct', { detail: { punchId: punch.id, staffId: punch.staffId, kind: punch.kind, from: punch.at, to: newAt, reason: args.reason } });
    pushPunch(tx, punch.id);
    return { punchId: punch.id, at: newAt, originalAt: punch.originalAt ?? punch.at };
  },
});
