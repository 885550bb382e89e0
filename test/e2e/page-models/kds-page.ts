/** A kitchen display as the line sees it. */
import { type Locator, type Page, expect } from '@playwright/test';

export class KdsPage {
  constructor(readonly page: Page) {}

  title(): Locator {
    return this.page.getByTestId('kds-station');
  }

  ticket(orderNumber: string): Locator {
    return this.page.getByRole('region', { name: 'Open tickets' }).locator(`[data-order-number="${orderNumber}"]`);
  }

  /** Expo's card for one order, with a button per station. */
  expoOrder(orderNumber: string): Locator {
    return this.page.getByRole('article', { name: `Order ${orderNumber}` });
  }

  async recall(orderNumber: string): Promise<void> {
    await this.page.getByRole('button', { name: `Recall ${orderNumber}` }).click();
    await expect(this.ticket(orderNumber)).toHaveCount(1);
  }

  async bump(orderNumber: string): Promise<void> {
    await this.ticket(orderNumber).click();
    await expect(this.ticket(orderNumber)).toHaveCount(0);
  }
}
