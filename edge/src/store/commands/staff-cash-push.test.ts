/**
 * The staff and cash outbox rows: each drawer change queues the whole session with a version
 * one higher, punches and corrections queue the punch, a Z queues its report; every row passes
 * the cloud's push schema, and a refused command queues nothing.
 */
import { Value } from 'typebox/value';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '@brigade/sync/model';
import { type DrawerSessionSnapshot, OutboxMutationSchema, type PushedPunch, type PushedZReport } from '@brigade/sync/protocol';
import { type TestStore, actors, createOrder, openTestStore } from '../test-support';
import { ROLE_PINS, type RoleActors, expectRefusedHere, run, staffForEveryRole } from './staff-cash-test-kit';

let t: TestStore;
let staff: RoleActors;

beforeEach(() => {
  t = openTestStore();
  staff = staffForEveryRole(t.store, actors.cashier.deviceId);
});
afterEach(() => t.cleanup());

function queued<T>(name: string): T[] {
  const rows = t.store.db.prepare('SELECT seq, mutation_id AS mutationId, name, args, created_at AS createdAt FROM outbox WHERE name = ? ORDER BY seq').all(name) as
    { seq: number; mutationId: string; name: string; args: string; createdAt: string }[];
  for (const row of rows) {
    const wire = { ...row, args: JSON.parse(row.args) as unknown };
    expect(Value.Check(OutboxMutationSchema, wire), `${name} #${row.seq} fits the push schema`).toBe(true);
  }
  return rows.map((r) => JSON.parse(r.args) as T);
}

describe('drawer.session in the outbox', () => {
  it('queues the whole session on open, pay-in, no-sale and close, one version higher each time', async () => {
    const sessionId = newId();
    await run(t.store, 'drawer.openSession', { sessionId, amount: 15_000 }, staff.cashier);
    t.clock.advance(60_000);
    await run(t.store, 'drawer.payIn', { movementId: newId(), amount: 2_500, reason: 'change from bank' }, staff.manager);
    const order = await createOrder(t.store);
    await t.store.execute('payment.capture', newId(), { orderId: order.id, paymentId: newId(), tender: 'cash', amount: order.totals.total, tendered: order.totals.total }, staff.cashier);
    t.clock.advance(60_000);
    await run(t.store, 'drawer.open', { reason: 'customer change', managerPin: ROLE_PINS.manager }, staff.cashier);
    t.clock.advance(60_000);
    // Float, the pay-in and the sale: 15000 + 2500 + total; counted 75 cents over.
    const expected = 15_000 + 2_500 + order.totals.total;
    await run(t.store, 'drawer.closeSession', { sessionId, amount: expected + 75 }, staff.cashier);

    const pushed = queued<{ session: DrawerSessionSnapshot; version: number }>('drawer.session');
    expect(pushed.map((p) => [p.version, p.session.status])).toEqual([[1, 'open'], [2, 'open'], [3, 'open'], [4, 'closed']]);
    const last = pushed.at(-1)?.session;
    expect(last).toMatchObject({
      id: sessionId, float: 15_000, expected, counted: expected + 75, overShort: 75, openedBy: staff.cashier.staff.id, closedBy: staff.cashier.staff.id,
      cash: { sales: order.totals.total, salesCount: 1, refunds: 0, refundsCount: 0, payIns: 2_500, payOuts: 0, drops: 0, movementCount: 1 },
    });
    expect(last?.movements.map((m) => [m.kind, m.amount, m.reason, m.approvedBy])).toEqual([['pay_in', 2_500, 'change from bank', staff.manager.staff.id]]);
    expect(last?.noSales.map((n) => [n.reason, n.staffId, n.approvedBy])).toEqual([['customer change', staff.cashier.staff.id, staff.manager.staff.id]]);
    expect(last?.names[staff.cashier.staff.id]).toBe(staff.cashier.staff.name);
    // Blind while open: no count and no over/short travel before the close.
    expect(pushed[1]?.session).toMatchObject({ counted: null, overShort: null, expected: 15_000 + 2_500 });
    // The no-sale's snapshot carries the cash sale taken before it.
    expect(pushed[2]?.session).toMatchObject({ counted: null, overShort: null, expected, cash: { salesCount: 1 } });
  });

  it('queues nothing for a refused movement or close', async () => {
    const sessionId = newId();
    await run(t.store, 'drawer.openSession', { sessionId, amount: 1_000 }, staff.cashier);
    await expectRefusedHere(t.store, 'CASH_COUNT_INVALID', 'drawer.payOut', { movementId: newId(), amount: 5_000, reason: 'too much' }, staff.manager);
    await expectRefusedHere(t.store, 'CASH_COUNT_INVALID', 'drawer.closeSession', { sessionId, amount: 100, denominations: [{ value: 100, count: 1 }] }, staff.cashier);
    expect(queued('drawer.session')).toHaveLength(1);
  });
});

describe('timeclock.punch and report.z in the outbox', () => {
  it('queues each punch, and a correction again with its original time', async () => {
    const punchId = newId();
    await run(t.store, 'timeclock.punch', { punchId, kind: 'clock_in', pin: ROLE_PINS.server }, actors.posNoStaff);
    t.clock.advance(3_600_000);
    await run(t.store, 'timeclock.correct', { punchId, at: '2026-03-10T14:45:00.000Z', reason: 'forgot', managerPin: ROLE_PINS.manager }, staff.cashier);
    const pushed = queued<PushedPunch>('timeclock.punch');
    expect(pushed.map((p) => [p.id, p.kind, p.at, p.originalAt, p.correctedBy])).toEqual([
      [punchId, 'clock_in', '2026-03-10T15:00:00.000Z', null, null],
      [punchId, 'clock_in', '2026-03-10T14:45:00.000Z', '2026-03-10T15:00:00.000Z', staff.manager.staff.id],
    ]);
    expect(pushed[0]?.staffName).toBe(staff.server.staff.name);
    expect(pushed[1]?.correctedAt).toBe('2026-03-10T16:00:00.000Z');
  });

  it('queues the Z with the figures it printed', async () => {
    const order = await createOrder(t.store);
    await t.store.execute('payment.capture', newId(), { orderId: order.id, paymentId: newId(), tender: 'card', amount: order.totals.total, tip: 200 }, staff.cashier);
    t.clock.advance(60_000);
    const reportId = newId();
    await run(t.store, 'report.closeDay', { reportId }, staff.manager);
    const [z] = queued<PushedZReport>('report.z');
    expect(z).toMatchObject({ id: reportId, sequence: 1, closedBy: staff.manager.staff.id, closedByName: staff.manager.staff.name });
    expect(z?.report.tenders).toEqual([{ tender: 'card', count: 1, amount: order.totals.total, tips: 200, refunded: 0 }]);
    expect(z?.report.payments).toBe(order.totals.total);
    // Its audit entry keeps the headline figures only, and every queued row fits the push schema.
    const audits = queued<{ action: string; detail: Record<string, unknown> }>('audit.append').filter((a) => a.action === 'report.closeDay');
    expect(audits).toHaveLength(1);
    expect(audits[0]?.detail).toMatchObject({ reportId, sequence: 1, payments: order.totals.total });
    expect(audits[0]?.detail).not.toHaveProperty('report');
  });
});
