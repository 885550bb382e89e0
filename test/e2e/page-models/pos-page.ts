/** The counter POS as a cashier or manager uses it. */
import { type Locator, type Page, expect } from '@playwright/test';
import { demoStore } from './demo-store';

export class PosPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto(`${demoStore().url}/pos/#setup=${demoStore().setupCodes.pos}`);
    await expect(this.page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  }

  async enterPin(pin: string): Promise<void> {
    await this.page.getByRole('group', { name: 'Staff PIN' }).locator('input').fill(pin);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  async signIn(pin: string): Promise<void> {
    await this.enterPin(pin);
    await expect(this.page.getByRole('tab', { name: 'Register' })).toBeVisible();
  }

  /** Answers the manager approval dialog a cashier's manager action opens. */
  async approveAsManager(pin: string): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: 'Manager approval' });
    await dialog.getByRole('group', { name: 'Manager PIN' }).locator('input').fill(pin);
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await expect(dialog).toBeHidden();
  }

  tab(name: 'Register' | 'Orders' | 'Manager'): Locator {
    return this.page.getByRole('tablist', { name: 'POS' }).getByRole('tab', { name: new RegExp(`^${name}`) });
  }

  async category(name: string): Promise<void> {
    await this.page.getByRole('tablist', { name: 'Categories' }).getByRole('tab', { name }).click();
  }

  item(name: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^${name},`) });
  }

  /** Adds an item, choosing the named options in its modifier picker when it has one. */
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

  /**
   * What a keyboard-wedge scanner does: the code's keys and Enter in one burst, milliseconds
   * apart. Sent inside the page, because keys driven one by one from the test arrive as slowly
   * as a person typing on a loaded machine.
   */
  async scanBarcode(code: string): Promise<void> {
    await this.page.evaluate((text) => {
      for (const key of [...text, 'Enter']) document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    }, code);
  }

  ticketTotal(): Locator {
    return this.page.getByRole('complementary').getByTestId('total');
  }

  async payCash(quickIndex: number): Promise<{ tendered: string }> {
    await this.page.getByRole('button', { name: /^Pay / }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Pay order/ });
    await dialog.getByRole('button', { name: 'Cash' }).click();
    const quick = dialog.getByRole('group', { name: 'Quick amounts' }).getByRole('button').nth(quickIndex);
    const tendered = (await quick.textContent()) ?? '';
    await quick.click();
    await dialog.getByRole('button', { name: 'Take cash' }).click();
    return { tendered };
  }

  changeDue(): Locator {
    return this.page.getByTestId('change-due');
  }

  orderNumber(): Locator {
    return this.page.getByRole('complementary').getByTestId('order-number');
  }

  orderRow(number: string): Locator {
    return this.page.locator(`li.order-row[data-order-number="${number}"]`);
  }

  async managerSection(name: 'Sold out (86)' | 'Cash drawer' | 'Audit trail' | 'Devices'): Promise<void> {
    await this.tab('Manager').click();
    await this.page.getByRole('tablist', { name: 'Manager sections' }).getByRole('tab', { name }).click();
  }

  soldOutSwitch(itemName: string): Locator {
    return this.page.getByRole('switch', { name: `${itemName} sold out` });
  }
}
