import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, type Order, type PaymentId, cents, newId } from '@brigade/sync/model';
import type { Cloud } from '../index';
import { BACKENDS } from '../db/test-backends';
import { addTenant, createTestCloud, enrolEdge, makeOrder, signInAs, snapshotMutation } from '../testing/harness';
import { businessDayOf } from './business-day';
import type { SalesSummary } from './sales-summary';

describe('business day', () => {
  it('belongs to the previous date until the day ends at the store', () => {
    // New York is on daylight time (UTC−4) from 8 March 2026.
    expect(businessDayOf(new Date('2026-03-10T08:30:00Z'), 'America/New_York', '04:00')).toBe('2026-03-10');
    expect(businessDayOf(new Date('2026-03-10T07:59:00Z'), 'America/New_York', '04:00')).toBe('2026-03-09');
    expect(businessDayOf(new Date('2026-03-10T06:30:00Z'), 'America/New_York', '04:00')).toBe('2026-03-09');
    expect(businessDayOf(new Date('2026-03-10T23:30:00Z'), 'Europe/Berlin', '00:00')).toBe('2026-03-11');
  });
});

describe.each(BACKENDS)('sales summary on %s', (kind) => {
  let cloud: Cloud | undefined;
  afterEach(async () => {
    await cloud?.close();
    cloud = undefined;
  });

  it('counts every in-store order exactly once, at its newest version, without voids', async () => {
    const now = new Date('2026-05-01T18:30:00Z');
    cloud = await createTestCloud(kind, { now: () => now });
    const tenant = await addTenant(cloud);
    const edge = await enrolEdge(cloud, tenant);
    const day = businessDayOf(now, 'America/New_York', '04:00');
    const at = '2026-05-01T18:10:00.000Z';
    const pay = (order: Order, tender: 'cash' | 'card', tip = 0) => ({
      ...order,
      payments: [{ id: newId<PaymentId>(), orderId: order.id, tender, amount: order.totals.total, tip: cents(tip), tendered: null, change: null, status: 'captured' as const, refunded: cents(0), reference: null, createdAt: at }],
    }) satisfies Order;
    const fries = makeOrder({ businessDay: day, createdAt: at, status: 'preparing', paymentStatus: 'unpaid' });
    const friesDone = pay({ ...fries, status: 'completed', paymentStatus: 'paid' }, 'cash');
    const burger = pay(makeOrder({ businessDay: day, createdAt: at }, [{ itemId: DEMO.burger, quantity: 1, modifierOptionIds: [DEMO.medium, DEMO.bacon] }, { itemId: DEMO.cola, quantity: 2, modifierOptionIds: [DEMO.large] }]), 'card', 200);
    const voided = makeOrder({ businessDay: day, createdAt: at, status: 'voided', paymentStatus: 'unpaid' });
    const yesterday = makeOrder({ businessDay: '2026-04-30', createdAt: '2026-04-30T18:00:00.000Z' });
    const mutations = [snapshotMutation(1, fries, 1), snapshotMutation(2, friesDone, 2), snapshotMutation(3, burger), snapshotMutation(4, voided), snapshotMutation(5, yesterday), snapshotMutation(6, friesDone, 2)];
    const pushed = await cloud.app.inject({ method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${edge.credential}` }, payload: { storeId: tenant.storeId, nodeId: edge.nodeId, epoch: 1, mutations } });
    expect(pushed.statusCode).toBe(200);

    const owner = await signInAs(cloud, tenant.ownerEmail, tenant.ownerPassword);
    const { status, body } = await owner.call<SalesSummary>('GET', `/api/stores/${tenant.storeId}/sales/today`);
    expect(status).toBe(200);
    expect(body.businessDay).toBe('2026-05-01');
    expect(body.orders).toBe(2);
    expect(body.gross).toBe(friesDone.totals.total + burger.totals.total);
    expect(body.tax).toBe(friesDone.totals.tax + burger.totals.tax);
    expect(body.tenders).toEqual(
      expect.arrayContaining([
        { tender: 'cash', amount: friesDone.totals.total, tips: 0, count: 1 },
        { tender: 'card', amount: burger.totals.total, tips: 200, count: 1 },
      ]),
    );
    expect(body.topItems[0]).toMatchObject({ quantity: 2 });
    expect(body.topItems.map((i) => i.itemId).sort()).toEqual([DEMO.burger, DEMO.cola, DEMO.fries].sort());
    expect(body.byHour).toEqual([{ hour: 14, orders: 2, gross: body.gross }]);
  });
});
