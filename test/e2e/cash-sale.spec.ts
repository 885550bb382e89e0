import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { HubApi, demoStore, receiptsMentioning, snapshot } from './page-models/demo-store';
import { PosPage } from './page-models/pos-page';

interface ServerOrder {
  number: string;
  totals: { total: number; currency: string };
  paymentStatus: string;
  payments: { tender: string; tendered: number | null; change: number | null }[];
}

const money = (minor: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(minor / 100);

test('a cashier rings up a burger with modifiers and fries, takes cash, and the receipt prints with the drawer kick', async ({ page }) => {
  const pos = new PosPage(page);
  await pos.open();
  await snapshot(page, 'pos-sign-in');
  await pos.signIn('1111');

  await pos.addItem('Burgers', 'Classic Burger', ['Rare', 'Bacon']);
  await pos.addItem('Sides', 'Fries', ['Large']);
  await expect(page.getByRole('complementary')).toContainText('Bacon');
  const shownTotal = (await pos.ticketTotal().textContent()) ?? '';
  await snapshot(page, 'pos-ticket');

  const { tendered } = await pos.payCash(1);
  await expect(pos.changeDue()).toBeVisible();
  await snapshot(page, 'pos-change-due');
  const number = (await pos.orderNumber().textContent()) ?? '';
  expect(number).not.toBe('');

  const api = await HubApi.connect();
  const { orders } = await api.get<{ orders: ServerOrder[] }>('/api/orders?limit=20');
  const order = orders.find((o) => o.number === number);
  expect(order, `order ${number} at the hub`).toBeDefined();
  if (!order) return;
  expect(money(order.totals.total)).toBe(shownTotal);
  expect(order.paymentStatus).toBe('paid');
  const cash = order.payments.find((p) => p.tender === 'cash');
  expect(cash?.tendered).not.toBeNull();
  expect(money(cash?.tendered ?? 0)).toBe(tendered);
  await expect(pos.changeDue()).toHaveText(money(cash?.change ?? -1));
  expect(cash?.change).toBeGreaterThan(0);

  const { printerDir } = demoStore();
  // The customer receipt, not the kitchen ticket: it names the order and carries the total.
  await expect.poll(() => receiptsMentioning(printerDir, `Order ${number}`, shownTotal).length, { message: `a receipt for ${number} in ${printerDir}` }).toBe(1);
  await expect.poll(() => {
    try {
      return readFileSync(join(printerDir, 'drawer.log'), 'utf8').trim().split('\n').length;
    } catch {
      return 0;
    }
  }, { message: 'a drawer kick in the virtual printer log' }).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Reprint receipt' }).click();
  await expect.poll(() => receiptsMentioning(printerDir, `Order ${number}`, shownTotal, 'REPRINT').length, { message: 'a reprint with its banner' }).toBe(1);
});
