/**
 * The POS's hardware page against a store of its own: a whole edge node whose receipt
 * printer is a virtual network printer this spec controls, so it can run out of paper while
 * the manager looks at the page. The screens are built into a private folder so the page
 * under test is the one in this tree, whatever the shared build holds.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type VirtualPrinter, startVirtualPrinter } from '@brigade/drivers/virtual';
import { demoStaff } from '@brigade/sync/model';
import { loadConfig } from '../../edge/src/config';
import { type EdgeNode, startEdgeNode } from '../../edge/src/hub/start-edge-node';

const repo = new URL('../../', import.meta.url).pathname;
const MANAGER_PIN = demoStaff[1].pin;

let dir: string;
let printer: VirtualPrinter;
let node: EdgeNode;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dir = mkdtempSync(join(tmpdir(), 'brigade-e2e-hardware-'));
  const uiDist = join(dir, 'ui');
  execFileSync(join(repo, 'node_modules/.bin/vite'), ['build', '--config', 'ui/vite.config.ts', '--outDir', uiDist, '--logLevel', 'warn'], { cwd: repo, stdio: 'inherit' });
  printer = await startVirtualPrinter({ port: 0, name: 'front' });
  const config = loadConfig({
    BRIGADE_DATA_DIR: join(dir, 'edge'),
    BRIGADE_HUB_HOST: '127.0.0.1',
    BRIGADE_HUB_PORT: '0',
    BRIGADE_UI_DIST: uiDist,
    BRIGADE_PRINTERS: JSON.stringify([{ id: 'front', role: 'receipt', host: '127.0.0.1', port: printer.port }]),
  });
  // The runner looks at an idle printer every 200 ms, so trouble shows before a sale hits it.
  node = await startEdgeNode({ config, store: { seedDemo: true }, printRunner: { pollMs: 100, probeMs: 200 } });
});

test.afterAll(async () => {
  await node?.close();
  await printer?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the hardware page shows the receipt printer ready, then out of paper the moment it runs out', async ({ page, browser }) => {
  const setupCode = node.store.auth.createSetupCode('pos');
  await page.goto(`http://127.0.0.1:${node.port}/pos/#setup=${setupCode}`);
  await page.getByRole('group', { name: 'Staff PIN' }).locator('input').fill(MANAGER_PIN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('tablist', { name: 'POS' }).getByRole('tab', { name: /^Manager/ }).click();
  await page.getByRole('tablist', { name: 'Manager sections' }).getByRole('tab', { name: 'Hardware' }).click();

  const row = page.getByRole('list', { name: 'Printers' }).getByRole('listitem').filter({ hasText: 'front' });
  await expect(row.locator('.badge')).toHaveText('Ready');

  printer.setCondition('paper-end');
  await expect(row.locator('.badge')).toHaveText('Out of paper');
  // Every screen says so, not only the hardware page: the POS's banner, and a kitchen display's.
  await expect(page.getByRole('alert').filter({ hasText: 'Printer front is out of paper' })).toBeVisible();
  // Its own browser context: a screen's pairing lives in its storage, shared within a context.
  const kdsContext = await browser.newContext();
  const kds = await kdsContext.newPage();
  await kds.goto(`http://127.0.0.1:${node.port}/kds/#setup=${node.store.auth.createSetupCode('kds')}`);
  await expect(kds.getByRole('alert').filter({ hasText: 'Printer front is out of paper' })).toBeVisible();

  await row.getByRole('button', { name: 'Print test page' }).click();
  await expect(page.getByText(/front did not print: Out of paper/)).toBeVisible();
  expect(printer.receipts()).toHaveLength(0);

  printer.setCondition('ready');
  await expect(row.locator('.badge')).toHaveText('Ready');
  await expect(kds.getByRole('alert')).toHaveCount(0);
  await kdsContext.close();
  await row.getByRole('button', { name: 'Print test page' }).click();
  await expect(page.getByText('Test page printed on front.')).toBeVisible();
  const [paper] = await printer.waitForReceipts(1);
  expect(paper?.text).toContain('BRIGADE TEST PAGE');
});
