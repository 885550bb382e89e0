import { describe, expect, it } from 'vitest';
import { LAST_ORDER_KEY, lastOrder, rememberOrder } from './last-order';

class MemoryStorage {
  values = new Map<string, string>();
  getItem = (key: string) => this.values.get(key) ?? null;
  setItem = (key: string, value: string) => void this.values.set(key, value);
}

describe('the last order on this phone', () => {
  it('is read back as it was remembered', () => {
    const storage = new MemoryStorage();
    rememberOrder({ storeId: 's1', orderId: 'o1', number: 'W-12AB' }, storage);
    expect(lastOrder(storage)).toEqual({ storeId: 's1', orderId: 'o1', number: 'W-12AB' });
  });

  it('is nothing when storage holds junk or a partial record', () => {
    const storage = new MemoryStorage();
    storage.setItem(LAST_ORDER_KEY, '{oops');
    expect(lastOrder(storage)).toBeNull();
    storage.setItem(LAST_ORDER_KEY, JSON.stringify({ storeId: 's1' }));
    expect(lastOrder(storage)).toBeNull();
    expect(lastOrder(new MemoryStorage())).toBeNull();
  });

  it('survives a storage that refuses writes', () => {
    expect(() => rememberOrder({ storeId: 's', orderId: 'o', number: null }, { setItem: () => { throw new Error('QuotaExceededError'); } })).not.toThrow();
  });
});
