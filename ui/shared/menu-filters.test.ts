import { DEMO, type MenuItem, demoMenu } from '@brigade/sync/model';
import { describe, expect, it } from 'vitest';
import { filterChoices, matchesFilter, notServedNote } from './menu-filters';

const item = (id: string): MenuItem => demoMenu.items.find((i) => i.id === id)!;

describe('menu screen filters', () => {
  it('offers the menu tags and allergens, keeps tagged items and hides items with a chosen allergen', () => {
    const choices = filterChoices(demoMenu);
    expect(choices.tags).toEqual(expect.arrayContaining(['vegan', 'vegetarian']));
    expect(choices.allergens).toEqual(expect.arrayContaining(['gluten', 'milk']));
    const vegan = { tags: ['vegan'], withoutAllergens: [] };
    expect(demoMenu.items.filter((i) => matchesFilter(i, vegan)).map((i) => i.id)).toEqual(
      demoMenu.items.filter((i) => i.dietaryTags?.includes('vegan')).map((i) => i.id),
    );
    expect(matchesFilter(item(DEMO.beer), { tags: [], withoutAllergens: ['gluten'] })).toBe(false);
    expect(matchesFilter(item(DEMO.cola), { tags: [], withoutAllergens: ['gluten'] })).toBe(true);
  });

  it('marks breakfast unavailable after 11:00 in the store time zone, with its window, and not before', () => {
    const muffin = item(DEMO.breakfastMuffin);
    expect(notServedNote(demoMenu, muffin, new Date('2026-01-15T15:30:00Z'), 'America/New_York')).toBeNull();
    expect(notServedNote(demoMenu, muffin, new Date('2026-01-15T16:30:00Z'), 'America/New_York')).toBe('Served Breakfast (06:00–11:00)');
    expect(notServedNote(demoMenu, item(DEMO.burger), new Date('2026-01-15T16:30:00Z'), 'America/New_York')).toBeNull();
  });
});
