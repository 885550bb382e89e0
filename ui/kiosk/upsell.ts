/**
 * The cart's one suggestion: a side when the cart has a main but no side ("Add fries?").
 * Only items the customer can add with one tap (no choice left open) and that are not 86'd.
 */
import type { ItemId, LineRequest, MenuIndex, MenuItem } from '@brigade/sync/model';
import { initialSelection, selectionProblems } from '../shared/modifier-rules';

const SIDE_CATEGORY = /side/i;

export function upsellFor(index: MenuIndex, cart: readonly LineRequest[], unavailable: ReadonlySet<ItemId>): MenuItem | null {
  if (cart.length === 0) return null;
  const sideCategories = new Set(index.menu.categories.filter((c) => SIDE_CATEGORY.test(c.name)).map((c) => c.id));
  const inCart = cart.map((l) => index.items.get(l.itemId)).filter((i): i is MenuItem => i !== undefined);
  if (inCart.some((i) => sideCategories.has(i.categoryId))) return null;
  const candidates = index.menu.items
    .filter((i) => i.active && sideCategories.has(i.categoryId) && !unavailable.has(i.id))
    .filter((i) => selectionProblems(index, i, initialSelection(index, i)).length === 0)
    .sort((a, b) => a.sortOrder - b.sortOrder);
  return candidates[0] ?? null;
}
