import { describe, expect, it } from 'vitest';
import { parseOptions } from './modifier-options';

describe('modifier option lines', () => {
  it('reads names with and without an extra price', () => {
    expect(parseOptions('Ketchup\n Aioli, 0.50 \n\nBBQ, 1', 'USD')).toEqual({ options: [{ name: 'Ketchup', priceDelta: 0 }, { name: 'Aioli', priceDelta: 50 }, { name: 'BBQ', priceDelta: 100 }] });
  });

  it('keeps a comma that is part of the name', () => {
    expect(parseOptions('Salt, pepper', 'USD')).toEqual({ options: [{ name: 'Salt, pepper', priceDelta: 0 }] });
  });

  it('refuses no options, duplicates and a price without a name', () => {
    expect(parseOptions('  \n', 'USD')).toHaveProperty('problem');
    expect(parseOptions('Aioli\naioli, 0.50', 'USD')).toHaveProperty('problem');
    expect(parseOptions(', 0.50', 'USD')).toHaveProperty('problem');
  });
});
