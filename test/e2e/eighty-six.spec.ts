import { expect, test } from '@playwright/test';
import { snapshot } from './page-models/demo-store';
import { KioskPage } from './page-models/kiosk-page';
import { PosPage } from './page-models/pos-page';

test('an item 86ed on the POS shows sold out on an open kiosk without a reload', async ({ browser }) => {
  const kioskPage = await (await browser.newContext()).newPage();
  const kiosk = new KioskPage(kioskPage);
  await kiosk.open();
  await kiosk.start();
  await kiosk.category('Drinks');
  await expect(kiosk.item('Lemonade')).not.toContainText('Sold out');
  let navigations = 0;
  kioskPage.on('framenavigated', () => (navigations += 1));

  const posPage = await (await browser.newContext()).newPage();
  const pos = new PosPage(posPage);
  await pos.open();
  await pos.signIn('9999');
  await pos.managerSection('Sold out (86)');
  await pos.soldOutSwitch('Lemonade').click();
  await expect(pos.soldOutSwitch('Lemonade')).toHaveAttribute('aria-checked', 'true');

  try {
    await expect(kiosk.item('Lemonade')).toContainText('Sold out');
    await expect(kiosk.item('Lemonade')).toHaveAttribute('aria-disabled', 'true');
    expect(navigations).toBe(0);
    await snapshot(kioskPage, 'kiosk-sold-out');
  } finally {
    await pos.soldOutSwitch('Lemonade').click();
    await expect(pos.soldOutSwitch('Lemonade')).toHaveAttribute('aria-checked', 'false');
  }
  await expect(kiosk.item('Lemonade')).not.toContainText('Sold out');

  const accessible = kioskPage.getByRole('button', { name: 'Accessible view' });
  await accessible.click();
  await expect(kioskPage.getByRole('button', { name: 'Standard view' })).toHaveAttribute('aria-pressed', 'true');
  await expect(kioskPage.locator('.kiosk')).toHaveClass(/kiosk-accessible/);
  await snapshot(kioskPage, 'kiosk-accessible');
});
