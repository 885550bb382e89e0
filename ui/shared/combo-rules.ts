/**
 * The combo picker's rules, pure: one item per slot (the menu's default first), that item's
 * own choices (nested ones too) as in the modifier picker, and the price the hub will charge.
 */
import {
  type Cents, type ComboComponentRequest, type ComboSlot, type ItemId, type MenuIndex, type MenuItem, type OrderChannel, cents, itemPriceFor,
} from '@brigade/sync/model';
import { type GroupProblem, type Selection, initialSelection, selectedOptionIds, selectionProblems } from './modifier-rules';

export interface SlotPick {
  readonly itemId: ItemId;
  readonly selection: Selection;
}

export type ComboSelection = Readonly<Record<string, SlotPick | undefined>>;

export function slotItems(index: MenuIndex, slot: ComboSlot): { item: MenuItem; upcharge: Cents }[] {
  return slot.choices.flatMap((c) => {
    const item = index.items.get(c.itemId);
    return item && item.active ? [{ item, upcharge: c.upcharge }] : [];
  });
}

export function initialComboSelection(index: MenuIndex, combo: MenuItem, unavailable: ReadonlySet<ItemId> = new Set()): ComboSelection {
  const out: Record<string, SlotPick | undefined> = {};
  for (const slot of combo.combo?.slots ?? []) {
    const choices = slotItems(index, slot).filter((c) => !unavailable.has(c.item.id));
    const preferred = choices.find((c) => c.item.id === slot.defaultItemId) ?? (slot.optional ? undefined : choices[0]);
    out[slot.id] = preferred ? { itemId: preferred.item.id, selection: initialSelection(index, preferred.item) } : undefined;
  }
  return out;
}

/** Picks an item for a slot (its defaults pre-selected); picking the same item again keeps its choices. */
export function pickSlotItem(index: MenuIndex, selection: ComboSelection, slot: ComboSlot, itemId: ItemId): ComboSelection {
  const current = selection[slot.id];
  if (current?.itemId === itemId) return slot.optional ? { ...selection, [slot.id]: undefined } : selection;
  const item = index.items.get(itemId);
  if (!item || !slot.choices.some((c) => c.itemId === itemId)) return selection;
  return { ...selection, [slot.id]: { itemId, selection: initialSelection(index, item) } };
}

export interface SlotProblem {
  readonly slotId: string;
  readonly message: string;
  readonly groups: readonly GroupProblem[];
}

export function comboProblems(index: MenuIndex, combo: MenuItem, selection: ComboSelection): SlotProblem[] {
  const problems: SlotProblem[] = [];
  for (const slot of combo.combo?.slots ?? []) {
    const pick = selection[slot.id];
    if (!pick) {
      if (!slot.optional) problems.push({ slotId: slot.id, message: `Choose a ${slot.name.toLowerCase()}.`, groups: [] });
      continue;
    }
    const item = index.items.get(pick.itemId);
    if (!item) continue;
    const groups = selectionProblems(index, item, pick.selection);
    if (groups.length > 0) problems.push({ slotId: slot.id, message: groups[0]?.message ?? '', groups });
  }
  return problems;
}

export function comboComponents(index: MenuIndex, combo: MenuItem, selection: ComboSelection): ComboComponentRequest[] {
  return (combo.combo?.slots ?? []).flatMap((slot) => {
    const pick = selection[slot.id];
    const item = pick ? index.items.get(pick.itemId) : undefined;
    return pick && item ? [{ slotId: slot.id, itemId: pick.itemId, modifierOptionIds: selectedOptionIds(index, item, pick.selection) }] : [];
  });
}

/** The combo's price for one: its (channel) price, the upcharges and the components' choices. */
export function comboUnitPrice(index: MenuIndex, combo: MenuItem, selection: ComboSelection, channel?: OrderChannel): Cents {
  let total: number = itemPriceFor(combo, channel);
  for (const slot of combo.combo?.slots ?? []) {
    const pick = selection[slot.id];
    const item = pick ? index.items.get(pick.itemId) : undefined;
    if (!pick || !item) continue;
    total += slot.choices.find((c) => c.itemId === pick.itemId)?.upcharge ?? 0;
    for (const id of selectedOptionIds(index, item, pick.selection)) total += index.options.get(id)?.option.priceDelta ?? 0;
  }
  return cents(total);
}
