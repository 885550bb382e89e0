/**
 * Drawer sessions: a terminal's drawer opens with a float, takes that terminal's cash sales
 * and refunds (`recordDrawerCash`, called by the payment commands), pay-ins, pay-outs and
 * drops, and closes with a blind count: the result shows over/short only after the count.
 */
import { and, eq } from 'drizzle-orm';
import { BrigadeError, type DrawerMovementKind, denominationTotal, expectedCash } from '@brigade/sync/model';
import { drawerMovements, drawerSessions } from '@brigade/sync/schema/sqlite';
import { businessDayOf } from '../clock';
import { defineCommand } from '../command-registry';
import type { CommandContext, CommandTx } from '../command-tx';
import type { Orm } from '../store-context';
import { pushDrawerSession } from './staff-cash-push';

type SessionRow = typeof drawerSessions.$inferSelect;
interface CashCount {
  amount?: number;
  denominations?: { value: number; count: number }[];
}

/** One amount from a count given as an amount or by denomination (exactly one of them). */
function countedAmount(count: CashCount): { amount: number; denominations: string | null } {
  if ((count.amount === undefined) === (count.denominations === undefined)) {
    throw new BrigadeError('CASH_COUNT_INVALID', 'Give the cash as one amount or by denomination, not both.');
  }
  if (count.denominations) {
    const values = count.denominations.map((d) => d.value);
    if (new Set(values).size !== values.length) throw new BrigadeError('CASH_COUNT_INVALID', 'Each denomination once, please.');
    const amount = denominationTotal(count.denominations);
    if (amount > 100_000_000) throw new BrigadeError('CASH_COUNT_INVALID', 'That count is too large.');
    return { amount, denominations: JSON.stringify(count.denominations) };
  }
  return { amount: count.amount ?? 0, denominations: null };
}

export function openSessionOf(orm: Orm, deviceId: string | null): SessionRow | undefined {
  if (deviceId === null) return undefined;
  return orm.select().from(drawerSessions).where(and(eq(drawerSessions.deviceId, deviceId), eq(drawerSessions.status, 'open'))).get();
}

export function movementsOf(orm: Orm, sessionId: string): (typeof drawerMovements.$inferSelect)[] {
  return orm.select().from(drawerMovements).where(eq(drawerMovements.sessionId, sessionId)).orderBy(drawerMovements.createdAt).all();
}

/**
 * Cash that a payment command moved through this terminal's drawer. Without an open session
 * the cash is still a payment row (the Z report shows it as outside any session); refusing
 * the sale would stop a store from selling because nobody counted a float.
 */
export function recordDrawerCash(
  tx: CommandTx, ctx: CommandContext, cash: { kind: 'sale' | 'refund'; amount: number; paymentId: string; refundId?: string },
): string | null {
  const session = openSessionOf(tx.orm, ctx.actor.deviceId);
  if (!session || cash.amount <= 0) return null;
  tx.orm.insert(drawerMovements).values({
    id: cash.refundId ?? cash.paymentId, sessionId: session.id, kind: cash.kind, amount: cash.amount, reason: null,
    paymentId: cash.paymentId, refundId: cash.refundId ?? null, staffId: ctx.actor.staff?.id ?? null, approvedBy: ctx.approvedBy, createdAt: tx.now,
  }).run();
  return session.id;
}

export const drawerOpenSession = defineCommand({
  name: 'drawer.openSession',
  roles: ['pos'],
  needsStaff: true,
  needsManager: false,
  run(tx, ctx, args) {
    const deviceId = ctx.actor.deviceId;
    if (deviceId === null) throw new BrigadeError('WRONG_DEVICE_ROLE', 'A drawer belongs to a POS terminal.');
    const float = countedAmount(args);
    const open = openSessionOf(tx.orm, deviceId);
    if (open) throw new BrigadeError('DRAWER_SESSION_OPEN', undefined, { sessionId: open.id });
    if (tx.orm.select({ id: drawerSessions.id }).from(drawerSessions).where(eq(drawerSessions.id, args.sessionId)).get()) {
      throw new BrigadeError('VALIDATION_FAILED', 'A drawer session with this id already exists.', { sessionId: args.sessionId });
    }
    const store = ctx.store.storeRow();
    const businessDay = businessDayOf(ctx.at, store.timezone, store.businessDayEndHour);
    tx.orm.insert(drawerSessions).values({
      id: args.sessionId, deviceId, businessDay, status: 'open', openedBy: ctx.actor.staff?.id ?? null, openedAt: tx.now,
      float: float.amount, floatDenominations: float.denominations,
    }).run();
    tx.printJob({ idemKey: `drawer:session:${args.sessionId}`, printerRole: 'receipt', payload: { kind: 'drawer', reason: 'float' } });
    tx.audit('drawer.openSession', { detail: { sessionId: args.sessionId, deviceId, float: float.amount, businessDay } });
    pushDrawerSession(tx, args.sessionId);
    return { sessionId: args.sessionId, float: float.amount, openedAt: tx.now };
  },
});

