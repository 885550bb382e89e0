import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { HubApi, snapshot } from './page-models/demo-store';
import { PosPage } from './page-models/pos-page';

interface ServerOrder {
  id: string;
  totals: { total: number; tax: number };
}

test('points come off a sale before tax on the POS: the tax falls with them and the rest is paid in cash', async ({ page }) => {
  // The account earns first on a paid order of its own (about a hundred points).
  const api = await HubApi.connect();
  const phone = '5550107788';
  const earning = (await api.managerCommand('order.create', {
    orderId: randomUUID(), channel: 'counter', diningOption: 'take_out',
    lines: [{ lineId: randomUUID(), itemId: 'item-burger', quantity: 10, modifierOptionIds: ['opt-medium'] }],
  }) as { result: { order: ServerOrder } }).result.order;
  await api.managerCommand('loyalty.attach', { orderId: earning.id, account: phone });
  await api.managerCommand('payment.capture', { orderId: earning.id, paymentId: randomUUID(), tender: 'cash', amount: earning.totals.total, tendered: earning.totals.total });

  const pos = new PosPage(page);
  await pos.open();
  await pos.signIn('1111');
  await pos.addItem('Drinks', 'Draft Beer');
  await page.getByRole('button', { name: /^Pay / }).click();
  const dialog = page.getByRole('dialog', { name: /^Pay order/ });
  const dueBefore = (await dialog.getByTestId('amount-due').textContent()) ?? '';
  await dialog.getByRole('button', { name: 'Points' }).click();
  await dialog.getByLabel('Phone number or loyalty card').fill(phone);
  await dialog.getByRole('button', { name: 'Find account' }).click();
  await expect(dialog.getByTestId('points-balance')).toContainText('off before tax');
  await dialog.getByRole('button', { name: /^Use \d+ points$/ }).click();
  await expect(dialog.getByTestId('points-discount')).toContainText('Loyalty discount −');
  await snapshot(page, 'pos-points-discount');
  await dialog.getByRole('button', { name: 'Done' }).click();

  // The order now owes less than before, tax included, and the rest is paid in cash.
  await page.getByRole('button', { name: /^Pay / }).click();
  const rest = page.getByRole('dialog', { name: /^Pay order/ });
  const dueAfter = (await rest.getByTestId('amount-due').textContent()) ?? '';
  const amount = (text: string) => Number(text.replace(/[^\d.]/g, ''));
  expect(amount(dueAfter)).toBeLessThan(amount(dueBefore));
  await rest.getByRole('button', { name: 'Cash' }).click();
  await rest.getByRole('group', { name: 'Quick amounts' }).getByRole('button').first().click();
  await rest.getByRole('button', { name: 'Take cash' }).click();
  await expect(pos.changeDue()).toBeVisible();
});
