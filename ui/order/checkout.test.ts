import { DEMO, type ItemId, type LineId, type ModifierOptionId, demoMenu, indexMenu, priceOrder } from '@brigade/sync/model';
import { describe, expect, it } from 'vitest';
import { addOrMerge, newLine } from '../shared/draft-order';
import { itemCount, normalisePhone, orderBody, pickupProblems, priceCart } from './checkout';

const index = indexMenu(demoMenu);
const burger = demoMenu.items.find((i) => i.modifierGroupIds.length > 0);
const plain = demoMenu.items.find((i) => i.modifierGroupIds.length === 0 && !i.soldByWeight);

describe('pickup details', () => {
  it('asks for a name and a phone number when both are empty', () => {
    const problems = pickupProblems({ name: '  ', phone: '' });
    expect(problems.name).toMatch(/name/);
    expect(problems.phone).toMatch(/phone/);
  });

  it('accepts a name and a phone written with spaces, brackets and dashes', () => {
    expect(pickupProblems({ name: 'Ada', phone: '+1 (555) 010-2030' })).toEqual({});
  });

  it('refuses letters in a phone number, too few digits and an over-long name', () => {
    expect(pickupProblems({ name: 'Ada', phone: '555-CALL-ME' }).phone).toBeDefined();
    expect(pickupProblems({ name: 'Ada', phone: '12345' }).phone).toBeDefined();
    expect(pickupProblems({ name: 'x'.repeat(61), phone: '5550102030' }).name).toBeDefined();
  });

  it('keeps only digits and a leading plus', () => {
    expect(normalisePhone(' +44 20 7946.0958 ')).toBe('+442079460958');
    expect(normalisePhone('(555) 010-2030')).toBe('5550102030');
  });
});

describe('the order sent to the cloud', () => {
  if (!burger || !plain) throw new Error('the demo menu needs an item with modifiers and a plain item');
  const group = index.groups.get(burger.modifierGroupIds[0] ?? ('' as never));
  const option = group?.options.at(-1)?.id as ModifierOptionId;
  const lines = addOrMerge(addOrMerge([newLine(burger.id, [option], 1)], newLine(plain.id, [], 2)), newLine(plain.id, [], 1));
  const priced = priceOrder(index, lines);

  it('merges the same item with the same choices into one line and counts every unit', () => {
    expect(lines).toHaveLength(2);
    expect(itemCount(lines)).toBe(4);
  });

  it('carries the priced total as the expected total and no prices on the lines', () => {
    const body = orderBody('order-1', lines, priced, { name: ' Ada ', phone: '555 010 2030' }, null);
    const byHand = lines.reduce((sum, l) => sum + priceOrder(index, [l]).totals.total, 0);
    expect(body.expectedTotal).toBe(byHand);
    expect(body.lines.every((l) => !('price' in l) && !('unitPrice' in l))).toBe(true);
    expect(body.customerName).toBe('Ada');
    expect(body.note).toBe('Phone 5550102030');
    expect(body.diningOption).toBe('take_out');
    expect(body).not.toHaveProperty('tableToken');
  });

  it('tags a table order with its token and prices it as eaten in', () => {
    const body = orderBody('order-2', lines, priced, { name: 'Ada', phone: '5550102030' }, 'table-token');
    expect(body.tableToken).toBe('table-token');
    expect(body.diningOption).toBe('eat_in');
  });

  it('refuses to price an item that is not on the menu, as the cloud would', () => {
    const bogus = [{ lineId: 'l' as LineId, itemId: 'nope' as ItemId, quantity: 1, modifierOptionIds: [] }];
    expect(() => priceOrder(index, bogus)).toThrow(expect.objectContaining({ code: 'ITEM_UNKNOWN' }) as Error);
  });

  it('uses the demo store currency', () => {
    expect(priced.totals.currency).toBe(demoMenu.currency);
    expect(DEMO).toBeDefined();
  });
});

describe('a cart after the menu changed', () => {
  const beer = demoMenu.items.find((i) => i.name === 'Draft Beer');
  const fries = demoMenu.items.find((i) => i.name === 'Fries');
  if (!beer || !fries) throw new Error('the demo menu has Draft Beer and Fries');
  const large = index.groups.get(fries.modifierGroupIds[0] ?? ('' as never))?.options.at(-1)?.id as ModifierOptionId;
  const lines = [newLine(beer.id, [], 2), newLine(fries.id, [large], 1)];

  it('keeps every line while the menu still sells them', () => {
    const cart = priceCart(index, lines, new Set());
    expect(cart.removed).toEqual([]);
    expect(cart.priced?.totals.total).toBe(priceOrder(index, lines).totals.total);
  });

  it('takes out an item the store 86d and names it', () => {
    const cart = priceCart(index, lines, new Set([beer.id]));
    expect(cart.removed).toEqual(['Draft Beer']);
    expect(cart.lines.map((l) => l.itemId)).toEqual([fries.id]);
  });

  it('takes out an item gone from the menu, and a line whose choice is gone', () => {
    const shrunk = indexMenu({ ...demoMenu, items: demoMenu.items.filter((i) => i.id !== beer.id), modifierGroups: demoMenu.modifierGroups.map((g) => ({ ...g, options: g.options.filter((o) => o.id !== large) })) });
    const cart = priceCart(shrunk, lines, new Set());
    expect(cart.removed).toEqual(['An item', 'Fries']);
    expect(cart.priced).toBeNull();
  });
});
