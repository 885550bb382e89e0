/**
 * A manager has the POS's Permissions panel open while the owner changes the store's matrix in
 * the cloud: the demo store (its own process, synced with a cloud process) applies it from the
 * shape and the open panel shows the change, read-only, without a reload.
 */
import { expect, test } from '@playwright/test';
import { DEMO_CLOUD } from '@brigade/cloud';
import { demoStaff } from '@brigade/sync/model';
import { snapshot } from './page-models/demo-store';
import { PosPage } from './page-models/pos-page';
import { type SyncedStore, startSyncedStore } from './synced-store';

let synced: SyncedStore;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  synced = await startSyncedStore();
});
test.afterAll(async () => {
  await synced?.close();
});

const managerPin = demoStaff.find((s) => s.role === 'manager')?.pin ?? '';

async function ownerPut(path: string, body: unknown): Promise<number> {
  const login = await fetch(`${synced.cloudUrl}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: DEMO_CLOUD.ownerEmail, password: DEMO_CLOUD.ownerPassword }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const response = await fetch(`${synced.cloudUrl}${path}`, {
    method: 'PUT', headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  return response.status;
}

test('the owner\'s change appears on a manager\'s open Permissions panel, which becomes read-only', async ({ page }) => {
  const pos = new PosPage(page);
  await page.goto(`${synced.storeUrl}/pos/#setup=${synced.posSetupCode}`);
  await pos.signIn(managerPin);
  await page.getByRole('tab', { name: 'Manager' }).click();
  await page.getByRole('tablist', { name: 'Manager sections' }).getByRole('tab', { name: 'Permissions' }).click();
  const cell = page.getByRole('switch', { name: 'cashier: 86 an item' });
  await expect(cell).toHaveAttribute('aria-checked', 'false');
  await expect(cell).toBeEnabled();
  await expect(page.getByTestId('permissions-managed')).toHaveCount(0);

  expect(await ownerPut(`/api/stores/${DEMO_CLOUD.storeId}/permissions`, { changes: [{ role: 'cashier', permission: 'item.86', granted: true }] })).toBe(200);

  await expect(cell).toHaveAttribute('aria-checked', 'true', { timeout: 20_000 });
  await expect(page.getByTestId('permissions-managed')).toContainText('Managed by the owner');
  await expect(cell).toBeDisabled();
  await expect(page.getByRole('switch', { name: 'server: Comp an item' })).toBeDisabled();
  await snapshot(page, 'pos-permissions-managed');
});
