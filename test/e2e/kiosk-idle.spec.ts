import { expect, test } from '@playwright/test';
import { snapshot } from './page-models/demo-store';
import { KioskPage } from './page-models/kiosk-page';

test('a kiosk left alone asks "Are you still there?", keeps the order when answered, and otherwise starts over empty', async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.open('?idleSeconds=3&askSeconds=3');
  await kiosk.start();
  await kiosk.addItem('Drinks', 'Draft Beer');
  await expect(page.getByRole('button', { name: /^View order \(1\)/ })).toBeVisible();

  const question = page.getByRole('dialog', { name: 'Are you still there?' });
  await expect(question).toBeVisible();
  await snapshot(page, 'kiosk-still-there');
  await question.getByRole('button', { name: 'Yes, I am still here' }).click();
  await expect(question).toBeHidden();
  await expect(page.getByRole('button', { name: /^View order \(1\)/ })).toBeVisible();

  await expect(question).toBeVisible();
  await expect(page.getByRole('button', { name: /Touch to order/ })).toBeVisible({ timeout: 10_000 });
  await kiosk.start();
  await expect(page.getByRole('button', { name: /^View order \(0\)/ })).toBeDisabled();
});
