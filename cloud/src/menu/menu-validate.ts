/**
 * A menu document is checked as a whole before it is stored or published: sizes are bounded
 * (a store's edge follows every row) and every reference resolves, so the pricing engine on
 * the edge never meets a dangling id.
 */
import type { Menu } from '@brigade/sync/model';
import { CloudError } from '@brigade/sync/protocol';
import { validateMenuDepth } from './menu-validate-depth';

export const MENU_LIMITS = { items: 2_000, categories: 200, modifierGroups: 500, optionsPerGroup: 50, taxRates: 20, stations: 50 } as const;

export function validateMenu(menu: Menu): void {
  const sizes: [keyof typeof MENU_LIMITS, number][] = [
    ['items', menu.items.length],
    ['categories', menu.categories.length],
    ['modifierGroups', menu.modifierGroups.length],
    ['taxRates', menu.taxRates.length],
    ['stations', menu.stations.length],
  ];
  for (const [what, count] of sizes) {
    if (count > MENU_LIMITS[what]) throw new CloudError('MENU_TOO_LARGE', `A menu can hold at most ${MENU_LIMITS[what]} ${what}.`, { what, count });
  }
  const ids = (list: readonly { id: string }[], what: string): Set<string> => {
    const set = new Set(list.map((x) => x.id));
    if (set.size !== list.length) throw new CloudError('MENU_INVALID', `Two ${what} share an id.`, { what });
    return set;
  };
  const categories = ids(menu.categories, 'categories');
  const groups = ids(menu.modifierGroups, 'modifier groups');
  const taxes = ids(menu.taxRates, 'tax rates');
  const stations = ids(menu.stations, 'stations');
  ids(menu.items, 'items');
  ids(menu.modifierGroups.flatMap((g) => g.options), 'modifier options');
  for (const group of menu.modifierGroups) {
    if (group.options.length > MENU_LIMITS.optionsPerGroup) throw new CloudError('MENU_TOO_LARGE', `A modifier group can hold at most ${MENU_LIMITS.optionsPerGroup} options.`, { groupId: group.id });
    if (group.min < 0 || group.max < group.min || group.min > group.options.length) {
      throw new CloudError('MENU_INVALID', `${group.name}: min and max do not fit its options.`, { groupId: group.id });
    }
  }
  for (const item of menu.items) {
    const missing =
      (!categories.has(item.categoryId) && `category ${item.categoryId}`) ||
      (!stations.has(item.stationId) && `station ${item.stationId}`) ||
      item.taxRateIds.find((t) => !taxes.has(t)) ||
      item.modifierGroupIds.find((g) => !groups.has(g));
    if (missing) throw new CloudError('MENU_INVALID', `${item.name} refers to ${missing}, which is not on the menu.`, { itemId: item.id });
  }
  validateMenuDepth(menu);
}
