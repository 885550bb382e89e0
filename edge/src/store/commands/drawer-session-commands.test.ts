/** Drawer sessions: float, cash in and out, blind close with over/short, and what is refused. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DeviceId, newId } from '@brigade/sync/model';
import { type TestStore, actors, createOrder, openTestStore } from '../test-support';
import type { Actor } from '../types';
import { ROLE_PINS, type RoleActors, expectRefusedHere, run, staffForEveryRole } from './staff-cash-test-kit';

let t: TestStore;
let staff: RoleActors;

beforeEach(() => {
  t = openTestStore();
  staff = staffForEveryRole(t.store, actors.cashier.deviceId);
});
afterEach(() => t.cleanup());

const open = (amount = 10_000, actor: Actor = staff.cashier) => run(t.store, 'drawer.openSession', { sessionId: newId(), amount }, actor);
const move = (name: string, amount: number, actor: Actor = staff.manager) => run(t.store, name, { movementId: newId(), amount, reason: 'test' }, actor);
const movements = () => t.store.db.prepare('SELECT kind, amount, payment_id AS paymentId FROM drawer_movements ORDER BY created_at, rowid').all();

describe('a drawer session', () => {
  it('collects the till\'s cash sales, refunds, pay-ins, pay-outs and drops, and closes blind with over/short', async () => {
    const { sessionId } = await run(t.store, 'drawer.openSession', {
      sessionId: newId(), denominations: [{ value: 2000, count: 4 }, { value: 500, count: 3 }, { value: 25, count: 20 }],
    }, staff.cashier) as { sessionId: string };
    const order = await createOrder(t.store);
    const paymentId = newId();
    await t.store.execute('payment.capture', newId(), { orderId: order.id, paymentId, tender: 'cash', amount: order.totals.total, tendered: 5000, tip: 100 }, staff.cashier);
    await t.store.execute('payment.refund', newId(), { orderId: order.id, paymentId, amount: 300, reason: 'cold', managerPin: ROLE_PINS.manager }, staff.cashier);
    await move('drawer.payIn', 1000);
    await move('drawer.payOut', 700);
    await move('drawer.drop', 5000);
    const payment = t.store.db.prepare('SELECT amount, tip FROM payments WHERE id = ?').get(paymentId) as { amount: number; tip: number };
    expect(movements()).toEqual([
      { kind: 'sale', amount: payment.amount + payment.tip, paymentId },
      { kind: 'refund', amount: 300, paymentId },
      { kind: 'pay_in', amount: 1000, paymentId: null },
      { kind: 'pay_out', amount: 700, paymentId: null },
      { kind: 'drop', amount: 5000, paymentId: null },
    ]);

    // The cashier counts blind: no expected amount and no sales on their screen while it is open.
    const blind = t.store.staffCash.drawerSession(actors.cashier.deviceId, { showExpected: false });
    expect(blind?.expected).toBeNull();
    expect(blind?.movements.map((m) => m.kind)).toEqual(['pay_in', 'pay_out', 'drop']);
    const seen = t.store.staffCash.drawerSession(actors.cashier.deviceId, { showExpected: true });
    const expected = 10_000 + payment.amount + payment.tip - 300 + 1000 - 700 - 5000;
    expect(seen?.expected).toBe(expected);

    const closed = await run(t.store, 'drawer.closeSession', { sessionId, amount: expected - 150 }, staff.cashier);
    expect(closed).toEqual({ sessionId, counted: expected - 150, expected, overShort: -150 });
    const row = t.store.db.prepare('SELECT status, over_short AS overShort, closed_by AS closedBy FROM drawer_sessions WHERE id = ?').get(sessionId);
    expect(row).toEqual({ status: 'closed', overShort: -150, closedBy: staff.cashier.staff.id });
    // The close goes up to the cloud in its audit entry.
    const pushed = t.store.db.prepare("SELECT args FROM outbox WHERE name = 'audit.append' AND args LIKE '%drawer.closeSession%'").get() as { args: string };
    expect(JSON.parse(pushed.args)).toMatchObject({ action: 'drawer.closeSession', detail: { sessionId, overShort: -150, expected } });
  });

  it('takes cash on a till with no open session without attaching it anywhere', async () => {
    const order = await createOrder(t.store);
    await t.store.execute('payment.capture', newId(), { orderId: order.id, paymentId: newId(), tender: 'cash', amount: order.totals.total }, staff.cashier);
    expect(movements()).toEqual([]);
    expect(t.store.staffCash.xReport().cash.outsideSessions).toBe(order.totals.total);
  });

  it('keeps each till\'s cash in its own drawer', async () => {
    const otherTill = { ...staff.cashier, deviceId: newId<DeviceId>() };
    await open();
    await open(5000, otherTill);
    const order = await createOrder(t.store);
    await t.store.execute('payment.capture', newId(), { orderId: order.id, paymentId: newId(), tender: 'cash', amount: order.totals.total }, otherTill);
    const bySession = t.store.db.prepare('SELECT s.float AS float, m.kind AS kind FROM drawer_movements m JOIN drawer_sessions s ON s.id = m.session_id').all();
    expect(bySession).toEqual([{ float: 5000, kind: 'sale' }]);
  });
});

describe('refusals write nothing', () => {
  it('refuses a second open session, movements without one, and more cash out than the drawer holds', async () => {
    await expectRefusedHere(t.store, 'DRAWER_NOT_OPEN', 'drawer.payOut', { movementId: newId(), amount: 100, reason: 'x' }, staff.manager);
    await expectRefusedHere(t.store, 'DRAWER_NOT_OPEN', 'drawer.drop', { movementId: newId(), amount: 100, reason: 'x' }, staff.manager);
    await open(1000);
    await expectRefusedHere(t.store, 'DRAWER_SESSION_OPEN', 'drawer.openSession', { sessionId: newId(), amount: 10 }, staff.cashier);
    await expectRefusedHere(t.store, 'CASH_COUNT_INVALID', 'drawer.payOut', { movementId: newId(), amount: 1001, reason: 'x' }, staff.manager);
    await expectRefusedHere(t.store, 'CASH_COUNT_INVALID', 'drawer.drop', { movementId: newId(), amount: 1001, reason: 'x' }, staff.manager);
  });

  it('refuses bad counts and bad arguments', async () => {
    const id = newId();
    await expectRefusedHere(t.store, 'CASH_COUNT_INVALID', 'drawer.openSession', { sessionId: id }, staff.cashier);
    await expectRefusedHere(t.store, 'CASH_COUNT_INVALID', 'drawer.openSession', { sessionId: id, amount: 5, denominations: [{ value: 5, count: 1 }] }, staff.cashier);
    await expectRefusedHere(t.store, 'CASH_COUNT_INVALID', 'drawer.openSession', { sessionId: id, denominations: [{ value: 5, count: 1 }, { value: 5, count: 2 }] }, staff.cashier);
    await expectRefusedHere(t.store, 'VALIDATION_FAILED', 'drawer.openSession', { sessionId: id, amount: -1 }, staff.cashier);
    await expectRefusedHere(t.store, 'VALIDATION_FAILED', 'drawer.openSession', { sessionId: id, denominations: [{ value: 0, count: 1 }] }, staff.cashier);
    await expectRefusedHere(t.store, 'VALIDATION_FAILED', 'drawer.openSession', { sessionId: id, denominations: [] }, staff.cashier);
    await expectRefusedHere(t.store, 'VALIDATION_FAILED', 'drawer.payIn', { movementId: newId(), amount: 0, reason: 'x' }, staff.manager);
    await expectRefusedHere(t.store, 'VALIDATION_FAILED', 'drawer.payIn', { movementId: newId(), amount: 10, reason: '' }, staff.manager);
    await expectRefusedHere(t.store, 'DRAWER_SESSION_NOT_FOUND', 'drawer.closeSession', { sessionId: newId(), amount: 0 }, staff.cashier);
    const { sessionId } = await open(1000) as { sessionId: string };
    await run(t.store, 'drawer.closeSession', { sessionId, amount: 1000 }, staff.cashier);
    await expectRefusedHere(t.store, 'DRAWER_NOT_OPEN', 'drawer.closeSession', { sessionId, amount: 1000 }, staff.cashier);
  });

  it('needs drawer.session for open and close, and drawer.payInOut for pay-outs', async () => {
    await expectRefusedHere(t.store, 'MANAGER_APPROVAL_REQUIRED', 'drawer.openSession', { sessionId: newId(), amount: 10 }, staff.server);
    await open(1000);
    await expectRefusedHere(t.store, 'MANAGER_APPROVAL_REQUIRED', 'drawer.payOut', { movementId: newId(), amount: 10, reason: 'x' }, staff.cashier);
    const approved = newId();
    await t.store.execute('drawer.payOut', approved, { movementId: newId(), amount: 10, reason: 'milk', managerPin: ROLE_PINS.manager }, staff.cashier);
    expect(t.store.db.prepare('SELECT staff_id AS s, approved_by AS a FROM drawer_movements').get()).toEqual({ s: staff.cashier.staff.id, a: staff.manager.staff.id });
  });
});
