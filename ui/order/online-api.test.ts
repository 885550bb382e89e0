import { demoMenu } from '@brigade/sync/model';
import { describe, expect, it } from 'vitest';
import { errorFromResponse } from '../cloud-shared/cloud-http';
import { onlinePaths, readOrderView, readPlacedOrder, readStorePage } from './online-api';

describe('reading the cloud answers', () => {
  it('reads the public store page: closed store and items marked unavailable', () => {
    const [first, second] = demoMenu.items;
    const items = demoMenu.items.map((i) => ({ ...i, available: i.id !== second?.id }));
    const page = readStorePage({ store: { id: 's', name: 'Diner', open: false }, menu: { ...demoMenu, items } });
    expect(page.store.paused).toBe(true);
    expect(second && page.unavailable.has(second.id)).toBe(true);
    expect(first && page.unavailable.has(first.id)).toBe(false);
    expect(readStorePage({ store: { open: true }, menu: demoMenu }).store.paused).toBe(false);
  });

  it('reads a paused store under either name the cloud uses', () => {
    expect(readStorePage({ store: { id: 's', name: 'Diner', paused: true }, menu: demoMenu }).store.paused).toBe(true);
    expect(readStorePage({ store: { id: 's', name: 'Diner', onlineOrderingPaused: true }, menu: demoMenu }).store.paused).toBe(true);
    expect(readStorePage({ store: { id: 's', name: 'Diner', onlineOrderingPaused: false }, menu: demoMenu }).store.paused).toBe(false);
  });

  it('keeps the 86 list and takes the menu currency when the store has none', () => {
    const first = demoMenu.items[0]?.id;
    const page = readStorePage({ store: { name: 'Diner' }, menu: demoMenu, unavailable: [first] });
    expect(first && page.unavailable.has(first)).toBe(true);
    expect(page.store.currency).toBe(demoMenu.currency);
  });

  it('refuses a store page without a menu', () => {
    expect(() => readStorePage({ store: { name: 'x' } })).toThrow(/menu/);
  });

  it('reads an order wrapped or bare, with totals nested or flat', () => {
    expect(readOrderView({ order: { id: 'o', status: 'ready', total: 1299, currency: 'USD', number: 'W12' } })).toMatchObject({ id: 'o', status: 'ready', total: 1299, number: 'W12' });
    expect(readOrderView({ id: 'o', status: 'accepted', totals: { total: 500, currency: 'EUR' }, table: { label: 'T4' } })).toMatchObject({ total: 500, currency: 'EUR', tableLabel: 'T4' });
  });

  it('takes the online status from the top level when an order is placed', () => {
    const placed = readPlacedOrder({ order: { id: 'o', status: 'open', totals: { total: 1500, currency: 'USD' } }, status: 'pending_payment', payment: { paymentIntentId: 'pi_1', clientSecret: 'pi_1_secret_2' } });
    expect(placed).toMatchObject({ paymentRequired: true, clientSecret: 'pi_1_secret_2', order: { status: 'pending_payment', total: 1500 } });
    const atPickup = readPlacedOrder({ order: { id: 'o', status: 'open' }, status: 'submitted', payment: null });
    expect(atPickup).toMatchObject({ paymentRequired: false, clientSecret: null, order: { status: 'submitted' } });
  });

  it('escapes ids and tokens in paths', () => {
    expect(onlinePaths.table('s 1', 'a/b')).toBe('/api/public/stores/s%201/tables/a%2Fb');
  });
});

describe('refusals', () => {
  it('keeps the cloud code and message', () => {
    const error = errorFromResponse(410, { error: { code: 'TABLE_TOKEN_ROTATED', message: 'This table code was replaced.' } });
    expect(error).toMatchObject({ code: 'TABLE_TOKEN_ROTATED', status: 410, message: 'This table code was replaced.' });
  });

  it('names a bare status when the body is not the cloud error shape', () => {
    expect(errorFromResponse(404, null).code).toBe('NOT_FOUND');
    expect(errorFromResponse(502, 'Bad gateway').code).toBe('HTTP_502');
  });
});
