import { expect, test } from '@playwright/test';
import { HubApi, snapshot } from './page-models/demo-store';
import { PosPage } from './page-models/pos-page';

interface ServerOrder {
  number: string;
  status: string;
  diningOption: string;
  paymentStatus: string;
  payments: { tender: string; amount: number }[];
  totals: { total: number };
}

test('an eat-in card sale at the counter follows the reader to approved and sends the order to the kitchen', async ({ page }) => {
  const pos = new PosPage(page);
  await pos.open();
  await pos.signIn('1111');
  await pos.addItem('Drinks', 'Cola', ['Small']);
  await pos.addItem('Desserts', 'Crème brûlée');
  await page.getByRole('radiogroup', { name: 'Dining option' }).getByRole('radio', { name: 'Eat in' }).click();
  await page.getByRole('button', { name: /^Pay / }).click();
  const dialog = page.getByRole('dialog', { name: /^Pay order/ });
  await dialog.getByRole('button', { name: 'Card', exact: true }).click();
  await expect(dialog.getByText('Approved')).toBeVisible();
  await snapshot(page, 'pos-card-approved');
  const number = (await pos.orderNumber().textContent()) ?? '';

  const api = await HubApi.connect();
  const order = (await api.get<{ orders: ServerOrder[] }>('/api/orders?limit=50')).orders.find((o) => o.number === number);
  expect(order?.paymentStatus).toBe('paid');
  expect(order?.status).toBe('preparing');
  expect(order?.diningOption).toBe('eat_in');
  expect(order?.payments.map((p) => [p.tender, p.amount])).toEqual([['card', order?.totals.total]]);
});
