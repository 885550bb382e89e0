import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { withCheckDigit } from '@brigade/sync/model';
import { HubApi, snapshot } from './page-models/demo-store';
import { KioskPage } from './page-models/kiosk-page';
import { PosPage } from './page-models/pos-page';

interface ServerOrder {
  id: string;
  number: string;
  paymentStatus: string;
  payments: { tender: string; amount: number }[];
  totals: { total: number };
}

const BEER = 'item-beer';

test('stock received on the POS sells out, the kiosk shows it sold out at once, and gift cards pay at the POS and the kiosk', async ({ browser }) => {
  const api = await HubApi.connect();
  const pints = randomUUID();
  await api.managerCommand('inventory.defineIngredient', { ingredientId: pints, name: 'Lager pints', unit: 'each', lowThreshold: 1 });
  await api.managerCommand('inventory.setRecipe', { targetKind: 'item', targetId: BEER, components: [{ ingredientId: pints, quantity: 1 }] });

  const posPage = await (await browser.newContext()).newPage();
  const pos = new PosPage(posPage);
  const kioskPage = await (await browser.newContext()).newPage();
  const kiosk = new KioskPage(kioskPage);
  try {
    await pos.open();
    await pos.signIn('1111');
    // Receiving: two pints arrive.
    await posPage.getByRole('tablist', { name: 'POS' }).getByRole('tab', { name: 'Stock' }).click();
    await posPage.getByRole('tab', { name: 'Receive delivery' }).click();
    const more = posPage.getByRole('button', { name: 'More Lager pints' });
    await more.click();
    await more.click();
    await posPage.getByRole('button', { name: 'Record delivery' }).click();
    await expect(posPage.getByTestId('stock-Lager pints')).toContainText('2 pcs');

    await kiosk.open();
    await kiosk.start();
    await kiosk.category('Drinks');
    await expect(kiosk.item('Draft Beer')).not.toContainText('Sold out');

    // Selling both pints at the counter uses the stock up.
    await pos.tab('Register').click();
    await pos.addItem('Drinks', 'Draft Beer');
    await pos.addItem('Drinks', 'Draft Beer');
    await pos.payCash(0);
    await posPage.getByRole('button', { name: 'Done' }).click();

    await expect(kiosk.item('Draft Beer')).toContainText('Sold out');
    await expect(kiosk.item('Draft Beer')).toHaveAttribute('aria-disabled', 'true');
    await snapshot(kioskPage, 'kiosk-beer-sold-out-by-stock');
    await expect(posPage.getByRole('button', { name: /Low: Lager pints/ })).toBeVisible();
    await posPage.getByRole('button', { name: /Low: Lager pints/ }).click();
    await expect(posPage.getByTestId('low-stock-alert')).toContainText('Lager pints (0 pcs)');
    await snapshot(posPage, 'pos-stock-low');

    // Selling a 50.00 gift card at the counter: the card is activated once the order is paid.
    const card = withCheckDigit(`6271${String(Date.now()).slice(-11)}`);
    await pos.tab('Register').click();
    await posPage.getByRole('button', { name: 'New order' }).click();
    await posPage.getByRole('button', { name: 'Sell gift card' }).click();
    const sale = posPage.getByRole('dialog', { name: 'Gift card' });
    await sale.getByLabel('Card number').fill(card);
    await sale.getByRole('button', { name: '$50.00' }).click();
    await sale.getByRole('button', { name: 'Add $50.00 card to order' }).click();
    await expect(pos.ticketTotal()).toHaveText('$50.00');
    expect((await api.get<{ balance: number | null }>(`/api/gift-cards/${card}`)).balance).toBeNull();
    await pos.payCash(0);
    await posPage.getByRole('button', { name: 'Done' }).click();
    await expect.poll(async () => (await api.get<{ balance: number | null }>(`/api/gift-cards/${card}`)).balance).toBe(5000);

    // Paying at the counter with the card.
    await posPage.getByRole('button', { name: 'New order' }).click();
    await pos.addItem('Desserts', 'Crème brûlée');
    await posPage.getByRole('button', { name: /^Pay / }).click();
    const dialog = posPage.getByRole('dialog', { name: /^Pay order/ });
    await dialog.getByRole('button', { name: 'Gift card' }).click();
    await dialog.getByLabel('Gift card number').fill(card);
    await dialog.getByRole('button', { name: 'Check card' }).click();
    await expect(dialog.getByTestId('gift-balance')).toContainText('Balance $50.00');
    await dialog.getByRole('button', { name: /^Pay .* with gift card$/ }).click();
    await expect(dialog.getByText('Gift card accepted')).toBeVisible();
    const number = (await pos.orderNumber().textContent()) ?? '';
    const counterOrder = (await api.get<{ orders: ServerOrder[] }>('/api/orders?limit=50')).orders.find((o) => o.number === number);
    expect(counterOrder?.paymentStatus).toBe('paid');
    expect(counterOrder?.payments.map((p) => p.tender)).toEqual(['gift_card']);
    await dialog.getByRole('button', { name: 'Done' }).click();

    // And at the kiosk: the customer keys the number in.
    await kiosk.addItem('Sides', 'Fries', ['Small']);
    await kiosk.viewCart();
    await kioskPage.getByRole('button', { name: 'Pay with gift card' }).click();
    await kioskPage.getByLabel('Enter your gift card number').fill(card);
    await kioskPage.getByRole('button', { name: 'Check card' }).click();
    await expect(kioskPage.getByTestId('gift-balance')).toContainText('Balance');
    await snapshot(kioskPage, 'kiosk-gift-card');
    await kioskPage.getByRole('button', { name: /^Pay .* with gift card$/ }).click();
    await expect(kioskPage.getByTestId('kiosk-order-number')).toBeVisible();
    const balance = await api.get<{ balance: number }>(`/api/gift-cards/${card}`);
    expect(balance.balance).toBeLessThan(5000 - (counterOrder?.totals.total ?? 0));
  } finally {
    // Other tests sell beer: stop tracking it, which lifts the stock's 86.
    await api.managerCommand('inventory.setRecipe', { targetKind: 'item', targetId: BEER, components: [] });
    // And leave no low-stock alert on the screens of the tests after this one.
    await api.managerCommand('inventory.count', { lines: [{ ingredientId: pints, counted: 10 }] });
  }
});
