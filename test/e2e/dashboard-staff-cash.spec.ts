/**
 * The owner's "Shifts & cash": a real edge store (SQLite, its own clock) runs a shift — a
 * server clocks in and out with a break, a drawer opens with a float, takes a pay-in, a cash
 * sale and a no-sale, and is counted five dollars short, then the manager closes the day —
 * and pushes it to a real cloud over HTTP. The dashboard shows the shortfall highlighted,
 * the hours and the Z with its figures.
 */
import { expect, test } from '@playwright/test';
import { DEMO, type DeviceId, type Order, newId } from '@brigade/sync/model';
import type { Actor, EdgeStore } from '@brigade/edge';
import type { EdgeSync } from '@brigade/edge/sync';
import { type TestCloud, DEMO_CLOUD } from './cloud-test-cloud';
import { type CloudEnrolledStore, startCloudEnrolledStore } from './cloud-enrolled-store';
import { snapshot } from './page-models/demo-store';

const MINUTE = 60_000;
const money = (minor: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(minor / 100);

let synced: CloudEnrolledStore | undefined;
let cloud: TestCloud;
let store: EdgeStore;
let sync: EdgeSync;
let clock = Date.parse('2026-03-10T15:00:00.000Z');

test.beforeAll(async () => {
  synced = await startCloudEnrolledStore('staff-cash', () => new Date(clock));
  ({ cloud, store, sync } = synced);
});
test.afterAll(async () => {
  await synced?.close();
});

function actor(role: 'cashier' | 'manager' | null, deviceId: DeviceId): Actor {
  const person = role === null ? null : store.staff.list().find((s) => s.role === role && s.active);
  return { deviceId, deviceRole: 'pos', stationId: null, staff: person ? { id: person.id, name: person.name, role: person.role } : null };
}

test('the owner sees a short drawer, the hours worked and the Z of a day the store closed', async ({ page }) => {
  const till = newId<DeviceId>();
  const cashier = actor('cashier', till);
  const manager = actor('manager', till);
  const screen = actor(null, till);
  const run = (name: string, args: unknown, by: Actor) => store.execute(name, newId(), args, by);

  await run('timeclock.punch', { punchId: newId(), kind: 'clock_in', pin: '1111' }, screen);
  const sessionId = newId();
  await run('drawer.openSession', { sessionId, amount: 20_000 }, cashier);
  await run('drawer.payIn', { movementId: newId(), amount: 1_500, reason: 'coins from the bank' }, manager);
  const created = await run('order.create', { orderId: newId(), channel: 'counter', diningOption: 'take_out', lines: [{ lineId: newId(), itemId: DEMO.cola, quantity: 2, modifierOptionIds: [DEMO.regular] }] }, cashier);
  const order = (created.result as { order: Order }).order;
  await run('payment.capture', { orderId: order.id, paymentId: newId(), tender: 'cash', amount: order.totals.total, tendered: order.totals.total }, cashier);
  await run('drawer.open', { reason: 'change for a twenty', managerPin: '9999' }, cashier);
  clock += 120 * MINUTE;
  await run('timeclock.punch', { punchId: newId(), kind: 'break_start', pin: '1111' }, screen);
  clock += 30 * MINUTE;
  await run('timeclock.punch', { punchId: newId(), kind: 'break_end', pin: '1111' }, screen);
  clock += 90 * MINUTE;
  await run('timeclock.punch', { punchId: newId(), kind: 'clock_out', pin: '1111' }, screen);
  // Float + pay-in + the sale is what the drawer should hold; the cashier counts $5.00 less.
  const expected = 20_000 + 1_500 + order.totals.total;
  await run('drawer.closeSession', { sessionId, amount: expected - 500 }, cashier);
  clock += MINUTE;
  await run('report.closeDay', { reportId: newId() }, manager);
  sync.wake();
  await expect.poll(() => store.outbox.peek(10).length, { timeout: 20_000 }).toBe(0);
  const day = (store.db.prepare('SELECT business_day AS d FROM drawer_sessions WHERE id = ?').get(sessionId) as { d: string }).d;

  await page.goto(`${cloud.url}/dashboard/#/stores/${DEMO_CLOUD.storeId}`);
  await page.getByLabel('Email').fill(DEMO_CLOUD.ownerEmail);
  await page.getByLabel('Password').fill(DEMO_CLOUD.ownerPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const panel = page.getByRole('region', { name: 'Shifts & cash' });
  await expect(panel).toBeVisible();
  await panel.getByLabel('Business day').fill(day);

  const session = panel.getByTestId('drawer-session');
  await expect(session).toHaveCount(1);
  await expect(session.locator('[data-over-short]')).toHaveText('$5.00 short');
  await expect(session.locator('[data-over-short]')).toHaveAttribute('data-over-short', 'short');
  await expect(session.getByTestId('drawer-expected')).toHaveText(money(expected));
  await expect(session.getByTestId('drawer-counted')).toHaveText(money(expected - 500));
  await session.getByText('1 cash movement · 1 no-sale').click();
  await expect(session.getByTestId('no-sale')).toContainText('change for a twenty');

  await expect(panel.getByTestId('timesheet-worked')).toHaveText('3 h 30 min');
  const z = panel.getByTestId('z-report');
  await expect(z).toHaveCount(1);
  await expect(z.locator('[data-over-short]')).toHaveText('$5.00 short');
  await expect(z.getByTestId('z-reconciles')).toHaveText('matches the synced payments');
  await snapshot(page, 'dashboard-staff-cash');

  // The day before holds nothing of it.
  await panel.getByRole('button', { name: 'Previous day' }).click();
  await expect(panel.getByText('No drawer sessions on these days.')).toBeVisible();
});
