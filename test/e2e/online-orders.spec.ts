/**
 * Online orders from the phone to the kitchen and back, in Chromium, against a cloud and a
 * store that sync with each other: a PWA order paid by card reaches the kitchen display
 * tagged ONLINE and the kitchen printer, the POS chimes and shows it, the bump makes the
 * phone say ready, the hand-over makes it say collected; and a table's QR code, downloaded
 * from the dashboard and decoded, opens a table order that reaches the kitchen as TABLE 12.
 */
import { readFileSync } from 'node:fs';
import { type Browser, type Page, expect, test } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { demoStaff } from '@brigade/sync/model';
import { KdsPage } from './page-models/kds-page';
import { snapshot } from './page-models/demo-store';
import { DEMO_CLOUD, type OnlineTestStore, startOnlineTestStore } from './online-test-store';

const uiDist = new URL('../../ui/dist', import.meta.url).pathname;
const CASHIER_PIN = demoStaff[0].pin;
const phone = { viewport: { width: 390, height: 844 }, hasTouch: true };

let store: OnlineTestStore;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  store = await startOnlineTestStore(uiDist);
});
test.afterAll(async () => {
  await store?.close();
});

async function openKds(browser: Browser, stationId: string): Promise<KdsPage> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${store.edgeUrl}/kds/#setup=${store.node.store.auth.createSetupCode('kds', { stationId })}`);
  return new KdsPage(page);
}

async function openPos(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${store.edgeUrl}/pos/#setup=${store.node.store.auth.createSetupCode('pos')}`);
  await page.getByRole('group', { name: 'Staff PIN' }).locator('input').fill(CASHIER_PIN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('tablist', { name: 'POS' })).toBeVisible();
  return page;
}

/** On the phone: a Draft Beer (no choices to make), paid by card; returns the order id and number. */
async function orderABeer(page: Page, name: string): Promise<{ orderId: string; number: string }> {
  await page.getByRole('button', { name: /^Draft Beer,/ }).click();
  await page.getByRole('button', { name: /View order · 1 item/ }).click();
  const sheet = page.getByRole('dialog', { name: 'Your order' });
  const total = (await sheet.getByTestId('total').textContent()) ?? '';
  await sheet.getByRole('button', { name: /^Pay / }).click();
  await sheet.getByLabel('Name for the order').fill(name);
  const phoneField = sheet.getByLabel('Phone');
  if (await phoneField.count()) await phoneField.fill('+1 555 010 2030');
  await sheet.getByRole('button', { name: `Pay ${total}` }).click();
  await page.waitForURL(/\/track\/[0-9a-f-]{36}$/);
  const orderId = page.url().split('/').at(-1) ?? '';
  const number = (await page.getByTestId('order-number').textContent()) ?? '';
  expect(await store.confirmPayment(orderId)).toBe(200);
  return { orderId, number };
}

test('a PWA order reaches the KDS and the POS, the bump shows ready on the phone, the hand-over collected', async ({ browser }) => {
  const pos = await openPos(browser);
  const kds = await openKds(browser, 'drinks');
  const phonePage = await (await browser.newContext(phone)).newPage();
  await phonePage.goto(`${store.cloudUrl}/order/${DEMO_CLOUD.storeId}`);
  await expect(phonePage.getByRole('heading', { name: DEMO_CLOUD.storeName })).toBeVisible();

  const { orderId, number } = await orderABeer(phonePage, 'Grace');
  const ticket = kds.ticket(number);
  await expect(ticket).toBeVisible({ timeout: 20_000 });
  await expect(ticket.getByTestId('ticket-tag')).toHaveText('ONLINE');
  await expect(ticket).toContainText('Draft Beer');
  await expect(ticket).toContainText('Grace');
  await snapshot(kds.page, 'kds-online-order');
  await expect(phonePage.getByTestId('status-headline')).toHaveText('Your order is being prepared.', { timeout: 20_000 });

  // The counter hears about it, and the kitchen printer printed the ticket.
  const cue = pos.getByTestId('online-order-cue');
  await expect(cue).toContainText(number);
  await snapshot(pos, 'pos-online-cue');
  const printed = await store.kitchenPrinter.waitForReceipts(1, 20_000);
  expect(printed.some((paper) => paper.text.includes(number) && paper.text.includes('Draft Beer'))).toBe(true);

  await kds.bump(number);
  await expect(phonePage.getByTestId('status-headline')).toHaveText('Your order is ready to collect!', { timeout: 20_000 });
  await snapshot(phonePage, 'pwa-online-ready');

  await cue.getByRole('button', { name: 'Show' }).click();
  const row = pos.locator(`[data-order-number="${number}"]`);
  await expect(row.getByTestId('order-tag')).toHaveText('ONLINE · Grace');
  await expect(row.getByTestId('order-status')).toHaveText('ready');
  await snapshot(pos, 'pos-online-hand-over');
  await row.getByRole('button', { name: 'Hand over' }).click();
  await expect(phonePage.getByTestId('status-headline')).toHaveText('Collected. Enjoy your meal!', { timeout: 20_000 });
  expect(store.node.store.queries.order(orderId)).toMatchObject({ channel: 'online', status: 'completed', paymentStatus: 'paid' });
});

