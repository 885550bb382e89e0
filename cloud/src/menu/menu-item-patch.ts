/** Applies an owner's partial edit to one item; a null removes an optional field. */
import type { MenuItem } from '@brigade/sync/model';

/** Fields a PATCH may send as null to remove them from the item. */
const REMOVABLE = ['imageUrl', 'channelPrices', 'daypartIds', 'combo'] as const;
type Removable = (typeof REMOVABLE)[number];

export type ItemPatch = Partial<Pick<MenuItem, 'name' | 'description' | 'price' | 'active' | 'sortOrder' | 'allergens' | 'dietaryTags'>> & {
  categoryId?: string;
  modifierGroupIds?: string[];
} & { [K in Removable]?: MenuItem[K] | null };

export function applyItemPatch(item: MenuItem, patch: ItemPatch): MenuItem {
  const { categoryId, modifierGroupIds, ...rest } = patch;
  const next: Record<string, unknown> = { ...item };
  for (const [key, value] of Object.entries(rest)) {
    if (value === null && (REMOVABLE as readonly string[]).includes(key)) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  if (categoryId !== undefined) next.categoryId = categoryId;
  if (modifierGroupIds !== undefined) next.modifierGroupIds = modifierGroupIds;
  // The whole menu is validated after the patch (validateMenu), so a bad reference is refused there.
  return next as unknown as MenuItem;
}
