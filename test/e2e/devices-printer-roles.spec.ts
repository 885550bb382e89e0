/**
 * The manager gives a printer a role from the POS hardware page: the kitchen printer becomes
 * the expo printer, the next fire prints its expo copy there at once (no restart), and the
 * page shows the role the hub stored. A whole edge node with two virtual network printers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type VirtualPrinter, startVirtualPrinter } from '@brigade/drivers/virtual';
import { DEMO, type Order, demoStaff, newId } from '@brigade/sync/model';
import { loadConfig } from '../../edge/src/config';
import { type EdgeNode, startEdgeNode } from '../../edge/src/hub/start-edge-node';

const repo = new URL('../../', import.meta.url).pathname;
const MANAGER_PIN = demoStaff[1].pin;
const system = { deviceId: null, deviceRole: 'system' as const, stationId: null, staff: null };

let dir: string;
let front: VirtualPrinter;
let grill: VirtualPrinter;
let node: EdgeNode;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dir = mkdtempSync(join(tmpdir(), 'brigade-e2e-printer-roles-'));
  const uiDist = join(dir, 'ui');
  execFileSync(join(repo, 'node_modules/.bin/vite'), ['build', '--config', 'ui/vite.config.ts', '--outDir', uiDist, '--logLevel', 'warn'], { cwd: repo, stdio: 'inherit' });
  front = await startVirtualPrinter({ port: 0, name: 'front' });
  grill = await startVirtualPrinter({ port: 0, name: 'grill' });
  const config = loadConfig({
    BRIGADE_DATA_DIR: join(dir, 'edge'),
    BRIGADE_HUB_HOST: '127.0.0.1',
    BRIGADE_HUB_PORT: '0',
    BRIGADE_UI_DIST: uiDist,
    BRIGADE_PRINTERS: JSON.stringify([
      { id: 'front', role: 'receipt', host: '127.0.0.1', port: front.port },
      { id: 'grill', role: 'kitchen', host: '127.0.0.1', port: grill.port, stations: [DEMO.grill] },
    ]),
  });
  node = await startEdgeNode({ config, store: { seedDemo: true }, printRunner: { pollMs: 100, probeMs: 200 } });
});

test.afterAll(async () => {
  await node?.close();
  await front?.close();
  await grill?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the manager makes the grill printer the expo printer, and the next fire prints its expo copy there', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${node.port}/pos/#setup=${node.store.auth.createSetupCode('pos')}`);
  await page.getByRole('group', { name: 'Staff PIN' }).locator('input').fill(MANAGER_PIN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('tablist', { name: 'POS' }).getByRole('tab', { name: /^Manager/ }).click();
  await page.getByRole('tablist', { name: 'Manager sections' }).getByRole('tab', { name: 'Hardware' }).click();

  const row = page.getByRole('list', { name: 'Printers' }).getByRole('listitem').filter({ hasText: 'grill' });
  await expect(row.locator('[data-role]')).toHaveText('Kitchen: Grill');
  const form = row.getByRole('form', { name: 'Role of grill' });
  await form.getByLabel('Role').selectOption('expo');
  await form.getByRole('button', { name: 'Save role' }).click();
  await expect(page.getByText('grill saved.')).toBeVisible();
  await expect(row.locator('[data-role]')).toHaveText('Expo');

  const created = await node.store.execute('order.create', newId(), {
    orderId: newId(), channel: 'counter', diningOption: 'eat_in', lines: [{ lineId: newId(), itemId: DEMO.burger, quantity: 1, modifierOptionIds: [DEMO.medium] }],
  }, system);
  const order = (created.result as { order: Order }).order;
  await node.store.execute('order.fire', newId(), { orderId: order.id }, system);
  const [copy] = await grill.waitForReceipts(1);
  expect(copy?.text.split('\n').map((line) => line.trim()).slice(0, 2)).toEqual(['EXPO', order.number]);
  expect(copy?.text).toContain('[Grill]');
  // With no kitchen printer left for the grill, its own ticket goes to the receipt printer.
  await expect.poll(() => front.receipts().some((r) => r.text.includes('GRILL') && r.text.includes(order.number))).toBe(true);

  // Kept in the edge database, where a restart reads it from.
  const stored = node.store.db.prepare("SELECT role FROM printer_settings WHERE printer_id = 'grill'").get() as { role: string } | undefined;
  expect(stored?.role).toBe('expo');
});
