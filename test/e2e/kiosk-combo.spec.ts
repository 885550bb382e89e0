/**
 * A kiosk customer orders the Burger Meal with a chicken sandwich, a side salad with ranch
 * (a nested choice) and a lemonade: the screen's total is what the hub charges, the receipt
 * says so and the kitchen paper lists the components. Diet chips filter the menu, and the
 * breakfast muffin says when it is served outside its window.
 */
import { expect, test } from '@playwright/test';
import { HubApi, demoStore, receiptsMentioning, snapshot } from './page-models/demo-store';
import { KioskPage } from './page-models/kiosk-page';

test('a kiosk orders a combo with a nested modifier; diet filters and dayparts show on the menu', async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.open();
  await kiosk.start();

  await kiosk.category('Meals');
  await kiosk.item('Burger Meal').click();
  const picker = page.getByRole('dialog', { name: 'Burger Meal' });
  await expect(picker).toBeVisible();
  await picker.getByRole('radiogroup', { name: 'Main' }).getByRole('radio', { name: /^Crispy Chicken Sandwich/ }).click();
  // The nested group opens only once its parent option is chosen.
  await expect(picker.getByRole('radiogroup', { name: 'Dressing' })).toHaveCount(0);
  await picker.getByRole('radio', { name: /^Side salad/ }).click();
  await picker.getByRole('radiogroup', { name: 'Dressing' }).getByRole('radio', { name: /^Ranch/ }).click();
  await picker.getByRole('radiogroup', { name: 'Drink' }).getByRole('radio', { name: /^Lemonade/ }).click();
  await snapshot(page, 'kiosk-combo-picker');
  const shown = (await picker.getByRole('button', { name: /^Add to order/ }).textContent()) ?? '';
  await picker.getByRole('button', { name: /^Add to order/ }).click();
  await expect(picker).toBeHidden();

  await kiosk.viewCart();
  const cart = page.getByRole('list').filter({ hasText: 'Burger Meal' });
  await expect(cart).toContainText('Crispy Chicken Sandwich (Side salad, Ranch)');
  await expect(cart).toContainText('Lemonade');
  const total = (await page.getByTestId('kiosk-total').textContent()) ?? '';
  // Meal price on the button (before tax) and the total after tax are both money strings.
  expect(shown).toMatch(/\$\d+\.\d\d/);
  const number = await kiosk.payByCard();
  await expect.poll(() => receiptsMentioning(demoStore().printerDir, `Order ${number}`, total).length, { message: `a receipt for ${number} at ${total}` }).toBeGreaterThan(0);
  await expect.poll(() => receiptsMentioning(demoStore().printerDir, number, 'Main: Crispy Chicken Sandwich', 'Ranch', 'Drink: Lemonade').length, { message: 'the kitchen paper lists the components' }).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Done' }).click();

  // Diet chips: vegan leaves the lemonade and hides the beer.
  await kiosk.start();
  await kiosk.category('Drinks');
  await expect(kiosk.item('Draft Beer')).toBeVisible();
  await page.getByRole('group', { name: 'Dietary filters' }).getByRole('button', { name: 'Vegan' }).click();
  await expect(kiosk.item('Lemonade')).toBeVisible();
  await expect(kiosk.item('Draft Beer')).toHaveCount(0);
  await page.getByRole('group', { name: 'Dietary filters' }).getByRole('button', { name: 'Vegan' }).click();

  // Breakfast is 06:00–11:00 on the store's clock: the tile says so outside it, and shows a price inside.
  const store = await (await HubApi.connect()).get<{ timezone: string }>('/api/store');
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: store.timezone, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
  await kiosk.category('Breakfast');
  const muffin = kiosk.item('Egg & Cheese Muffin');
  if (hour >= 6 && hour < 11) await expect(muffin).not.toHaveAttribute('aria-disabled', 'true');
  else {
    await expect(muffin).toContainText('Served Breakfast (06:00–11:00)');
    await expect(muffin).toHaveAttribute('aria-disabled', 'true');
  }
  await expect(muffin).toContainText('Vegetarian');
});
