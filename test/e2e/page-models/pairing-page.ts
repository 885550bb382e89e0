/** A screen that has never been paired: it shows a code and waits. */
import { type Locator, type Page, expect } from '@playwright/test';
import { demoStore } from './demo-store';

export class PairingPage {
  constructor(readonly page: Page) {}

  async open(app: 'pos' | 'kiosk' | 'kds'): Promise<string> {
    await this.page.goto(`${demoStore().url}/${app}/`);
    await expect(this.page.getByRole('heading', { name: 'Pair this screen' })).toBeVisible();
    const code = this.code();
    await expect(code).toHaveText(/^[0-9]{6}$/);
    return (await code.textContent()) ?? '';
  }

  code(): Locator {
    return this.page.getByTestId('pairing-code');
  }
}
