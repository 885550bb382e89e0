import { expect, test } from '@playwright/test';
import { HubApi } from './page-models/demo-store';
import { PosPage } from './page-models/pos-page';

interface ServerOrder {
  id: string;
  number: string;
}

test('when the hub took an order but every reply was lost, paying again does not make a second order', async ({ page }) => {
  const api = await HubApi.connect();
  const before = (await api.get<{ orders: ServerOrder[] }>('/api/orders?limit=200')).orders.length;

  const pos = new PosPage(page);
  await pos.open();
  await pos.signIn('1111');
  await pos.addItem('Desserts', 'Crème brûlée');

  const sent: string[] = [];
  let dropReplies = true;
  // The request reaches the hub and is applied; only the answer is lost on the way back.
  await page.route('**/api/commands/order.create', async (route) => {
    sent.push((JSON.parse(route.request().postData() ?? '{}') as { commandId: string }).commandId);
    const response = await route.fetch();
    if (dropReplies) await route.abort('connectionreset');
    else await route.fulfill({ response });
  });

  await page.getByRole('button', { name: /^Pay / }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'cannot be reached' })).toBeVisible({ timeout: 30_000 });
  const afterLoss = (await api.get<{ orders: ServerOrder[] }>('/api/orders?limit=200')).orders.length;
  expect(afterLoss).toBe(before + 1);

  dropReplies = false;
  await page.getByRole('button', { name: /^Pay / }).click();
  await expect(page.getByRole('dialog', { name: /^Pay order/ })).toBeVisible();
  const number = (await pos.orderNumber().textContent()) ?? '';

  const orders = (await api.get<{ orders: ServerOrder[] }>('/api/orders?limit=200')).orders;
  expect(orders.length).toBe(before + 1);
  expect(orders.filter((o) => o.number === number)).toHaveLength(1);
  expect(sent.length).toBeGreaterThan(2);
  expect(new Set(sent).size).toBe(1);
});
