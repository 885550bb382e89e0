import { describe, expect, it } from 'vitest';
import type { OnlineIntake, Order } from '@brigade/sync/model';
import { flagLines, isNewOnlineOrder, orderTag } from './online-orders';

const order = (over: Omit<Partial<Order>, 'id'> & { id?: string }): Order => ({ channel: 'online', tableLabel: null, status: 'preparing', ...over, id: over.id ?? 'o-1' }) as Order;

describe('online orders on the POS', () => {
  it('tags pickup and table orders and leaves in-store orders untagged', () => {
    expect(orderTag(order({ channel: 'online' }))).toBe('ONLINE');
    expect(orderTag(order({ channel: 'table', tableLabel: '12' }))).toBe('TABLE 12');
    expect(orderTag(order({ channel: 'counter' }))).toBeNull();
    expect(orderTag(order({ channel: 'kiosk' }))).toBeNull();
  });

  it('cues an online order once, when it first arrives', () => {
    const seen = new Set(['known']);
    expect(isNewOnlineOrder(seen, order({ id: 'fresh' }))).toBe(true);
    expect(isNewOnlineOrder(seen, order({ id: 'known' }))).toBe(false);
    expect(isNewOnlineOrder(seen, order({ id: 'counter', channel: 'counter' }))).toBe(false);
    expect(isNewOnlineOrder(seen, order({ id: 'done', status: 'completed' }))).toBe(false);
  });

  it('words each flag for the cashier', () => {
    const intake: OnlineIntake = {
      orderId: 'o-1', acceptedAt: '', cloudTotal: 100, paidOnline: 100,
      flags: [{ kind: 'eighty_sixed', itemId: 'item-fries', name: 'Fries' }, { kind: 'item_unknown', itemId: 'x', name: 'Mystery soda' }],
    };
    expect(flagLines(intake)).toEqual(["Fries is 86'd here but was paid for online", "Mystery soda is not on this store's menu"]);
    expect(flagLines(undefined)).toEqual([]);
  });
});
