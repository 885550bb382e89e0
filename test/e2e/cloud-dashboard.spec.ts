import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { DEMO } from '@brigade/sync/model';
import { type TestCloud, DEMO_CLOUD, startTestCloud } from './cloud-test-cloud';
import { snapshot } from './page-models/demo-store';

let cloud: TestCloud;
test.beforeAll(async () => {
  cloud = await startTestCloud();
});
test.afterAll(async () => {
  await cloud?.close();
});

const money = (minor: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(minor / 100);

test('the owner signs in, sees the store live and changes a price that the menu and the ordering page then show', async ({ page }) => {
  const before = await cloud.owner<{ version: number; menu: { items: { name: string; price: number }[] } }>('GET', `/api/menus/${DEMO_CLOUD.menuId}`);
  const fries = before.body.menu.items.find((i) => i.name === 'Fries');
  expect(fries, 'Fries on the demo menu').toBeDefined();
  const newPrice = (fries?.price ?? 0) + 130;

  await page.goto(`${cloud.url}/dashboard/`);
  await page.getByLabel('Email').fill(DEMO_CLOUD.ownerEmail);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('That email and password do not match.');
  await page.getByLabel('Password').fill(DEMO_CLOUD.ownerPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await page.getByRole('link', { name: DEMO_CLOUD.storeName }).click();
  await expect(page.getByRole('heading', { name: DEMO_CLOUD.storeName })).toBeVisible();
  await expect(page.getByTestId('sales-orders')).toHaveText('0');
  await expect(page.getByTestId('store-online')).toHaveText('Store not enrolled yet');
  await expect(page.getByLabel(/Sales by hour/)).toBeVisible();
  await snapshot(page, 'dashboard-store');

  await page.getByRole('link', { name: 'Edit menu' }).first().click();
  const input = page.getByLabel('Price of Fries', { exact: true });
  await expect(input).toHaveValue((fries!.price / 100).toFixed(2));
  await input.fill('abc');
  await expect(page.getByRole('button', { name: 'Save price of Fries' })).toBeDisabled();
  await input.fill((newPrice / 100).toFixed(2));
  await page.getByRole('button', { name: 'Save price of Fries' }).click();
  await expect(page.getByTestId('menu-status')).toHaveText('Price of Fries saved.');
  await expect(page.locator('tr', { has: page.getByLabel('Price of Fries', { exact: true }) })).toContainText(money(newPrice));
  await snapshot(page, 'dashboard-menu-price');

  // The cloud holds the new price, a reload of the editor shows it, and so does the public store page.
  const after = await cloud.owner<{ version: number; menu: { items: { name: string; price: number }[] } }>('GET', `/api/menus/${DEMO_CLOUD.menuId}`);
  expect(after.body.menu.items.find((i) => i.name === 'Fries')?.price).toBe(newPrice);
  expect(after.body.version).toBe(before.body.version + 1);
  await page.reload();
  await expect(page.getByLabel('Price of Fries', { exact: true })).toHaveValue((newPrice / 100).toFixed(2));
  await page.goto(`${cloud.url}/order/${DEMO_CLOUD.storeId}`);
  await expect(page.getByRole('button', { name: `Fries, ${money(newPrice)}` })).toBeVisible();
});

test('a wrong price is refused on the page and never reaches the cloud', async ({ page }) => {
  const before = await cloud.owner<{ version: number }>('GET', `/api/menus/${DEMO_CLOUD.menuId}`);
  await page.goto(`${cloud.url}/dashboard/#/menus/${DEMO_CLOUD.menuId}`);
  // A fresh browser: the deep link asks for sign-in first, then opens the editor.
  await page.getByLabel('Email').fill(DEMO_CLOUD.ownerEmail);
  await page.getByLabel('Password').fill(DEMO_CLOUD.ownerPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const input = page.getByLabel('Price of Cola', { exact: true });
  await input.fill('-3');
  await expect(page.getByText('Type a price like 12.50.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save price of Cola' })).toBeDisabled();
  expect((await cloud.owner<{ version: number }>('GET', `/api/menus/${DEMO_CLOUD.menuId}`)).body.version).toBe(before.body.version);
});

test('the owner pauses and resumes online ordering, enrols a store with a fresh code, and sees a paid online order in today\'s figures', async ({ page }) => {
  const isOpen = async () => ((await (await fetch(`${cloud.url}/api/public/stores/${DEMO_CLOUD.storeId}`)).json()) as { store: { open: boolean } }).store.open;
  await page.goto(`${cloud.url}/dashboard/#/stores/${DEMO_CLOUD.storeId}`);
  await page.getByLabel('Email').fill(DEMO_CLOUD.ownerEmail);
  await page.getByLabel('Password').fill(DEMO_CLOUD.ownerPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await page.getByRole('button', { name: 'Pause online ordering' }).click();
  await expect(page.getByTestId('ordering-state')).toHaveText('Paused by you.');
  expect(await isOpen()).toBe(false);
  await page.getByRole('button', { name: 'Resume online ordering' }).click();
  await expect(page.getByTestId('ordering-state')).toHaveText('Taking orders.');
  expect(await isOpen()).toBe(true);

  await page.getByRole('button', { name: 'New enrolment code' }).click();
  const code = (await page.getByTestId('enrolment-code').textContent()) ?? '';
  const enrol = await fetch(`${cloud.url}/sync/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, nodeId: `e2e-node-${randomUUID()}` }) });
  expect(enrol.status, `enrolling with ${code}`).toBe(200);
  expect(((await enrol.json()) as { storeId: string }).storeId).toBe(DEMO_CLOUD.storeId);

  const orderId = randomUUID();
  const placed = await fetch(`${cloud.url}/api/public/stores/${DEMO_CLOUD.storeId}/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ orderId, lines: [{ lineId: randomUUID(), itemId: DEMO.beer, quantity: 2, modifierOptionIds: [] }], customerName: 'Live', diningOption: 'take_out' }),
  });
  expect(placed.status).toBe(201);
  const total = ((await placed.json()) as { order: { totals: { total: number } } }).order.totals.total;
  expect(await cloud.confirmPayment(orderId)).toBe(200);
  // No reload: the page refreshes its figures by itself.
  await expect(page.getByTestId('sales-orders')).toHaveText('1', { timeout: 15_000 });
  await expect(page.getByTestId('sales-gross')).toHaveText(money(total));
  await expect(page.getByRole('table').filter({ hasText: 'Draft Beer' })).toContainText('2');
  await snapshot(page, 'dashboard-live-sales');
});

