import { expect, test } from '@playwright/test';
import { snapshot } from './page-models/demo-store';
import { PosPage } from './page-models/pos-page';

test('a cashier weighs sweets on the till scale (a Toledo simulator on a serial pty) and the price follows the weight', async ({ page }) => {
  const pos = new PosPage(page);
  await pos.open();
  await pos.signIn('1111');
  await pos.category('Desserts');
  await pos.item("Pick 'n' mix").click();
  const dialog = page.getByRole('dialog', { name: "Pick 'n' mix" });
  await dialog.getByRole('button', { name: "Weigh Pick 'n' mix" }).click();
  await expect(dialog).toBeHidden();
  // The demo's scale holds 250 g: 19.90 a kilo is 4.975, rounded half away from zero to
  // 4.98; food tax at 5 % is 0.249, so 0.25; total 5.23.
  await expect(page.getByRole('complementary')).toContainText("250 g Pick 'n' mix");
  await expect(pos.ticketTotal()).toHaveText('$5.23');
  await snapshot(page, 'pos-weighed-item');
});