function movementCommand(name: 'drawer.payIn' | 'drawer.payOut' | 'drawer.drop', kind: DrawerMovementKind) {
  return defineCommand({
    name,
    roles: ['pos'],
    needsStaff: true,
    needsManager: true,
    run(tx, ctx, args) {
      const session = openSessionOf(tx.orm, ctx.actor.deviceId);
      if (!session) throw new BrigadeError('DRAWER_NOT_OPEN');
      if (tx.orm.select({ id: drawerMovements.id }).from(drawerMovements).where(eq(drawerMovements.id, args.movementId)).get()) {
        throw new BrigadeError('VALIDATION_FAILED', 'A drawer movement with this id already exists.', { movementId: args.movementId });
      }
      // Money cannot leave a drawer that does not hold it.
      const held = expectedCash(session.float, movementsOf(tx.orm, session.id));
      if (kind !== 'pay_in' && args.amount > held) throw new BrigadeError('CASH_COUNT_INVALID', 'The drawer does not hold that much cash.', { amount: args.amount });
      tx.orm.insert(drawerMovements).values({
        id: args.movementId, sessionId: session.id, kind, amount: args.amount, reason: args.reason, paymentId: null, refundId: null,
        staffId: ctx.actor.staff?.id ?? null, approvedBy: ctx.approvedBy, createdAt: tx.now,
      }).run();
      tx.printJob({ idemKey: `drawer:${kind}:${args.movementId}`, printerRole: 'receipt', payload: { kind: 'drawer', reason: kind.replace('_', ' ') } });
      tx.audit(name, { detail: { sessionId: session.id, movementId: args.movementId, kind, amount: args.amount, reason: args.reason } });
      pushDrawerSession(tx, session.id);
      return { sessionId: session.id, movementId: args.movementId, kind, amount: args.amount };
    },
  });
}

export const drawerPayIn = movementCommand('drawer.payIn', 'pay_in');
export const drawerPayOut = movementCommand('drawer.payOut', 'pay_out');
export const drawerDrop = movementCommand('drawer.drop', 'drop');

export const drawerCloseSession = defineCommand({
  name: 'drawer.closeSession',
  roles: ['pos'],
  needsStaff: true,
  needsManager: false,
  run(tx, ctx, args) {
    const counted = countedAmount(args);
    const session = tx.orm.select().from(drawerSessions).where(eq(drawerSessions.id, args.sessionId)).get();
    if (!session) throw new BrigadeError('DRAWER_SESSION_NOT_FOUND', undefined, { sessionId: args.sessionId });
    if (session.status !== 'open') throw new BrigadeError('DRAWER_NOT_OPEN', 'That drawer session is already closed.', { sessionId: args.sessionId });
    const expected = expectedCash(session.float, movementsOf(tx.orm, session.id));
    const overShort = counted.amount - expected;
    tx.orm.update(drawerSessions).set({
      status: 'closed', closedBy: ctx.actor.staff?.id ?? null, closedAt: tx.now, counted: counted.amount, countedDenominations: counted.denominations,
      expected, overShort,
    }).where(eq(drawerSessions.id, session.id)).run();
    tx.audit('drawer.closeSession', {
      detail: { sessionId: session.id, deviceId: session.deviceId, float: session.float, counted: counted.amount, expected, overShort, openedAt: session.openedAt },
    });
    pushDrawerSession(tx, session.id);
    return { sessionId: session.id, counted: counted.amount, expected, overShort };
  },
});
