import { expect, test } from '@playwright/test';
import { snapshot } from './page-models/demo-store';
import { KdsPage } from './page-models/kds-page';
import { PairingPage } from './page-models/pairing-page';
import { PosPage } from './page-models/pos-page';

test('an unpaired screen shows a code, a manager approves it on the POS, and it becomes a grill KDS', async ({ browser }) => {
  const screenPage = await (await browser.newContext()).newPage();
  const screen = new PairingPage(screenPage);
  const code = await screen.open('kds');
  await snapshot(screenPage, 'pairing-code');

  const posPage = await (await browser.newContext()).newPage();
  const pos = new PosPage(posPage);
  await pos.open();
  await pos.signIn('9999');
  await pos.managerSection('Devices');
  const request = posPage.getByRole('form', { name: `Pairing request ${code}` });
  await expect(request).toBeVisible();
  await request.getByLabel('Role').selectOption('kds');
  await request.getByLabel('Station').selectOption({ label: 'Grill' });
  await snapshot(posPage, 'pos-devices');
  await request.getByRole('button', { name: 'Approve' }).click();
  await expect(request).toHaveCount(0);

  const kds = new KdsPage(screenPage);
  await expect(kds.title()).toHaveText('Grill');
  await expect(screenPage.getByRole('region', { name: 'Open tickets' })).toBeVisible();
  await snapshot(screenPage, 'kds-after-pairing');
});
