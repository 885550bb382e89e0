import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { DEMO } from '@brigade/sync/model';
import { eq } from 'drizzle-orm';
import { onlineOrders, orders } from '@brigade/sync/schema/pg';
import { type TestCloud, DEMO_CLOUD, startTestCloud } from './cloud-test-cloud';
import { snapshot } from './page-models/demo-store';

let cloud: TestCloud;
test.beforeAll(async () => {
  cloud = await startTestCloud();
});
test.afterAll(async () => {
  await cloud?.close();
});
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

const storePage = () => `${cloud.url}/order/${DEMO_CLOUD.storeId}`;

test('a customer orders for pickup, pays, and follows the order live on the tracking page', async ({ page }) => {
  await page.goto(storePage());
  await expect(page.getByRole('heading', { name: DEMO_CLOUD.storeName })).toBeVisible();
  await page.getByRole('button', { name: /^Classic Burger,/ }).click();
  const picker = page.getByRole('dialog', { name: 'Classic Burger' });
  await picker.getByRole('radio', { name: 'Rare' }).click();
  await picker.getByRole('checkbox', { name: /Bacon/ }).click();
  await picker.getByRole('button', { name: /Add to order/ }).click();
  await page.getByRole('button', { name: /^Draft Beer,/ }).click();
  const cart = page.getByRole('button', { name: /View order · 2 items/ });
  await expect(cart).toBeVisible();
  await snapshot(page, 'pwa-menu-cart');
  await cart.click();

  const sheet = page.getByRole('dialog', { name: 'Your order' });
  await expect(sheet).toContainText('Bacon');
  const shownTotal = (await sheet.getByTestId('total').textContent()) ?? '';
  await sheet.getByRole('button', { name: /^Pay / }).click();
  await expect(sheet.getByText('Enter the name we call when your order is ready.')).toBeVisible();
  await sheet.getByLabel('Name for the order').fill('Ada');
  await sheet.getByLabel('Phone').fill('+1 555 010 2030');
  await snapshot(page, 'pwa-checkout');
  await sheet.getByRole('button', { name: `Pay ${shownTotal}` }).click();

  await page.waitForURL(/\/order\/[^/]+\/track\/[0-9a-f-]{36}$/);
  const orderId = page.url().split('/').at(-1) ?? '';
  await expect(page.getByTestId('status-headline')).toHaveText('Waiting for your payment…');
  await expect(page.getByText(`Pickup · ${shownTotal}`)).toBeVisible();
  // The cloud priced the order itself: its total is what the page showed.
  const status = await (await fetch(`${cloud.url}/api/public/orders/${orderId}`)).json() as { total: number; status: string };
  expect(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(status.total / 100)).toBe(shownTotal);
  expect(status.status).toBe('pending_payment');
  const stored = (await cloud.cloud.ctx.database.db.select().from(orders).where(eq(orders.id, orderId)))[0];
  expect(stored?.number, 'the order number in the cloud').toBeTruthy();
  await expect(page.getByTestId('order-number')).toHaveText(stored?.number ?? '');

  expect(await cloud.confirmPayment(orderId)).toBe(200);
  await expect(page.getByTestId('status-headline')).toHaveText('We have your order.');
  await expect(page.getByRole('listitem').filter({ hasText: 'Received' })).toHaveAttribute('aria-current', 'step');
  await snapshot(page, 'pwa-tracking');
});

test('a paused store shows why and refuses an order already in the cart with the same message', async ({ page }) => {
  await page.goto(storePage());
  await page.getByRole('button', { name: /^Draft Beer,/ }).click();
  await page.getByRole('button', { name: /View order · 1 item/ }).click();
  const sheet = page.getByRole('dialog', { name: 'Your order' });
  await sheet.getByLabel('Name for the order').fill('Grace');
  await sheet.getByLabel('Phone').fill('5550102030');

  expect((await cloud.owner('PUT', `/api/stores/${DEMO_CLOUD.storeId}/online-ordering`, { paused: true })).status).toBe(200);
  try {
    await sheet.getByRole('button', { name: /^Pay / }).click();
    await expect(page.getByTestId('paused-banner')).toHaveText('This store is not taking online orders right now.');
    await expect(page.getByRole('button', { name: /View order/ })).toHaveCount(0);

    await page.reload();
    await expect(page.getByTestId('paused-banner')).toHaveText('This store is not taking online orders right now.');
    await expect(page.getByRole('button', { name: /^Draft Beer,/ })).toBeDisabled();
    await snapshot(page, 'pwa-paused');
    const written = await cloud.cloud.ctx.database.db.select().from(onlineOrders).where(eq(onlineOrders.customerName, 'Grace'));
    expect(written, 'no order written while paused').toHaveLength(0);
  } finally {
    await cloud.owner('PUT', `/api/stores/${DEMO_CLOUD.storeId}/online-ordering`, { paused: false });
  }
});

