/**
 * The owner's permission matrix page: a real cloud and a real edge store following its shapes.
 * The owner lets cashiers 86 items with one tap; the store's matrix changes, a cashier's 86
 * then passes without approval, and the POS editor is refused from then on. The owner's own
 * column cannot be switched off.
 */
import { expect, test } from '@playwright/test';
import { DEMO, type DeviceId, newId } from '@brigade/sync/model';
import type { Actor, EdgeStore } from '@brigade/edge';
import { type TestCloud, DEMO_CLOUD } from './cloud-test-cloud';
import { type CloudEnrolledStore, startCloudEnrolledStore } from './cloud-enrolled-store';
import { snapshot } from './page-models/demo-store';

let synced: CloudEnrolledStore | undefined;
let cloud: TestCloud;
let store: EdgeStore;

test.beforeAll(async () => {
  synced = await startCloudEnrolledStore('permissions');
  ({ cloud, store } = synced);
});
test.afterAll(async () => {
  await synced?.close();
});

function actor(role: 'cashier' | 'manager'): Actor {
  const person = store.staff.list().find((s) => s.role === role && s.active);
  if (!person) throw new Error(`the demo store has no ${role}`);
  return { deviceId: newId<DeviceId>(), deviceRole: 'pos', stationId: null, staff: { id: person.id, name: person.name, role: person.role } };
}

test('the owner lets cashiers 86 items from the dashboard and the store follows at once', async ({ page }) => {
  const cashier = actor('cashier');
  const set86 = () => store.execute('item.set86', newId(), { itemId: DEMO.fries, unavailable: true }, cashier);
  await expect(set86()).rejects.toMatchObject({ code: 'MANAGER_APPROVAL_REQUIRED' });

  await page.goto(`${cloud.url}/dashboard/#/stores/${DEMO_CLOUD.storeId}`);
  await page.getByLabel('Email').fill(DEMO_CLOUD.ownerEmail);
  await page.getByLabel('Password').fill(DEMO_CLOUD.ownerPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Permissions' }).click();
  await expect(page.getByRole('heading', { name: 'Permissions' })).toBeVisible();
  await expect(page.getByTestId('perm-state')).toContainText('Edited at the store');

  const cell = page.getByRole('switch', { name: 'cashier: 86 an item' });
  await expect(cell).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByRole('switch', { name: 'owner: Change permissions' })).toBeDisabled();
  const box = await cell.boundingBox();
  expect(box?.height ?? 0, 'a switch a finger can hit').toBeGreaterThanOrEqual(44);
  await cell.click();
  await expect(cell).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('perm-state')).toContainText('Managed here');
  await snapshot(page, 'dashboard-permissions');

  // The cloud holds it, and the store's next command is checked against it.
  const view = await cloud.owner<{ managed: boolean; matrix: Record<string, string[]> }>('GET', `/api/stores/${DEMO_CLOUD.storeId}/permissions`);
  expect(view.body.managed).toBe(true);
  expect(view.body.matrix.cashier).toContain('item.86');
  await expect.poll(() => store.staffCash.roleHas('cashier', 'item.86'), { timeout: 20_000 }).toBe(true);
  await set86();
  expect(store.queries.menu().unavailable).toContain(DEMO.fries);
  await expect(store.execute('permissions.set', newId(), { role: 'cashier', permission: 'refund', granted: true }, actor('manager')))
    .rejects.toMatchObject({ code: 'PERMISSIONS_MANAGED_BY_OWNER' });

  // A reload shows what the cloud holds.
  await page.reload();
  await expect(page.getByRole('switch', { name: 'cashier: 86 an item' })).toHaveAttribute('aria-checked', 'true');
});
