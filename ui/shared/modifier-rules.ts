/**
 * The modifier picker's rules, pure so they are tested without a browser: a group with
 * max 1 behaves like radio buttons, a group with max > 1 like check boxes that stop at max,
 * and "Add" stays refused until every open group has at least its min. A chosen option may
 * open nested groups (`childGroupIds`); only open groups count, so picks left in a group
 * whose parent was unchosen are dropped. The hub checks the same rules again (`priceLine`),
 * so a screen that got them wrong is still refused there.
 */
import {
  type Cents, MAX_MODIFIER_DEPTH, type MenuIndex, type MenuItem, type ModifierGroup, type ModifierGroupId, type ModifierOption,
  type ModifierOptionId, type OrderChannel, cents, itemPriceFor,
} from '@brigade/sync/model';

export type Selection = Readonly<Record<string, readonly ModifierOptionId[]>>;

export function itemGroups(index: MenuIndex, item: MenuItem): ModifierGroup[] {
  return item.modifierGroupIds.map((id) => index.groups.get(id)).filter((g): g is ModifierGroup => g !== undefined);
}

export interface OpenGroup {
  readonly group: ModifierGroup;
  /** 0 for the item's own groups, 1 for a group opened by one of their options, … */
  readonly depth: number;
  readonly parent?: ModifierOption;
}

/** The groups open for this selection, in menu order, each nested group right after its parent's group. */
export function openGroups(index: MenuIndex, item: MenuItem, selection: Selection): OpenGroup[] {
  const out: OpenGroup[] = [];
  const seen = new Set<ModifierGroupId>();
  const visit = (ids: readonly ModifierGroupId[], depth: number, parent?: ModifierOption) => {
    if (depth >= MAX_MODIFIER_DEPTH) return;
    for (const id of ids) {
      const group = index.groups.get(id);
      if (!group || seen.has(id)) continue;
      seen.add(id);
      out.push({ group, depth, ...(parent ? { parent } : {}) });
      const picked = selection[id] ?? [];
      for (const option of group.options) if (picked.includes(option.id) && option.childGroupIds) visit(option.childGroupIds, depth + 1, option);
    }
  };
  visit(item.modifierGroupIds, 0);
  return out;
}

/** Gives every open group without an answer yet its defaults (nested groups opened by a default too). */
export function withDefaults(index: MenuIndex, item: MenuItem, selection: Selection): Selection {
  let current: Record<string, readonly ModifierOptionId[]> = { ...selection };
  for (let round = 0; round <= MAX_MODIFIER_DEPTH; round++) {
    const missing = openGroups(index, item, current).filter(({ group }) => current[group.id] === undefined);
    if (missing.length === 0) break;
    for (const { group } of missing) current = { ...current, [group.id]: group.options.filter((o) => o.isDefault).slice(0, group.max).map((o) => o.id) };
  }
  return current;
}

/** Pre-selects the menu's defaults (e.g. Regular size), never more than a group allows. */
export function initialSelection(index: MenuIndex, item: MenuItem): Selection {
  return withDefaults(index, item, {});
}

/** A tap on an option: toggles it, then fills the defaults of any group it opened. */
export function chooseOption(index: MenuIndex, item: MenuItem, selection: Selection, group: ModifierGroup, optionId: ModifierOptionId): Selection {
  return withDefaults(index, item, toggleOption(selection, group, optionId));
}

export function toggleOption(selection: Selection, group: ModifierGroup, optionId: ModifierOptionId): Selection {
  if (!group.options.some((o) => o.id === optionId)) return selection;
  const current = selection[group.id] ?? [];
  if (current.includes(optionId)) {
    // A required single choice cannot be emptied by tapping it again: it behaves like a radio.
    if (group.max === 1 && group.min >= 1) return selection;
    return { ...selection, [group.id]: current.filter((id) => id !== optionId) };
  }
  if (group.max === 1) return { ...selection, [group.id]: [optionId] };
  if (current.length >= group.max) return selection;
  return { ...selection, [group.id]: [...current, optionId] };
}

export interface GroupProblem {
  groupId: ModifierGroupId;
  message: string;
}

export function selectionProblems(index: MenuIndex, item: MenuItem, selection: Selection): GroupProblem[] {
  const problems: GroupProblem[] = [];
  for (const { group } of openGroups(index, item, selection)) {
    const count = (selection[group.id] ?? []).length;
    if (count < group.min) problems.push({ groupId: group.id, message: group.min === 1 ? `Choose ${group.name}.` : `Choose at least ${group.min} for ${group.name}.` });
    if (count > group.max) problems.push({ groupId: group.id, message: `At most ${group.max} for ${group.name}.` });
  }
  return problems;
}

/** The chosen options in menu order, as the hub expects them in a line request. */
export function selectedOptionIds(index: MenuIndex, item: MenuItem, selection: Selection): ModifierOptionId[] {
  const ids: ModifierOptionId[] = [];
  for (const { group } of openGroups(index, item, selection)) {
    const picked = selection[group.id] ?? [];
    for (const option of group.options) if (picked.includes(option.id)) ids.push(option.id);
  }
  return ids;
}

export function unitPrice(index: MenuIndex, item: MenuItem, selection: Selection, channel?: OrderChannel): Cents {
  let total: number = itemPriceFor(item, channel);
  for (const id of selectedOptionIds(index, item, selection)) total += index.options.get(id)?.option.priceDelta ?? 0;
  return cents(total);
}

export function groupHint(group: ModifierGroup): string {
  if (group.min === 1 && group.max === 1) return 'Required · choose 1';
  if (group.min === 0) return `Optional · up to ${group.max}`;
  return `Choose ${group.min}–${group.max}`;
}