test('a forged table code and a replaced one each show the cloud\'s clear message, and a good one tags the table', async ({ page }) => {
  await page.goto(`${cloud.url}/order/#store=${DEMO_CLOUD.storeId}&table=${'0'.repeat(8)}-0000-7000-8000-${'0'.repeat(12)}.1.AAAAAAAAAAAAAAAAAAAAAA`);
  await expect(page.getByTestId('table-refused')).toContainText('This table code is not valid. Ask the staff for help.');
  await expect(page.getByRole('button', { name: /^Draft Beer,/ })).toBeDisabled();
  await snapshot(page, 'pwa-table-invalid');

  const created = await cloud.owner<{ table: { id: string; token: string } }>('POST', `/api/stores/${DEMO_CLOUD.storeId}/tables`, { label: 'E2E-7' });
  expect(created.status).toBe(201);
  const good = created.body.table.token;
  await page.goto(`${cloud.url}/order/${DEMO_CLOUD.storeId}?table=${encodeURIComponent(good)}`);
  await expect(page.getByTestId('table-label')).toHaveText('Ordering for table E2E-7');
  await expect(page.getByRole('button', { name: /^Draft Beer,/ })).toBeEnabled();

  expect((await cloud.owner('POST', `/api/stores/${DEMO_CLOUD.storeId}/tables/${created.body.table.id}/rotate`)).status).toBe(200);
  await page.goto(`${cloud.url}/order/#store=${DEMO_CLOUD.storeId}&table=${encodeURIComponent(good)}`);
  await expect(page.getByTestId('table-refused')).toContainText('This table code was replaced. Scan the code on the table again.');
  await expect(page.getByRole('button', { name: /^Draft Beer,/ })).toBeDisabled();
});

test('the menu stays browsable offline once the ordering page has been opened', async ({ page, context }) => {
  await page.goto(storePage());
  await expect(page.getByRole('heading', { name: DEMO_CLOUD.storeName })).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // Now the worker answers this page's requests and keeps the store's menu.
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
  await expect(page.getByRole('button', { name: /^Fries,/ })).toBeVisible();
  await context.setOffline(true);
  try {
    await page.reload();
    await expect(page.getByRole('heading', { name: DEMO_CLOUD.storeName })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Fries,/ })).toBeVisible();
    await snapshot(page, 'pwa-offline-menu');
  } finally {
    await context.setOffline(false);
  }
});

test('the tracking page reconnects after the connection drops and catches up on what it missed', async ({ page, context }) => {
  const orderId = randomUUID();
  const placed = await fetch(`${cloud.url}/api/public/stores/${DEMO_CLOUD.storeId}/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ orderId, lines: [{ lineId: randomUUID(), itemId: DEMO.beer, quantity: 1, modifierOptionIds: [] }], customerName: 'Linus', diningOption: 'take_out' }),
  });
  expect(placed.status).toBe(201);
  await page.goto(`${cloud.url}/order/${DEMO_CLOUD.storeId}/track/${orderId}`);
  await expect(page.getByTestId('status-headline')).toHaveText('Waiting for your payment…');
  await expect(page.getByText('Live', { exact: true })).toBeVisible();

  // The phone loses its signal: no new connection works, and the open stream is cut.
  await context.setOffline(true);
  cloud.cloud.app.server.closeAllConnections();
  await expect(page.getByText('Reconnecting…')).toBeVisible();
  // The payment lands while the phone is offline.
  expect(await cloud.confirmPayment(orderId)).toBe(200);
  await expect(page.getByTestId('status-headline')).toHaveText('Waiting for your payment…');
  await context.setOffline(false);
  await expect(page.getByTestId('status-headline')).toHaveText('We have your order.', { timeout: 30_000 });
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
});

test('when prices change while the customer pays, the order is refused, the page shows the new total, and paying again works', async ({ page }) => {
  await page.goto(storePage());
  await page.getByRole('button', { name: /^Draft Beer,/ }).click();
  await page.getByRole('button', { name: /View order · 1 item/ }).click();
  const sheet = page.getByRole('dialog', { name: 'Your order' });
  const oldTotal = (await sheet.getByTestId('total').textContent()) ?? '';
  await sheet.getByLabel('Name for the order').fill('Barbara');
  await sheet.getByLabel('Phone').fill('5550102030');

  const menu = await cloud.owner<{ version: number; menu: { items: { id: string; name: string; price: number }[] } }>('GET', `/api/menus/${DEMO_CLOUD.menuId}`);
  const beer = menu.body.menu.items.find((i) => i.name === 'Draft Beer');
  expect((await cloud.owner('PATCH', `/api/menus/${DEMO_CLOUD.menuId}/items/${beer?.id ?? ''}`, { price: (beer?.price ?? 0) + 100 })).status).toBe(200);

  await sheet.getByRole('button', { name: `Pay ${oldTotal}` }).click();
  await expect(sheet.getByTestId('checkout-error')).toHaveText('Prices changed. Review the order and try again.');
  await expect(sheet.getByTestId('total')).not.toHaveText(oldTotal);
  const newTotal = (await sheet.getByTestId('total').textContent()) ?? '';
  await sheet.getByRole('button', { name: `Pay ${newTotal}` }).click();
  await page.waitForURL(/\/track\//);
  await expect(page.getByTestId('status-headline')).toHaveText('Waiting for your payment…');
  await expect(page.getByText(`Pickup · ${newTotal}`)).toBeVisible();
});
