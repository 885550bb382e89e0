/**
 * A store's staff and cash reach the owner: a real edge store (SQLite file) runs a shift — a
 * drawer opened with a float, a pay-in, a cash sale, a no-sale, a server's punches with a
 * break, a blind close counted over, the Z — and pushes it over HTTP to a real cloud. The
 * owner API then shows the session, the timesheet and the Z with the figures the test's own
 * commands imply, to the cent, and the Z reconciles with the synced payments.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '@brigade/sync/model';
import type { DrawerSessionsResponse, TimesheetsResponse, ZReportsResponse } from '@brigade/sync/protocol';
import { actors, createOrder } from '../../edge/src/store/test-support';
import { ROLE_PINS, run, staffForEveryRole } from '../../edge/src/store/commands/staff-cash-test-kit';
import { BACKENDS } from '../../cloud/src/db/test-backends';
import { addTenant, signInAs } from '../../cloud/src/testing/harness';
import { type SyncedEdge, createSyncedEdge } from '../support/synced-edge';

const MINUTE = 60_000;

describe.each(BACKENDS)('staff and cash synced to the owner on %s', (kind) => {
  let synced: SyncedEdge | undefined;
  afterEach(async () => {
    await synced?.close();
    synced = undefined;
  });

  it('shows the drawer session, the timesheet and the Z with the shift’s figures', async () => {
    synced = await createSyncedEdge(kind);
    const { cloud, tenant, edge } = synced;
    const store = edge.store;
    const staff = staffForEveryRole(store, actors.cashier.deviceId);

    // The shift, as the store runs it.
    await run(store, 'timeclock.punch', { punchId: newId(), kind: 'clock_in', pin: ROLE_PINS.server }, actors.posNoStaff);
    const sessionId = newId();
    await run(store, 'drawer.openSession', { sessionId, amount: 20_000 }, staff.cashier);
    await run(store, 'drawer.payIn', { movementId: newId(), amount: 1_500, reason: 'coins from the bank' }, staff.manager);
    const order = await createOrder(store);
    const sale = order.totals.total;
    await store.execute('payment.capture', newId(), { orderId: order.id, paymentId: newId(), tender: 'cash', amount: sale, tendered: sale + 1_000, tip: 100 }, staff.cashier);
    await run(store, 'drawer.open', { reason: 'change for a tenner', managerPin: ROLE_PINS.manager }, staff.cashier);
    edge.clock.advance(120 * MINUTE);
    await run(store, 'timeclock.punch', { punchId: newId(), kind: 'break_start', pin: ROLE_PINS.server }, actors.posNoStaff);
    edge.clock.advance(30 * MINUTE);
    await run(store, 'timeclock.punch', { punchId: newId(), kind: 'break_end', pin: ROLE_PINS.server }, actors.posNoStaff);
    edge.clock.advance(90 * MINUTE);
    await run(store, 'timeclock.punch', { punchId: newId(), kind: 'clock_out', pin: ROLE_PINS.server }, actors.posNoStaff);
    // What the drawer should hold: the float, the pay-in, the sale with its tip. Counted 1.25 over.
    const expected = 20_000 + 1_500 + sale + 100;
    await run(store, 'drawer.closeSession', { sessionId, amount: expected + 125 }, staff.cashier);
    edge.clock.advance(MINUTE);
    await run(store, 'report.closeDay', { reportId: newId() }, staff.manager);

    const sync = await synced.startSync();
    sync.wake();
    await expect.poll(() => store.outbox.peek(10).length, { timeout: 20_000 }).toBe(0);

    const day = (store.db.prepare('SELECT business_day AS d FROM drawer_sessions WHERE id = ?').get(sessionId) as { d: string }).d;
    const owner = await signInAs(cloud, tenant.ownerEmail, tenant.ownerPassword);
    const range = `from=${day}&to=${day}`;

    const sessions = await owner.call<DrawerSessionsResponse>('GET', `/api/stores/${tenant.storeId}/drawer-sessions?${range}`);
    expect(sessions.status).toBe(200);
    expect(sessions.body.sessions).toHaveLength(1);
    expect(sessions.body.sessions[0]).toMatchObject({
      id: sessionId, status: 'closed', openedBy: staff.cashier.staff.name, closedBy: staff.cashier.staff.name,
      float: 20_000, payIns: 1_500, payOuts: 0, drops: 0, cashSales: sale + 100, cashRefunds: 0, expected, counted: expected + 125, overShort: 125,
    });
    expect(sessions.body.sessions[0]?.movements.map((m) => [m.kind, m.amount, m.reason, m.by])).toEqual([['pay_in', 1_500, 'coins from the bank', staff.manager.staff.name]]);
    expect(sessions.body.sessions[0]?.noSales.map((n) => [n.reason, n.by, n.approvedBy])).toEqual([['change for a tenner', staff.cashier.staff.name, staff.manager.staff.name]]);

    const sheets = await owner.call<TimesheetsResponse>('GET', `/api/stores/${tenant.storeId}/timesheets?${range}`);
    expect(sheets.status).toBe(200);
    expect(sheets.body.rows.map((r) => [r.name, r.businessDay, r.workedMinutes, r.breakMinutes, r.open, r.shifts.length])).toEqual([[staff.server.staff.name, day, 120 + 90, 30, false, 1]]);

    const zs = await owner.call<ZReportsResponse>('GET', `/api/stores/${tenant.storeId}/z-reports?${range}`);
    expect(zs.status).toBe(200);
    expect(zs.body.reports).toHaveLength(1);
    expect(zs.body.reports[0]).toMatchObject({
      sequence: 1, closedBy: staff.manager.staff.name, payments: sale, tips: 100, refunds: 0,
      cashExpected: expected, cashCounted: expected + 125, overShort: 125, noSales: 1, reconciles: true,
      tenders: [{ tender: 'cash', reported: sale, synced: sale, difference: 0 }],
    });

    // Another organisation's owner sees none of it.
    const other = await addTenant(cloud);
    const intruder = await signInAs(cloud, other.ownerEmail, other.ownerPassword);
    for (const path of ['drawer-sessions', 'timesheets', 'z-reports']) {
      const refused = await intruder.call<{ error: { code: string } }>('GET', `/api/stores/${tenant.storeId}/${path}?${range}`);
      expect([refused.status, refused.body.error.code]).toEqual([404, 'NOT_FOUND']);
    }
    // A range the API does not take is refused with a code.
    for (const query of [`from=${day}&to=2020-01-01`, 'from=2026-02-30', 'from=2026-01-01&to=2026-06-01', 'from=yesterday', 'day=2026-03-10']) {
      const refused = await owner.call<{ error: { code: string } }>('GET', `/api/stores/${tenant.storeId}/drawer-sessions?${query}`);
      expect([refused.status, refused.body.error.code], query).toEqual([400, 'VALIDATION_FAILED']);
    }
  });
});
