/**
 * Table service end to end in Chromium: table 4 seats 3 guests, lines go to seats, course 2
 * is held while course 1 goes to the grill (its screen shows it), course 2 is fired, the
 * check is split by seat and each seat pays on its own (card with a tip, cash, card).
 */
import { expect, test } from '@playwright/test';
import { HubApi, openPaired } from './page-models/demo-store';
import { KdsPage } from './page-models/kds-page';
import { PosPage } from './page-models/pos-page';

interface ServerOrder { id: string; number: string; paymentStatus: string; totals: { total: number }; payments: { tip: number; tender: string }[] }

test('a table of three orders in two courses, is split by seat and pays each seat', async ({ browser }) => {
  const api = await HubApi.connect();
  const grillPage = await (await browser.newContext()).newPage();
  await openPaired(grillPage, 'kds', await api.pairKds('grill'));
  const grill = new KdsPage(grillPage);

  const page = await (await browser.newContext()).newPage();
  const pos = new PosPage(page);
  await pos.open();
  await pos.signIn('1111');
  await page.getByRole('tablist', { name: 'POS' }).getByRole('tab', { name: 'Tables' }).click();
  await page.getByRole('button', { name: /^Table 4, free/ }).click();
  await page.getByRole('dialog', { name: 'Seat table 4' }).getByRole('button', { name: '3', exact: true }).click();
  const check = page.getByRole('complementary', { name: /^Check / });
  await expect(check.getByRole('heading', { name: /Table 4 · 3 guests/ })).toBeVisible();
  const number = ((await check.getAttribute('aria-label')) ?? '').replace('Check ', '');

  const seat = (n: number) => check.getByRole('radiogroup', { name: 'Seat' }).getByRole('radio', { name: `Seat ${n}` });
  const course = (n: number) => check.getByRole('radiogroup', { name: 'Course' }).getByRole('radio', { name: `Course ${n}` });
  // Each add waits for its picker and for the hub's answer, so no tap lands on a closing dialog.
  const lines = check.getByRole('list', { name: 'Lines' }).locator('li.check-line');
  const add = async (category: string, name: string, options: readonly string[]) => {
    const count = await lines.count();
    await pos.category(category);
    await pos.item(name).click();
    if (options.length > 0) {
      const picker = page.getByRole('dialog', { name });
      await expect(picker).toBeVisible();
      for (const option of options) await picker.getByRole('radio', { name: new RegExp(`^${option}`) }).click();
      await picker.getByRole('button', { name: /^Add to order/ }).click();
      await expect(picker).toBeHidden();
    }
    await expect(lines).toHaveCount(count + 1);
  };
  await seat(1).click();
  await add('Burgers', 'Classic Burger', ['Medium']);
  await seat(2).click();
  await add('Burgers', 'Double Cheeseburger', ['Medium']);
  await seat(3).click();
  await add('Burgers', 'Classic Burger', ['Medium']);
  await course(2).click();
  await add('Desserts', 'Crème brûlée', []);
  await expect(check.getByRole('listitem', { name: /Crème brûlée, course 2, held/ })).toBeVisible();

  // A line discount is priced by the store as the model prices it, and shown on the check.
  await check.getByRole('button', { name: '10% off Double Cheeseburger' }).click();
  await expect(check.getByTestId('check-discount')).toBeVisible();

  // Send: course 1 goes to the grill, course 2 waits.
  await check.getByRole('button', { name: 'Send' }).click();
  await expect(grill.ticket(number)).toHaveCount(1);
  await expect(grill.ticket(number)).toContainText('Double Cheeseburger');
  await expect(grill.ticket(number)).not.toContainText('Crème brûlée');
  await check.getByRole('button', { name: 'Fire course 2' }).click();
  // Course 2 arrives as its own ticket of this order (other orders on the grill may hold a brûlée too).
  await expect(grill.ticket(number).filter({ hasText: 'Crème brûlée' })).toHaveCount(1);
  await expect(check.getByRole('listitem', { name: /Crème brûlée, course 2, sent/ })).toBeVisible();

  const before = (await api.get<{ orders: ServerOrder[] }>('/api/orders?limit=50')).orders.find((o) => o.number === number);
  expect(before).toBeDefined();
  await check.getByRole('button', { name: 'Split by seat' }).click();
  const parts = check.getByRole('list', { name: 'Split checks' });
  await expect(parts.getByRole('listitem')).toHaveCount(3);

  const pay = async (label: string, tip: RegExp, tender: 'Card' | 'Cash') => {
    await parts.getByRole('button', { name: `Pay ${label}` }).click();
    await page.getByRole('dialog', { name: 'Tip' }).getByRole('button', { name: tip }).click();
    const dialog = page.getByRole('dialog', { name: /^Pay order/ });
    await dialog.getByRole('button', { name: tender, exact: true }).click();
    if (tender === 'Cash') {
      await dialog.getByRole('group', { name: 'Quick amounts' }).getByRole('button').first().click();
      await dialog.getByRole('button', { name: 'Take cash' }).click();
    } else {
      await expect(dialog.getByText('Approved')).toBeVisible();
    }
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(parts.getByRole('listitem').filter({ hasText: label })).toContainText('Paid');
  };
  await pay('Seat 1', /^18%/, 'Card');
  await pay('Seat 2', /^No tip/, 'Cash');
  await pay('Seat 3', /^No tip/, 'Card');

  // The three paid checks add up to the table's check to the cent; the tip rode on seat 1's card.
  const { check: parent } = await api.get<{ check: { splitInto: string[] } }>(`/api/checks/${before?.id ?? ''}`);
  const children = await Promise.all(parent.splitInto.map(async (id) => (await api.get<{ order: ServerOrder }>(`/api/orders/${id}`)).order));
  expect(children.map((c) => c.paymentStatus)).toEqual(['paid', 'paid', 'paid']);
  expect(children.reduce((s, c) => s + c.totals.total, 0)).toBe(before?.totals.total);
  expect(children[0]?.payments[0]?.tip).toBeGreaterThan(0);
});

