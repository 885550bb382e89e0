/**
 * Modifier choices of one item, nested modifiers included, checked and priced in menu order.
 *
 * A line request lists the chosen option ids flat. The item's groups form a tree: an option
 * may open child groups (`childGroupIds`), whose min/max count only while that option is
 * chosen. Rules, in the order they are checked (so the first refusal is the most useful):
 * 1. No option twice; every option belongs to a group reachable from the item
 *    (otherwise MODIFIER_UNKNOWN).
 * 2. Walking the tree from the item's groups in menu order, each open group gets between
 *    min and max picks (MODIFIER_REQUIRED, MODIFIER_TOO_MANY).
 * 3. A pick in a group that is not open, because its parent option was not chosen, is
 *    refused (MODIFIER_UNKNOWN, naming the parent).
 * A group is visited once per item even if two options open it, and at most
 * MAX_MODIFIER_DEPTH levels deep, so a cyclic menu cannot loop; the cloud refuses such
 * menus before they are published (cloud/src/menu/menu-validate-depth.ts).
 */
import { BrigadeError } from './errors';
import type { ModifierGroupId, ModifierOptionId } from './ids';
import type { MenuIndex, MenuItem, ModifierGroup, ModifierOption } from './menu';
import type { Cents } from './money';

export const MAX_MODIFIER_DEPTH = 3;

export interface PricedModifier {
  readonly optionId: ModifierOptionId;
  readonly groupName: string;
  readonly name: string;
  readonly priceDelta: Cents;
  /** Set on a nested modifier: the option that opened its group. */
  readonly parentOptionId?: ModifierOptionId;
}

/** Every group an item can open, with the option that opens it (undefined: the item itself). */
export function reachableGroups(index: MenuIndex, item: MenuItem): Map<ModifierGroupId, ModifierOptionId | undefined> {
  const found = new Map<ModifierGroupId, ModifierOptionId | undefined>();
  const visit = (ids: readonly ModifierGroupId[], parent: ModifierOptionId | undefined, depth: number) => {
    if (depth > MAX_MODIFIER_DEPTH) return;
    for (const id of ids) {
      const group = index.groups.get(id);
      if (!group || found.has(id)) continue;
      found.set(id, parent);
      for (const option of group.options) if (option.childGroupIds) visit(option.childGroupIds, option.id, depth + 1);
    }
  };
  visit(item.modifierGroupIds, undefined, 1);
  return found;
}

export function resolveModifiers(index: MenuIndex, item: MenuItem, optionIds: readonly ModifierOptionId[]): PricedModifier[] {
  if (new Set(optionIds).size !== optionIds.length) throw new BrigadeError('MODIFIER_TOO_MANY', 'The same choice was picked twice.');
  const reachable = reachableGroups(index, item);
  const chosen = new Map<ModifierGroupId, ModifierOption[]>();
  for (const id of optionIds) {
    const found = index.options.get(id);
    if (!found || !reachable.has(found.group.id)) throw new BrigadeError('MODIFIER_UNKNOWN', undefined, { optionId: id, itemId: item.id });
    const list = chosen.get(found.group.id) ?? [];
    list.push(found.option);
    chosen.set(found.group.id, list);
  }
  const result: PricedModifier[] = [];
  const open = new Set<ModifierGroupId>();
  const walk = (ids: readonly ModifierGroupId[], parent: ModifierOption | undefined, depth: number) => {
    if (depth > MAX_MODIFIER_DEPTH) return;
    for (const groupId of ids) {
      const group = index.groups.get(groupId);
      if (!group || open.has(groupId)) continue;
      open.add(groupId);
      const picked = chosen.get(groupId) ?? [];
      checkCount(group, picked.length, item, parent);
      // Menu order, not request order, so equal lines print and price identically.
      for (const option of group.options) {
        if (!picked.includes(option)) continue;
        result.push({
          optionId: option.id, groupName: group.name, name: option.name, priceDelta: option.priceDelta,
          ...(parent ? { parentOptionId: parent.id } : {}),
        });
        if (option.childGroupIds) walk(option.childGroupIds, option, depth + 1);
      }
    }
  };
  walk(item.modifierGroupIds, undefined, 1);
  for (const [groupId, picked] of chosen) {
    if (open.has(groupId)) continue;
    const parentId = reachable.get(groupId);
    const parent = parentId ? index.options.get(parentId)?.option.name : undefined;
    throw new BrigadeError('MODIFIER_UNKNOWN', `${picked[0]?.name ?? 'That choice'} needs ${parent ?? 'another choice'} first.`, { optionId: picked[0]?.id ?? null, itemId: item.id });
  }
  return result;
}

function checkCount(group: ModifierGroup, count: number, item: MenuItem, parent: ModifierOption | undefined): void {
  const where = parent ? `${parent.name} on ${item.name}` : item.name;
  if (count < group.min) throw new BrigadeError('MODIFIER_REQUIRED', `Choose ${group.name} for ${where}.`, { groupId: group.id });
  if (count > group.max) throw new BrigadeError('MODIFIER_TOO_MANY', `At most ${group.max} for ${group.name}.`, { groupId: group.id });
}
