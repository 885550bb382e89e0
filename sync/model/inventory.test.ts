import { describe, expect, it } from 'vitest';
import { type RecipeBook, canMake, consumptionOf, isLow, recipeKey, stockCorrections } from './inventory';

const book: RecipeBook = new Map([
  [recipeKey('item', 'burger'), [{ ingredientId: 'bun', quantity: 1 }, { ingredientId: 'beef', quantity: 120 }]],
  [recipeKey('option', 'cheese'), [{ ingredientId: 'cheddar', quantity: 1 }]],
]);

describe('recipes', () => {
  it('a line consumes its item and each chosen option, times its quantity', () => {
    const used = consumptionOf([{ itemId: 'burger', quantity: 2, optionIds: ['cheese', 'medium'] }, { itemId: 'cola', quantity: 5, optionIds: [] }], book);
    expect(Object.fromEntries(used)).toEqual({ bun: 2, beef: 240, cheddar: 2 });
  });

  it('an item can be made while every ingredient of its own recipe covers one portion', () => {
    expect(canMake('burger', book, new Map([['bun', 1], ['beef', 120]]))).toBe(true);
    expect(canMake('burger', book, new Map([['bun', 1], ['beef', 119]]))).toBe(false);
    expect(canMake('cola', book, new Map())).toBe(true);
  });

  it('corrections move stock by what changed, as sales or returns', () => {
    const recorded = new Map([['bun', 2], ['beef', 240]]);
    const wanted = new Map([['bun', 1], ['beef', 120], ['cheddar', 1]]);
    expect(stockCorrections(recorded, wanted)).toEqual([
      { ingredientId: 'beef', delta: 120, reason: 'void' },
      { ingredientId: 'bun', delta: 1, reason: 'void' },
      { ingredientId: 'cheddar', delta: -1, reason: 'sale' },
    ]);
    expect(stockCorrections(wanted, wanted)).toEqual([]);
  });

  it('low means at or below the threshold, or out when there is none', () => {
    expect(isLow(5, 5)).toBe(true);
    expect(isLow(6, 5)).toBe(false);
    expect(isLow(0, 0)).toBe(true);
    expect(isLow(1, 0)).toBe(false);
  });
});
