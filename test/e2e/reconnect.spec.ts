import { type WebSocketRoute, expect, test } from '@playwright/test';
import { HubApi, snapshot } from './page-models/demo-store';
import { KioskPage } from './page-models/kiosk-page';

test('a screen that loses its live connection says so, reconnects asking for what it missed, and catches up', async ({ page }) => {
  const urls: string[] = [];
  let current: WebSocketRoute | null = null;
  let cutOff = false;
  // The real hub stays up; only this screen's link to it is cut, as a flaky Wi-Fi would.
  await page.routeWebSocket(/\/ws\?/, (ws) => {
    urls.push(ws.url());
    if (cutOff) {
      void ws.close();
      return;
    }
    ws.connectToServer();
    current = ws;
  });

  const kiosk = new KioskPage(page);
  await kiosk.open();
  await kiosk.start();
  await kiosk.category('Drinks');
  // The kiosk shows staff a wordless dot for its link; customers never see sync or re-enrol messages.
  const badge = page.getByTestId('kiosk-link');
  await expect(badge).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('connection-badge')).toHaveCount(0);
  await expect(page.getByTestId('sync-badge')).toHaveCount(0);
  await expect(page.getByTestId('sync-detail')).toHaveCount(0);

  cutOff = true;
  await (current as WebSocketRoute | null)?.close();
  await expect(badge).toHaveAttribute('data-state', /reconnecting|offline/);
  await snapshot(page, 'kiosk-reconnecting');

  const api = await HubApi.connect();
  await api.managerCommand('item.set86', { itemId: 'item-lemonade', unavailable: true });
  try {
    await expect(kiosk.item('Lemonade')).not.toContainText('Sold out');
    cutOff = false;
    await expect(badge).toHaveAttribute('data-state', 'online', { timeout: 20_000 });
    await expect(kiosk.item('Lemonade')).toContainText('Sold out');
    expect(urls[0]).not.toContain('since=');
    expect(urls.at(-1)).toMatch(/[?&]since=\d+/);
  } finally {
    await api.managerCommand('item.set86', { itemId: 'item-lemonade', unavailable: false });
  }
});
