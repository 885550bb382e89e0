/**
 * A cashier's shift in cash, in the browser: clock in, open the drawer with a float, sell for cash, pay
 * out with a manager's approval, close blind (the expected amount appears only after the
 * count, with the shortfall), and the manager closes the day: the Z report comes out of the
 * virtual receipt printer.
 */
import { expect, test } from '@playwright/test';
import { demoStore, receiptsMentioning, snapshot } from './page-models/demo-store';
import { PosPage } from './page-models/pos-page';

const dollars = (text: string): number => Math.round(Number(text.replace(/[^0-9.]/g, '')) * 100);

test('clock in, open with a float, a cash sale, a pay-out, a blind close with its over/short, and a printed Z', async ({ page }) => {
  const pos = new PosPage(page);
  await pos.open();
  // The shift starts at the time clock, before anyone signs in.
  await page.getByRole('button', { name: 'Time clock' }).click();
  await page.getByRole('group', { name: 'PIN for the time clock' }).locator('input').fill('1111');
  await page.getByRole('button', { name: 'Clock in' }).click();
  await expect(page.getByText(/Casey Cashier: Clock in at/)).toBeVisible();
  await page.getByRole('button', { name: 'Back to sign in' }).click();
  await pos.signIn('1111');
  const manager = page.getByRole('tablist', { name: 'Manager sections' });
  const drawer = page.getByRole('region', { name: 'Cash drawer' });

  await pos.tab('Manager').click();
  await manager.getByRole('tab', { name: 'Cash drawer' }).click();
  await drawer.getByLabel('Float').fill('100.00');
  await drawer.getByRole('button', { name: 'Open drawer with float' }).click();
  await expect(drawer.getByRole('heading', { name: /^Drawer open since/ })).toBeVisible();

  await pos.tab('Register').click();
  await pos.addItem('Drinks', 'Draft Beer');
  const total = dollars((await pos.ticketTotal().textContent()) ?? '');
  await pos.payCash(0);
  await expect(pos.changeDue()).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();

  await pos.tab('Manager').click();
  await manager.getByRole('tab', { name: 'Cash drawer' }).click();
  await drawer.getByLabel('Amount').fill('5.00');
  await drawer.getByLabel('Reason').fill('Window cleaner');
  await drawer.getByRole('button', { name: 'Pay out' }).click();
  await pos.approveAsManager('9999');
  await expect(drawer.getByRole('listitem').filter({ hasText: 'Window cleaner' })).toBeVisible();

  // Blind: the cashier sees neither the expected amount nor the sales while counting.
  await expect(drawer.getByTestId('expected')).toHaveCount(0);
  const expected = 10_000 + total - 500;
  const counted = expected - 100;
  await drawer.getByLabel('Cash counted').fill((counted / 100).toFixed(2));
  await drawer.getByRole('button', { name: 'Close drawer' }).click();
  await expect(page.getByTestId('over-short')).toContainText('short $1.00');
  await expect(page.getByTestId('over-short')).toContainText(`expected $${(expected / 100).toFixed(2)}`);
  await snapshot(page, 'pos-drawer-closed');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await pos.signIn('9999');
  await pos.tab('Manager').click();
  await manager.getByRole('tab', { name: 'Reports' }).click();
  await expect(page.getByRole('table', { name: 'X report' })).toBeVisible();
  await page.getByRole('button', { name: 'Close the day (print Z)' }).click();
  const z = page.getByRole('table', { name: /^Z report/ });
  await expect(z).toBeVisible();
  await expect(z.getByRole('row', { name: /Over \/ short/ })).toContainText('-$1.00');
  const { printerDir } = demoStore();
  await expect.poll(() => receiptsMentioning(printerDir, 'Z REPORT #', 'Short').length, { message: `a Z report in ${printerDir}`, timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  await snapshot(page, 'pos-z-report');
  await manager.getByRole('tab', { name: 'Time clock' }).click();
  await expect(page.getByRole('table', { name: /shifts/ }).getByRole('row').filter({ hasText: 'Casey Cashier' })).toBeVisible();
});

test('a cook clocks in and out at the kitchen screen with their PIN', async ({ page }) => {
  await page.goto(`${demoStore().url}/kds/#setup=${demoStore().setupCodes.kds}`);
  await expect(page.getByTestId('kds-station')).toBeVisible();
  const punch = async (kind: 'Clock in' | 'Clock out') => {
    await page.getByRole('button', { name: 'Time clock' }).click();
    const dialog = page.getByRole('dialog', { name: 'Time clock' });
    await dialog.getByRole('radio', { name: kind }).click();
    await dialog.getByRole('group', { name: 'PIN for the time clock' }).locator('input').fill('9999');
    await dialog.getByRole('button', { name: kind }).click();
    await expect(page.getByText(new RegExp(`Morgan Manager: ${kind} at`))).toBeVisible();
    await expect(dialog).toBeHidden();
  };
  await punch('Clock in');
  await punch('Clock out');
  await snapshot(page, 'kds-time-clock');
});