test('the owner adds an item with a photo, a modifier group and a QR table, and downloads the printable code', async ({ page }) => {
  await page.goto(`${cloud.url}/dashboard/#/menus/${DEMO_CLOUD.menuId}`);
  await page.getByLabel('Email').fill(DEMO_CLOUD.ownerEmail);
  await page.getByLabel('Password').fill(DEMO_CLOUD.ownerPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();

  const newItem = page.getByRole('form', { name: 'New item' });
  await newItem.getByLabel('Name', { exact: true }).fill('Onion Rings');
  await newItem.getByLabel('Price').fill('4.25');
  await newItem.getByLabel('Category').selectOption({ label: 'Sides' });
  await newItem.getByLabel('Kitchen station').selectOption({ label: 'Fry' });
  await newItem.getByRole('button', { name: 'Add item' }).click();
  await expect(page.getByTestId('menu-status')).toHaveText('Onion Rings saved.');
  const photo = page.getByLabel('Photo URL of Onion Rings');
  await photo.fill('not a url');
  await expect(page.getByRole('button', { name: 'Save photo of Onion Rings' })).toBeDisabled();
  await photo.fill('https://images.example.test/onion-rings.jpg');
  await page.getByRole('button', { name: 'Save photo of Onion Rings' }).click();
  await expect(page.getByTestId('menu-status')).toHaveText('Photo of Onion Rings saved.');

  const newGroup = page.getByRole('form', { name: 'New modifier group' });
  await newGroup.getByLabel('Name', { exact: true }).fill('Dip');
  await newGroup.getByLabel(/^Options/).fill('Ranch\nChipotle mayo, 0.75');
  await newGroup.getByRole('button', { name: 'Add group' }).click();
  await expect(page.getByTestId('menu-status')).toHaveText('Dip saved.');

  const menu = await cloud.owner<{ menu: { items: { name: string; price: number; imageUrl?: string }[]; modifierGroups: { name: string; options: { name: string; priceDelta: number }[] }[] } }>('GET', `/api/menus/${DEMO_CLOUD.menuId}`);
  expect(menu.body.menu.items.find((i) => i.name === 'Onion Rings')).toMatchObject({ price: 425, imageUrl: 'https://images.example.test/onion-rings.jpg' });
  expect(menu.body.menu.modifierGroups.find((g) => g.name === 'Dip')?.options.map((o) => [o.name, o.priceDelta])).toEqual([['Ranch', 0], ['Chipotle mayo', 75]]);

  await page.goto(`${cloud.url}/dashboard/#/stores/${DEMO_CLOUD.storeId}`);
  await page.getByLabel('New table').fill('Patio-2');
  await page.getByRole('button', { name: 'Add table' }).click();
  const row = page.getByRole('listitem').filter({ hasText: 'Patio-2' });
  await expect(row).toContainText('code v1');
  const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: 'SVG' }).click()]);
  expect(download.suggestedFilename()).toBe('table-Patio-2.svg');
  const path = await download.path();
  expect(readFileSync(path, 'utf8')).toContain('<svg');
  await snapshot(page, 'dashboard-tables');

  await page.goto(`${cloud.url}/order/${DEMO_CLOUD.storeId}`);
  await expect(page.getByRole('button', { name: 'Onion Rings, $4.25' }).locator('img')).toHaveAttribute('src', 'https://images.example.test/onion-rings.jpg');
});