test('a table QR code downloaded from the dashboard opens a table order that reaches the KDS as TABLE 12', async ({ browser }) => {
  const kds = await openKds(browser, 'drinks');
  const owner = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await owner.goto(`${store.cloudUrl}/dashboard/#/stores/${DEMO_CLOUD.storeId}`);
  await owner.getByLabel('Email').fill('owner@demo.brigade');
  await owner.getByLabel('Password').fill('brigade-demo');
  await owner.getByRole('button', { name: 'Sign in' }).click();
  const tables = owner.getByRole('region', { name: 'Tables and QR codes' });
  await tables.getByLabel('New table').fill('12');
  await tables.getByRole('button', { name: 'Add table' }).click();
  const entry = tables.getByRole('listitem').filter({ hasText: '12' });
  const [download] = await Promise.all([owner.waitForEvent('download'), entry.getByRole('button', { name: 'PNG' }).click()]);
  const png = PNG.sync.read(readFileSync(await download.path()));
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(code, 'the downloaded PNG holds a QR code').not.toBeNull();
  const url = code?.data ?? '';
  expect(url.startsWith(`${store.cloudUrl}/order/`)).toBe(true);

  const phonePage = await (await browser.newContext(phone)).newPage();
  await phonePage.goto(url);
  await expect(phonePage.getByTestId('table-label')).toHaveText('Ordering for table 12');
  const { number } = await orderABeer(phonePage, 'Table guest');
  const ticket = kds.ticket(number);
  await expect(ticket).toBeVisible({ timeout: 20_000 });
  await expect(ticket.getByTestId('ticket-tag')).toHaveText('TABLE 12');
  await snapshot(kds.page, 'kds-table-order');
});

test('without card payments online, a pickup order is paid in cash at the counter, then handed over', async ({ browser }) => {
  test.setTimeout(120_000);
  const cashStore = await startOnlineTestStore(uiDist, { cardPayments: false });
  try {
    const pos = await (await browser.newContext()).newPage();
    await pos.goto(`${cashStore.edgeUrl}/pos/#setup=${cashStore.node.store.auth.createSetupCode('pos')}`);
    await pos.getByRole('group', { name: 'Staff PIN' }).locator('input').fill(CASHIER_PIN);
    await pos.getByRole('button', { name: 'Sign in' }).click();
    const kdsPage = await (await browser.newContext()).newPage();
    await kdsPage.goto(`${cashStore.edgeUrl}/kds/#setup=${cashStore.node.store.auth.createSetupCode('kds', { stationId: 'drinks' })}`);
    const kds = new KdsPage(kdsPage);

    const phonePage = await (await browser.newContext(phone)).newPage();
    await phonePage.goto(`${cashStore.cloudUrl}/order/${DEMO_CLOUD.storeId}`);
    await phonePage.getByRole('button', { name: /^Draft Beer,/ }).click();
    await phonePage.getByRole('button', { name: /View order · 1 item/ }).click();
    const sheet = phonePage.getByRole('dialog', { name: 'Your order' });
    await sheet.getByRole('button', { name: /at pickup/ }).click();
    await sheet.getByLabel('Name for the order').fill('Linus');
    const phoneField = sheet.getByLabel('Phone');
    if (await phoneField.count()) await phoneField.fill('+1 555 010 2030');
    await sheet.getByRole('button', { name: /at pickup/ }).click();
    await phonePage.waitForURL(/\/track\/[0-9a-f-]{36}$/);
    const number = (await phonePage.getByTestId('order-number').textContent()) ?? '';

    await expect(kds.ticket(number)).toBeVisible({ timeout: 20_000 });
    await kds.bump(number);
    await expect(phonePage.getByTestId('status-headline')).toHaveText('Your order is ready to collect!', { timeout: 20_000 });

    await pos.getByRole('tablist', { name: 'POS' }).getByRole('tab', { name: /^Orders/ }).click();
    const row = pos.locator(`[data-order-number="${number}"]`);
    await expect(row.getByTestId('order-tag')).toHaveText('ONLINE · Linus');
    await row.getByRole('button', { name: /^Take payment/ }).click();
    const dialog = pos.getByRole('dialog', { name: /^Pay order/ });
    await dialog.getByRole('button', { name: 'Cash' }).click();
    await dialog.getByRole('group', { name: 'Quick amounts' }).getByRole('button').first().click();
    await dialog.getByRole('button', { name: 'Take cash' }).click();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await row.getByRole('button', { name: 'Hand over' }).click();
    await expect(phonePage.getByTestId('status-headline')).toHaveText('Collected. Enjoy your meal!', { timeout: 20_000 });
  } finally {
    await cashStore.close();
  }
});
