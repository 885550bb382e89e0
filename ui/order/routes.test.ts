import { describe, expect, it } from 'vitest';
import { parseRoute, storeUrl, trackUrl } from './routes';

describe('PWA routes', () => {
  it('reads the store page with and without a table token', () => {
    expect(parseRoute('/order/s1', '')).toEqual({ name: 'store', storeId: 's1', tableToken: null });
    expect(parseRoute('/order/s1/', '?table=t.1.abc')).toEqual({ name: 'store', storeId: 's1', tableToken: 't.1.abc' });
    expect(parseRoute('/order/s1', '?table=')).toEqual({ name: 'store', storeId: 's1', tableToken: null });
  });

  it('opens the store page from a printed table code', () => {
    expect(parseRoute('/order/', '', '#store=s1&table=t.2.abc')).toEqual({ name: 'store', storeId: 's1', tableToken: 't.2.abc' });
    expect(parseRoute('/order/', '', '#store=s1')).toEqual({ name: 'store', storeId: 's1', tableToken: null });
  });

  it('reads the tracking page and the bare app', () => {
    expect(parseRoute('/order/s1/track/o9', '')).toEqual({ name: 'track', storeId: 's1', orderId: 'o9' });
    expect(parseRoute('/order/', '')).toEqual({ name: 'home' });
    expect(parseRoute('/order/index.html', '')).toEqual({ name: 'home' });
  });

  it('round-trips the URLs it makes, odd characters included', () => {
    const store = 'a b/c';
    expect(parseRoute(storeUrl(store, 'x/y').split('?')[0] ?? '', `?${storeUrl(store, 'x/y').split('?')[1] ?? ''}`)).toEqual({ name: 'store', storeId: store, tableToken: 'x/y' });
    expect(parseRoute(trackUrl(store, 'o 1'), '')).toEqual({ name: 'track', storeId: store, orderId: 'o 1' });
  });
});
