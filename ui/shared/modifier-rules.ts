/**
 * The modifier picker's rules, pure so they are tested without a browser: a group with
 * max 1 behaves like radio buttons, a group with max > 1 like check boxes that stop at max,
 * and "Add" stays refused until every group has at least its min. The hub checks the same
 * rules again (`priceLine`), so a screen that got them wrong is still refused there.
 */
import { type Cents, type MenuIndex, type MenuItem, type ModifierGroup, type ModifierGroupId, type ModifierOptionId, cents } from '@brigade/sync/model';

export type Selection = Readonly<Record<string, readonly ModifierOptionId[]>>;

export function itemGroups(index: MenuIndex, item: MenuItem): ModifierGroup[] {
  return item.modifierGroupIds.map((id) => index.groups.get(id)).filter((g): g is ModifierGroup => g !== undefined);
}

/** Pre-selects the menu's defaults (e.g. Regular size), never more than a group allows. */
export function initialSelection(index: MenuIndex, item: MenuItem): Selection {
  const selection: Record<string, ModifierOptionId[]> = {};
  for (const group of itemGroups(index, item)) {
    selection[group.id] = group.options.filter((o) => o.isDefault).slice(0, group.max).map((o) => o.id);
  }
  return selection;
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
  for (const group of itemGroups(index, item)) {
    const count = (selection[group.id] ?? []).length;
    if (count < group.min) problems.push({ groupId: group.id, message: group.min === 1 ? `Choose ${group.name}.` : `Choose at least ${group.min} for ${group.name}.` });
    if (count > group.max) problems.push({ groupId: group.id, message: `At most ${group.max} for ${group.name}.` });
  }
  return problems;
}

/** The chosen options in menu order, as the hub expects them in a line request. */
export function selectedOptionIds(index: MenuIndex, item: MenuItem, selection: Selection): ModifierOptionId[] {
  const ids: ModifierOptionId[] = [];
  for (const group of itemGroups(index, item)) {
    const picked = selection[group.id] ?? [];
    for (const option of group.options) if (picked.includes(option.id)) ids.push(option.id);
  }
  return ids;
}

export function unitPrice(index: MenuIndex, item: MenuItem, selection: Selection): Cents {
  let total: number = item.price;
  for (const id of selectedOptionIds(index, item, selection)) total += index.options.get(id)?.option.priceDelta ?? 0;
  return cents(total);
}

export function groupHint(group: ModifierGroup): string {
  if (group.min === 1 && group.max === 1) return 'Required · choose 1';
  if (group.min === 0) return `Optional · up to ${group.max}`;
  return `Choose ${group.min}–${group.max}`;
}
