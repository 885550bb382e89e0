import { expect, test } from '@playwright/test';
import { HubApi } from './page-models/demo-store';
import { PosPage } from './page-models/pos-page';

interface ServerOrder {
  number: string;
  status: string;
  paymentStatus: string;
  diningOption: string;
}

test('an eat-in order goes to the kitchen before it is paid, and is paid later from its ticket', async ({ page }) => {
  const pos = new PosPage(page);
  await pos.open();
  await pos.signIn('1111');
  await page.getByRole('radiogroup', { name: 'Dining option' }).getByRole('radio', { name: 'Eat in' }).click();
  await pos.addItem('Burgers', 'Double Cheeseburger', ['Medium']);
  await page.getByRole('button', { name: 'Send to kitchen' }).click();
  const number = (await pos.orderNumber().textContent()) ?? '';
  expect(number).not.toBe('');

  const api = await HubApi.connect();
  const find = async () => (await api.get<{ orders: ServerOrder[] }>('/api/orders?limit=50')).orders.find((o) => o.number === number);
  await expect.poll(async () => (await find())?.status).toBe('preparing');
  expect((await find())?.paymentStatus).toBe('unpaid');
  expect((await find())?.diningOption).toBe('eat_in');

  await page.getByRole('button', { name: /^Pay / }).click();
  const dialog = page.getByRole('dialog', { name: `Pay order ${number}` });
  await dialog.getByRole('button', { name: 'Card', exact: true }).click();
  await expect(dialog.getByText('Approved')).toBeVisible();
  await expect.poll(async () => (await find())?.paymentStatus).toBe('paid');
});
