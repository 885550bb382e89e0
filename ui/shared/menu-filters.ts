/**
 * Dietary filters of the menu screens, pure: chips for the menu's dietary tags (show only
 * items carrying every chosen tag) and for its allergens (hide items containing a chosen one),
 * and whether an item is served at this moment of the store's day.
 */
import { type MenuItem, type Menu, describeServingTimes, isItemServedAt } from '@brigade/sync/model';

export interface DietFilter {
  readonly tags: readonly string[];
  readonly withoutAllergens: readonly string[];
}

export const NO_FILTER: DietFilter = { tags: [], withoutAllergens: [] };

export function filterChoices(menu: Menu): { tags: string[]; allergens: string[] } {
  const tags = new Set<string>();
  const allergens = new Set<string>();
  for (const item of menu.items) {
    if (!item.active) continue;
    for (const t of item.dietaryTags ?? []) tags.add(t);
    for (const a of item.allergens ?? []) allergens.add(a);
  }
  return { tags: [...tags].sort(), allergens: [...allergens].sort() };
}

export function matchesFilter(item: MenuItem, filter: DietFilter): boolean {
  const tags = item.dietaryTags ?? [];
  const allergens = item.allergens ?? [];
  return filter.tags.every((t) => tags.includes(t)) && !filter.withoutAllergens.some((a) => allergens.includes(a));
}

export function toggleIn(list: readonly string[], value: string): string[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** null when the item can be sold now; otherwise what the screen says ("Served Breakfast (06:00–11:00)"). */
export function notServedNote(menu: Menu, item: MenuItem, at: Date, timeZone: string): string | null {
  if (isItemServedAt(menu.dayparts, item, at, timeZone)) return null;
  return `Served ${describeServingTimes(menu.dayparts, item)}`;
}

export function label(value: string): string {
  return value.replace(/[-_]/g, ' ').replace(/^./, (c) => c.toUpperCase());
}
