import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Menu, demoMenu } from '@brigade/sync/model';
import { type TestStore, openTestStore } from './test-support';
import type { ShapeChange } from './types';

let t: TestStore;
beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.cleanup());

const change = (operation: ShapeChange['headers']['operation'], key: string, value: Record<string, unknown>): ShapeChange => ({ key, value, headers: { operation } });

describe('followed shapes', () => {
  it('stores rows and the resume position together, merging partial updates and applying deletes', () => {
    expect(t.store.shapes.position('tax_rates')).toBeNull();
    t.store.shapes.apply('tax_rates', [
      change('insert', '"s"/"tax-food"', { id: 'tax-food', name: 'Food', rate_bps: 500 }),
      change('insert', '"s"/"tax-std"', { id: 'tax-std', name: 'Standard', rate_bps: 875 }),
    ], { handle: 'h1', offset: '10_0', reset: false });
    t.store.shapes.apply('tax_rates', [
      change('update', '"s"/"tax-food"', { rate_bps: 550 }),
      change('delete', '"s"/"tax-std"', { id: 'tax-std' }),
    ], { handle: 'h1', offset: '12_0', reset: false });
    t.reopen();
    expect(t.store.shapes.rows('tax_rates')).toEqual([{ id: 'tax-food', name: 'Food', rate_bps: 550 }]);
    expect(t.store.shapes.position('tax_rates')).toEqual({ handle: 'h1', offset: '12_0' });
    // A reset batch replaces everything the shape held.
    t.store.shapes.apply('tax_rates', [change('insert', '"s"/"tax-new"', { id: 'tax-new', name: 'New', rate_bps: 100 })], { handle: 'h2', offset: '0_0', reset: true });
    expect(t.store.shapes.rows('tax_rates').map((r) => r.id)).toEqual(['tax-new']);
  });

  it('keeps rows, position and what was derived from them together when deriving fails', () => {
    const renamed: Menu = { ...demoMenu, items: demoMenu.items.map((i) => ({ ...i, name: `${i.name}!` })) };
    t.store.shapes.apply('menu_items', [change('insert', 'k1', { id: 'x' })], { handle: 'h', offset: '1_0', reset: false }, () => t.store.replaceMenu(renamed));
    expect(t.store.queries.menu().menu.items[0]?.name).toBe(`${demoMenu.items[0]?.name}!`);
    expect(() =>
      t.store.shapes.apply('menu_items', [change('insert', 'k2', { id: 'y' })], { handle: 'h', offset: '2_0', reset: false }, () => {
        t.store.replaceMenu(demoMenu);
        throw new Error('menu rows incomplete');
      }),
    ).toThrow('menu rows incomplete');
    expect(t.store.shapes.rows('menu_items')).toEqual([{ id: 'x' }]);
    expect(t.store.shapes.position('menu_items')).toEqual({ handle: 'h', offset: '1_0' });
    expect(t.store.queries.menu().menu.items[0]?.name).toBe(`${demoMenu.items[0]?.name}!`);
  });
});
