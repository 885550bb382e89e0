/** The self-order kiosk as a customer uses it. */
import { type Locator, type Page, expect } from '@playwright/test';
import { demoStore } from './demo-store';

export class KioskPage {
  constructor(readonly page: Page) {}

  /** `query` sets the store's waits, e.g. `?idleSeconds=3&askSeconds=3`. */
  async open(query = ''): Promise<void> {
    await this.page.goto(`${demoStore().url}/kiosk/${query}#setup=${demoStore().setupCodes.kiosk}`);
    await expect(this.page.getByRole('button', { name: /Touch to order/ })).toBeVisible();
  }

  async start(): Promise<void> {
    await this.page.getByRole('button', { name: /Touch to order/ }).click();
    await expect(this.page.getByRole('tablist', { name: 'Categories' })).toBeVisible();
  }

  async category(name: string): Promise<void> {
    await this.page.getByRole('tablist', { name: 'Categories' }).getByRole('tab', { name }).click();
  }

  item(name: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^${name},`) });
  }

  async addItem(category: string, name: string, options: readonly string[] = []): Promise<void> {
    await this.category(category);
    await this.item(name).click();
    const picker = this.page.getByRole('dialog', { name });
    if (await picker.isVisible()) {
      for (const option of options) await picker.getByRole('radio', { name: new RegExp(`^${option}`) }).or(picker.getByRole('checkbox', { name: new RegExp(`^${option}`) })).click();
      await picker.getByRole('button', { name: /^Add to order/ }).click();
      await expect(picker).toBeHidden();
    }
  }

  async viewCart(): Promise<void> {
    await this.page.getByRole('button', { name: /^View order/ }).click();
    await expect(this.page.getByRole('heading', { name: 'Your order' })).toBeVisible();
  }

  upsell(): Locator {
    return this.page.getByRole('region', { name: 'Suggestion' });
  }

  async payByCard(): Promise<string> {
    await this.page.getByRole('button', { name: /^Pay by card/ }).click();
    const number = this.page.getByTestId('kiosk-order-number');
    await expect(number).toBeVisible();
    return (await number.textContent()) ?? '';
  }
}
