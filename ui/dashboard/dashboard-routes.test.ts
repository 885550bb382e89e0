import { describe, expect, it } from 'vitest';
import { parseView } from './dashboard-routes';

describe('dashboard routes', () => {
  it('opens a store, its permissions, a menu, or the stores list', () => {
    expect(parseView('#/stores/abc')).toEqual({ name: 'store', id: 'abc' });
    expect(parseView('#/menus/m%201')).toEqual({ name: 'menu', id: 'm 1' });
    expect(parseView('#/stores/abc/permissions')).toEqual({ name: 'permissions', id: 'abc' });
    expect(parseView('#/stores/abc/elsewhere')).toEqual({ name: 'store', id: 'abc' });
    expect(parseView('')).toEqual({ name: 'stores' });
    expect(parseView('#/stores/')).toEqual({ name: 'stores' });
    expect(parseView('#/elsewhere/x')).toEqual({ name: 'stores' });
  });
});
