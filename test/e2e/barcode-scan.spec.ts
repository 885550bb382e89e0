import { expect, test } from '@playwright/test';
import { PosPage } from './page-models/pos-page';

test('a keyboard-wedge scan of a barcode rings the item up, and an unknown code is named', async ({ page }) => {
  const pos = new PosPage(page);
  await pos.open();
  await pos.signIn('1111');
  // The register listens for scans once its menu is loaded.
  await expect(pos.item('Classic Burger')).toBeVisible();
  await pos.scanBarcode('2000000000022');
  const picker = page.getByRole('dialog', { name: 'Fries' });
  await expect(picker).toBeVisible();
  await picker.getByRole('button', { name: /^Add to order/ }).click();
  await expect(page.getByRole('complementary', { name: 'Current order' })).toContainText('Fries');

  await pos.scanBarcode('9999999999999');
  await expect(page.getByRole('status').filter({ hasText: 'No item has the barcode 9999999999999' })).toBeVisible();
});
