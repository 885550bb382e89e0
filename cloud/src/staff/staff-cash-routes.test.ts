/**
 * The owner's staff and cash routes over pushed facts: a Z reconciles with the payments of the
 * synced orders in its own period only (and says by how much it does not), days outside the
 * range stay out, the default range is the store's current business day, and bad ranges are
 * refused with a code.
 */
import { describe, expect, it } from 'vitest';
import { type Order, type PaymentId, newId } from '@brigade/sync/model';
import type { DrawerSessionsResponse, OutboxMutation, TimesheetsResponse, ZReportsResponse } from '@brigade/sync/protocol';
import { BACKENDS } from '../db/test-backends';
import { enrolEdge, makeOrder, pushAs, snapshotMutation, tenantClouds } from '../testing/harness';
import { punch, sessionSnapshot, wire, zReport } from '../testing/staff-cash-fixtures';
import { businessDayOf } from '../reports/business-day';

function paidOrder(tender: Order['payments'][number]['tender'], amount: number, at: string): Order {
  const order = makeOrder();
  const payment = {
    id: newId<PaymentId>(), orderId: order.id, tender, amount, tip: 0, tendered: null, change: null, status: 'captured', refunded: 0, reference: null, createdAt: at,
  } as Order['payments'][number];
  return { ...order, payments: [payment] };
}

describe.each(BACKENDS)('owner staff and cash routes on %s', (kind) => {
  const clouds = tenantClouds(kind);

  async function setup() {
    const { cloud: c, tenant, owner } = await clouds.withOwner();
    const edge = await enrolEdge(c, tenant);
    const push = (mutations: readonly OutboxMutation[]) => pushAs(c, tenant, edge, mutations);
    return { cloud: c, tenant, push, owner };
  }

  it('reconciles each Z with the synced payments of its own period, and names the difference', async () => {
    const { tenant, push, owner } = await setup();
    const firstEnd = '2026-03-10T23:00:00.000Z';
    const secondEnd = '2026-03-11T23:00:00.000Z';
    // Day one: a card payment long before the store's `from` still belongs to the first Z.
    const early = paidOrder('card', 1_000, '2026-03-01T12:00:00.000Z');
    // Day two: 700 cash and 1,000 card synced; the Z says card took 1,500 (an order still on its way).
    const cash = paidOrder('cash', 700, '2026-03-11T12:00:00.000Z');
    const card = paidOrder('card', 1_000, '2026-03-11T13:00:00.000Z');
    const later = paidOrder('card', 9_999, '2026-03-12T09:00:00.000Z');
    const z1 = zReport({ sequence: 1, tenders: [{ tender: 'card', count: 1, amount: 1_000, tips: 0 }], from: '2026-03-10T10:00:00.000Z', to: firstEnd });
    const z2 = zReport({ sequence: 2, tenders: [{ tender: 'card', count: 2, amount: 1_500, tips: 0 }, { tender: 'cash', count: 1, amount: 700, tips: 0 }], from: firstEnd, to: secondEnd });
    const response = await push([
      snapshotMutation(1, early), snapshotMutation(2, cash), snapshotMutation(3, card), snapshotMutation(4, later),
      wire(5, { name: 'report.z', args: z1 }), wire(6, { name: 'report.z', args: z2 }),
    ]);
    expect(response.statusCode).toBe(200);
    const zs = await owner.call<ZReportsResponse>('GET', `/api/stores/${tenant.storeId}/z-reports?from=2026-03-10&to=2026-03-11`);
    expect(zs.status).toBe(200);
    expect(zs.body.reports.map((z) => [z.sequence, z.reconciles, z.tenders])).toEqual([
      [1, true, [{ tender: 'card', reported: 1_000, synced: 1_000, difference: 0 }]],
      [2, false, [{ tender: 'card', reported: 1_500, synced: 1_000, difference: -500 }, { tender: 'cash', reported: 700, synced: 700, difference: 0 }]],
    ]);
    const second = await owner.call<ZReportsResponse>('GET', `/api/stores/${tenant.storeId}/z-reports?from=2026-03-11`);
    expect(second.body.reports.map((z) => z.sequence)).toEqual([2]);
  });

  it('lists the sessions and timesheets of the range only, and defaults to the store’s business day', async () => {
    const { tenant, push, owner } = await setup();
    const today = businessDayOf(new Date(), 'America/New_York', '04:00');
    const inRange = sessionSnapshot({ float: 5_000, counted: 4_900, openedAt: '2026-03-10T14:00:00.000Z' });
    const dayBefore = sessionSnapshot({ float: 5_000, counted: 5_000, openedAt: '2026-03-09T14:00:00.000Z' });
    const current = sessionSnapshot({ float: 7_500, businessDay: today, openedAt: new Date().toISOString() });
    await push([
      wire(1, { name: 'drawer.session', args: { session: inRange, version: 2 } }),
      wire(2, { name: 'drawer.session', args: { session: dayBefore, version: 2 } }),
      wire(3, { name: 'drawer.session', args: { session: current, version: 1 } }),
      wire(4, { name: 'timeclock.punch', args: punch({ kind: 'clock_in', at: '2026-03-10T14:00:00.000Z' }) }),
      wire(5, { name: 'timeclock.punch', args: punch({ kind: 'clock_out', at: '2026-03-10T18:15:00.000Z' }) }),
    ]);
    const listed = await owner.call<DrawerSessionsResponse>('GET', `/api/stores/${tenant.storeId}/drawer-sessions?from=2026-03-10&to=2026-03-10`);
    expect(listed.body.sessions.map((s) => [s.id, s.overShort, s.openedBy])).toEqual([[inRange.id, -100, 'Casey Cashier']]);
    const sheets = await owner.call<TimesheetsResponse>('GET', `/api/stores/${tenant.storeId}/timesheets?from=2026-03-10&to=2026-03-10`);
    expect(sheets.body.rows.map((r) => [r.name, r.workedMinutes, r.open])).toEqual([['Sam Server', 255, false]]);
    const byDefault = await owner.call<DrawerSessionsResponse>('GET', `/api/stores/${tenant.storeId}/drawer-sessions`);
    expect([byDefault.body.from, byDefault.body.to, byDefault.body.sessions.map((s) => [s.id, s.status, s.counted])]).toEqual([today, today, [[current.id, 'open', null]]]);
  });

  it('refuses bad ranges and callers without a session', async () => {
    const { cloud, tenant, owner } = await setup();
    for (const query of ['from=2026-03-11&to=2026-03-10', 'from=2026-13-01', 'to=2026-02-29', 'from=2026-01-01&to=2026-03-04', 'from=2026-03-10T00:00', 'store=x']) {
      const refused = await owner.call<{ error: { code: string } }>('GET', `/api/stores/${tenant.storeId}/timesheets?${query}`);
      expect([refused.status, refused.body.error.code], query).toEqual([400, 'VALIDATION_FAILED']);
    }
    const anonymous = await cloud.app.inject({ method: 'GET', url: `/api/stores/${tenant.storeId}/z-reports` });
    expect(anonymous.statusCode).toBe(401);
    const unknown = await owner.call<{ error: { code: string } }>('GET', `/api/stores/${newId()}/drawer-sessions`);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'NOT_FOUND']);
  });
});
