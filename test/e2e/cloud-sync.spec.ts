/**
 * The store and the cloud together, in Chromium: a price changed in the dashboard reaches
 * the POS within seconds; a sale made while the cloud is down waits in the outbox (the badge
 * says so) and reaches the dashboard exactly once when the cloud is back; while the store
 * is silent the ordering app refuses orders for it and takes them again once it is back.
 */
import { type Page, expect, test } from '@playwright/test';
import { DEMO_CLOUD } from '@brigade/cloud';
import { demoStaff } from '@brigade/sync/model';
import { snapshot } from './page-models/demo-store';
import { PosPage } from './page-models/pos-page';
import { HEARTBEAT_TIMEOUT_MS, type SyncedStore, startSyncedStore } from './synced-store';

let synced: SyncedStore;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  synced = await startSyncedStore();
});
test.afterAll(async () => {
  await synced?.close();
});

const money = (minor: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(minor / 100);
/** A menu tile's name starts with the item and its price (allergens and sold-out follow). */
const tileName = (item: string, minor: number) => new RegExp(`^${item}, ${money(minor).replace(/[$.]/g, '\\$&')}(\\.|,|$)`);
const cashier = demoStaff.find((s) => s.role === 'cashier')?.pin ?? '';

async function owner<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const login = await fetch(`${synced.cloudUrl}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: DEMO_CLOUD.ownerEmail, password: DEMO_CLOUD.ownerPassword }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const response = await fetch(`${synced.cloudUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${accessToken}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as T };
}

async function openPos(page: Page): Promise<PosPage> {
  const pos = new PosPage(page);
  await page.goto(`${synced.storeUrl}/pos/#setup=${synced.posSetupCode}`);
  await pos.signIn(cashier);
  return pos;
}

async function dashboardStore(page: Page): Promise<void> {
  await page.goto(`${synced.cloudUrl}/dashboard/`);
  await page.getByLabel('Email').fill(DEMO_CLOUD.ownerEmail);
  await page.getByLabel('Password').fill(DEMO_CLOUD.ownerPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: DEMO_CLOUD.storeName }).click();
  await expect(page.getByRole('heading', { name: DEMO_CLOUD.storeName })).toBeVisible();
}

test('a price changed in the dashboard shows on the POS within seconds', async ({ browser }) => {
  const posPage = await browser.newPage();
  const pos = await openPos(posPage);
  await expect(posPage.getByTestId('sync-badge')).toContainText('synced');
  await pos.category('Drinks');
  const beer = pos.item('Draft Beer');
  const before = await owner<{ menu: { items: { name: string; price: number }[] } }>('GET', `/api/menus/${DEMO_CLOUD.menuId}`);
  const oldPrice = before.body.menu.items.find((i) => i.name === 'Draft Beer')?.price ?? 0;
  await expect(beer).toHaveAccessibleName(tileName('Draft Beer', oldPrice));
  const newPrice = oldPrice + 45;

  const dashboard = await browser.newPage();
  await dashboardStore(dashboard);
  await dashboard.getByRole('link', { name: 'Edit menu' }).first().click();
  await dashboard.getByLabel('Price of Draft Beer', { exact: true }).fill((newPrice / 100).toFixed(2));
  await dashboard.getByRole('button', { name: 'Save price of Draft Beer' }).click();
  await expect(dashboard.getByTestId('menu-status')).toHaveText('Price of Draft Beer saved.');

  // No reload: the store follows the menu shape and tells the POS, which fetches the menu again.
  await expect(beer).toHaveAccessibleName(tileName('Draft Beer', newPrice), { timeout: 5_000 });
  await snapshot(posPage, 'sync-pos-new-price');
});

