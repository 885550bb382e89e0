import { expect, test } from '@playwright/test';
import { HubApi, snapshot } from './page-models/demo-store';
import { PosPage } from './page-models/pos-page';

interface ServerOrder {
  number: string;
  paymentStatus: string;
  refunded: number;
}

test('wrong PINs are refused with the hub message, and five of them lock PIN entry', async ({ page }) => {
  const pos = new PosPage(page);
  await pos.open();
  await pos.enterPin('0000');
  await expect(page.getByRole('alert').filter({ hasText: 'That PIN is not right' })).toBeVisible();
  for (let i = 0; i < 4; i++) await pos.enterPin('0000');
  await expect(page.getByText('PIN entry locked')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeDisabled();
  await snapshot(page, 'pos-pin-locked');
});

test('a cashier refund needs a manager PIN: a wrong one changes nothing, the right one refunds and is audited', async ({ page }) => {
  const pos = new PosPage(page);
  await pos.open();
  await pos.signIn('1111');
  await pos.addItem('Drinks', 'Draft Beer');
  await pos.payCash(0);
  await expect(pos.changeDue()).toBeVisible();
  const number = (await pos.orderNumber().textContent()) ?? '';
  await page.getByRole('button', { name: 'Done' }).click();

  await pos.tab('Orders').click();
  await page.getByRole('checkbox', { name: /Show collected/ }).check();
  await pos.orderRow(number).getByRole('button', { name: new RegExp(`^${number}`) }).click();
  const refund = pos.orderRow(number).getByRole('button', { name: /^Refund cash/ });

  await refund.click();
  await pos.approveAsManager('1111');
  await expect(page.getByRole('alert').first()).toBeVisible();
  const api = await HubApi.connect();
  const before = (await api.get<{ orders: ServerOrder[] }>('/api/orders?limit=50')).orders.find((o) => o.number === number);
  expect(before?.paymentStatus).toBe('paid');
  expect(before?.refunded).toBe(0);

  await refund.click();
  await pos.approveAsManager('9999');
  await expect(pos.orderRow(number)).toContainText('refunded');
  const after = (await api.get<{ orders: ServerOrder[] }>('/api/orders?limit=50')).orders.find((o) => o.number === number);
  expect(after?.paymentStatus).toBe('refunded');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await pos.signIn('9999');
  await pos.managerSection('Audit trail');
  await expect(page.getByRole('table').getByRole('row').filter({ hasText: 'payment.refund' }).first()).toBeVisible();
  await snapshot(page, 'pos-audit');
});
