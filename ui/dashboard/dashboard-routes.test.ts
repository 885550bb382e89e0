import { describe, expect, it } from 'vitest';
import { parseView } from './dashboard-routes';

describe('dashboard routes', () => {
  it('opens a store, a menu, or the stores list', () => {
    expect(parseView('#/stores/abc')).toEqual({ name: 'store', id: 'abc' });
    expect(parseView('#/menus/m%201')).toEqual({ name: 'menu', id: 'm 1' });
    expect(parseView('')).toEqual({ name: 'stores' });
    expect(parseView('#/stores/')).toEqual({ name: 'stores' });
    expect(parseView('#/elsewhere/x')).toEqual({ name: 'stores' });
  });
});