test('a manager edits the floor on the POS: a seat more at table 8 and a new table in the bar', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  const pos = new PosPage(page);
  await pos.open();
  await pos.signIn('9999');
  await page.getByRole('tablist', { name: 'POS' }).getByRole('tab', { name: 'Tables' }).click();
  const before = await page.getByRole('button', { name: /^Table 8,/ }).textContent();
  const seats = Number(/(\d+) seats/.exec(before ?? '')?.[1]);
  await page.getByRole('button', { name: 'Edit floor' }).click();
  const editor = page.getByRole('dialog', { name: 'Edit the floor' });
  await editor.getByRole('button', { name: 'One seat more at 8' }).click();
  await expect(page.getByRole('button', { name: /^Table 8,/ })).toContainText(`${seats + 1} seats`);
  const api = await HubApi.connect();
  const bar = async () => (await api.get<{ tables: { sectionId: string }[] }>('/api/floor')).tables.filter((t) => t.sectionId === 'bar').length;
  const barTables = await bar();
  await editor.getByRole('button', { name: 'Add a table to Bar' }).click();
  await expect.poll(bar).toBe(barTables + 1);
});

test('a check takes another table\'s check in a merge, then moves to another table', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  const pos = new PosPage(page);
  await pos.open();
  await pos.signIn('1111');
  await page.getByRole('tablist', { name: 'POS' }).getByRole('tab', { name: 'Tables' }).click();
  const seatTable = async (label: string) => {
    await page.getByRole('button', { name: new RegExp(`^Table ${label}, free`) }).click();
    await page.getByRole('dialog', { name: `Seat table ${label}` }).getByRole('button', { name: '2', exact: true }).click();
    await expect(page.getByRole('heading', { name: new RegExp(`Table ${label} · 2 guests`) })).toBeVisible();
  };
  await seatTable('1');
  await page.getByRole('button', { name: 'Floor' }).click();
  await seatTable('2');
  await page.getByRole('button', { name: 'Move or merge' }).click();
  await page.getByRole('dialog', { name: 'Move or merge' }).getByRole('group', { name: 'Merge into this check' }).getByRole('button', { name: /^Table 1 ·/ }).click();
  await expect(page.getByRole('heading', { name: /Table 2 · 4 guests/ })).toBeVisible();
  await page.getByRole('button', { name: 'Move or merge' }).click();
  await page.getByRole('dialog', { name: 'Move or merge' }).getByRole('group', { name: 'Move to table' }).getByRole('button', { name: '3', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Table 3 · 4 guests/ })).toBeVisible();
  await page.getByRole('button', { name: 'Floor' }).click();
  await expect(page.getByRole('button', { name: /^Table 1, free/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Table 2, free/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Table 3, seated/ })).toBeVisible();
});