test('a sale made while the cloud is down waits, is shown waiting, and reaches the dashboard exactly once', async ({ browser }) => {
  test.setTimeout(120_000);
  const before = await owner<{ orders: number }>('GET', `/api/stores/${DEMO_CLOUD.storeId}/sales/today`);
  const posPage = await browser.newPage();
  const pos = await openPos(posPage);
  const badge = posPage.getByTestId('sync-badge');
  await expect(badge).toContainText('synced');

  await synced.stopCloud();
  await pos.addItem('Drinks', 'Draft Beer');
  await pos.payCash(0);
  await expect(pos.changeDue()).toBeVisible();
  await expect(badge).toContainText(/offline — \d+ changes? waiting, oldest under 1 min/, { timeout: 15_000 });
  await snapshot(posPage, 'sync-pos-offline');

  await synced.startCloud();
  await expect(badge).toContainText('synced', { timeout: 20_000 });

  const dashboard = await browser.newPage();
  await dashboardStore(dashboard);
  await expect(dashboard.getByTestId('sales-orders')).toHaveText(String(before.body.orders + 1));
  // Still once after more pushes have gone by (heartbeats every second).
  await posPage.waitForTimeout(2_500);
  await dashboard.reload();
  await expect(dashboard.getByTestId('sales-orders')).toHaveText(String(before.body.orders + 1));
  await snapshot(dashboard, 'sync-dashboard-once');
});

test('while the store is silent the ordering app refuses orders for it, and takes them again once it is back', async ({ page }) => {
  test.setTimeout(120_000);
  const storePage = `${synced.cloudUrl}/order/${DEMO_CLOUD.storeId}`;
  await page.goto(storePage);
  await expect(page.getByRole('heading', { name: DEMO_CLOUD.storeName })).toBeVisible();
  await expect(page.getByTestId('paused-banner')).toHaveCount(0);
  await page.getByRole('button', { name: /^Draft Beer,/ }).click();
  await page.getByRole('button', { name: /View order · 1 item/ }).click();
  const sheet = page.getByRole('dialog', { name: 'Your order' });
  await sheet.getByLabel('Name for the order').fill('Ada');
  await sheet.getByLabel('Phone').fill('5550107070');

  await synced.stopStore();
  await expect.poll(async () => (await owner<{ store: { pausedReason: string | null } }>('GET', `/api/stores/${DEMO_CLOUD.storeId}`)).body.store.pausedReason, {
    timeout: HEARTBEAT_TIMEOUT_MS + 15_000,
  }).toBe('offline');
  await sheet.getByRole('button', { name: /^(Pay|Place order)/ }).click();
  await expect(page.getByTestId('paused-banner')).toHaveText('This store is not taking online orders right now.');
  await page.reload();
  await expect(page.getByTestId('paused-banner')).toHaveText('This store is not taking online orders right now.');
  await expect(page.getByRole('button', { name: /^Draft Beer,/ })).toBeDisabled();
  await snapshot(page, 'sync-pwa-store-offline');

  await synced.startStore();
  await expect.poll(async () => {
    await page.reload();
    return page.getByRole('button', { name: /^Draft Beer,/ }).isEnabled();
  }, { timeout: 20_000 }).toBe(true);
  await expect(page.getByTestId('paused-banner')).toHaveCount(0);
});

// Last: it leaves the store disconnected from the cloud.
test('when the owner revokes the store\'s credential the POS says to re-enrol, and selling goes on', async ({ page }) => {
  const pos = await openPos(page);
  await expect(page.getByTestId('sync-badge')).toContainText('synced');
  expect((await owner<{ revoked: number }>('DELETE', `/api/stores/${DEMO_CLOUD.storeId}/credentials`)).body.revoked).toBeGreaterThan(0);
  await expect(page.getByTestId('sync-badge')).toHaveText('· this store was disconnected from the cloud, re-enrol', { timeout: 10_000 });
  await expect(page.getByTestId('sync-detail')).toContainText('re-enrol it with a new code from the dashboard');
  await snapshot(page, 'sync-pos-revoked');
  await pos.addItem('Drinks', 'Draft Beer');
  await pos.payCash(0);
  await expect(pos.changeDue()).toBeVisible();
  expect(await pos.orderNumber().textContent()).not.toBe('');
});
