import { expect, test } from '@playwright/test';
import { HubApi, demoStore, openPaired, receiptsMentioning, snapshot } from './page-models/demo-store';
import { KdsPage } from './page-models/kds-page';
import { KioskPage } from './page-models/kiosk-page';
import { PosPage } from './page-models/pos-page';

test('a kiosk card sale reaches every station, the kitchen bumps it, and the POS shows it ready', async ({ browser }) => {
  const api = await HubApi.connect();
  const grillDevice = await api.pairKds('grill');
  const fryDevice = await api.pairKds('fry');

  const grillPage = await (await browser.newContext()).newPage();
  await openPaired(grillPage, 'kds', grillDevice);
  const grill = new KdsPage(grillPage);
  await expect(grill.title()).toHaveText('Grill');
  const fryPage = await (await browser.newContext()).newPage();
  await openPaired(fryPage, 'kds', fryDevice);
  const fry = new KdsPage(fryPage);
  await expect(fry.title()).toHaveText('Fry');

  const expoPage = await (await browser.newContext()).newPage();
  await expoPage.goto(`${demoStore().url}/kds/#setup=${demoStore().setupCodes.kds}`);
  const expo = new KdsPage(expoPage);
  await expect(expo.title()).toHaveText(/Expo/);

  const posPage = await (await browser.newContext()).newPage();
  const pos = new PosPage(posPage);
  await pos.open();
  await pos.signIn('1111');
  await pos.tab('Orders').click();

  const kioskPage = await (await browser.newContext()).newPage();
  const kiosk = new KioskPage(kioskPage);
  await kiosk.open();
  await snapshot(kioskPage, 'kiosk-welcome');
  await kiosk.start();
  await kiosk.addItem('Burgers', 'Classic Burger', ['Well done', 'Cheese']);
  await kiosk.viewCart();
  await expect(kiosk.upsell()).toContainText('Add fries?');
  await snapshot(kioskPage, 'kiosk-cart-upsell');
  await kiosk.upsell().getByRole('button').click();
  await expect(kiosk.upsell()).toHaveCount(0);
  const total = (await kioskPage.getByTestId('kiosk-total').textContent()) ?? '';
  const number = await kiosk.payByCard();
  await expect(kioskPage.getByText('Receipt printed')).toBeVisible();
  await expect.poll(() => receiptsMentioning(demoStore().printerDir, `Order ${number}`, total).length, { message: `a receipt naming ${number}` }).toBeGreaterThan(0);
  await snapshot(kioskPage, 'kiosk-confirmation');

  await expect(grill.ticket(number)).toContainText('Classic Burger');
  await expect(grill.ticket(number)).toContainText('Well done');
  await expect(fry.ticket(number)).toContainText('Fries');
  await snapshot(grillPage, 'kds-grill');
  await expect(expo.expoOrder(number).getByRole('button', { name: 'Grill working, bump' })).toBeVisible();
  await expect(expo.expoOrder(number).getByRole('button', { name: 'Fry working, bump' })).toBeVisible();
  await expect(pos.orderRow(number).getByTestId('order-status')).toHaveText('preparing');

  await grill.bump(number);
  // A bump by mistake: recall brings the ticket back, then the grill bumps it for real.
  await grill.recall(number);
  await expect(grill.ticket(number)).toContainText('Classic Burger');
  await grill.bump(number);
  await expect(pos.orderRow(number).getByTestId('order-status')).toHaveText('preparing');
  await expect(expo.expoOrder(number).getByRole('button', { name: 'Grill done' })).toBeDisabled();
  await snapshot(expoPage, 'kds-expo');
  await fry.bump(number);
  await expect(expo.expoOrder(number)).toHaveCount(0);
  await expect(pos.orderRow(number).getByTestId('order-status')).toHaveText('ready');
  await expect(pos.orderRow(number)).toHaveClass(/order-ready/);
  await snapshot(posPage, 'pos-orders-ready');

  await pos.orderRow(number).getByRole('button', { name: 'Collected' }).click();
  await expect(pos.orderRow(number)).toHaveCount(0);
});
