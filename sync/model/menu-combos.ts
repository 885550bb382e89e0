/**
 * Combos (meals, bundles): a combo is a menu item whose `combo` lists slots (main, side,
 * drink); the customer picks one item per slot, each with its own modifiers. Pricing:
 *
 *   combo unit price = combo item price (of the channel) + combo item's own modifiers
 *                      + Σ over slots (choice upcharge + that component's modifier deltas)
 *
 * The components' own menu prices do not count: the combo price is the deal. Tax follows
 * the combo item's rates (one line, one set of rates; docs/menus.md). Components must be
 * on the menu, not 86'd and served at the time of sale, like any item.
 */
import { BrigadeError } from './errors';
import type { Brand, ItemId, ModifierOptionId } from './ids';
import type { MenuIndex, MenuItem, Unavailable } from './menu';
import { type PricedModifier, resolveModifiers } from './menu-modifiers';
import { type Cents, cents } from './money';

export type ComboSlotId = Brand<string, 'ComboSlotId'>;

export interface ComboChoice {
  readonly itemId: ItemId;
  /** Added to the combo's price when this item fills the slot (0 or more). */
  readonly upcharge: Cents;
}

export interface ComboSlot {
  readonly id: ComboSlotId;
  readonly name: string;
  readonly choices: readonly ComboChoice[];
  /** Pre-selected on screens. */
  readonly defaultItemId?: ItemId;
  /** A slot the customer may leave empty (no price change). */
  readonly optional?: boolean;
}

export interface ComboDefinition {
  readonly slots: readonly ComboSlot[];
}

/**
 * What a screen asks for in one slot of a combo line. Plain strings, as they come off the
 * wire: the engine checks each id against the menu before trusting it.
 */
export interface ComboComponentRequest {
  readonly slotId: string;
  readonly itemId: string;
  readonly modifierOptionIds: readonly string[];
}

export interface PricedComponent {
  readonly slotId: ComboSlotId;
  readonly slotName: string;
  readonly itemId: ItemId;
  readonly name: string;
  readonly upcharge: Cents;
  readonly modifiers: readonly PricedModifier[];
  /** upcharge + Σ modifier deltas, for one combo. */
  readonly amount: Cents;
}

/** Checks an item before it fills a slot (known, active, not 86'd, served now). */
export type ComponentCheck = (item: MenuItem) => void;

export function resolveComponents(
  index: MenuIndex,
  combo: MenuItem,
  requests: readonly ComboComponentRequest[] | undefined,
  unavailable: Unavailable,
  check: ComponentCheck,
): PricedComponent[] {
  const asked = requests ?? [];
  if (!combo.combo) {
    if (asked.length > 0) throw new BrigadeError('COMBO_INVALID', `${combo.name} is not a combo.`, { itemId: combo.id });
    return [];
  }
  const bySlot = new Map<string, ComboComponentRequest>();
  for (const r of asked) {
    if (!combo.combo.slots.some((s) => s.id === r.slotId)) throw new BrigadeError('COMBO_INVALID', `${combo.name} has no such choice.`, { slotId: r.slotId });
    if (bySlot.has(r.slotId)) throw new BrigadeError('COMBO_INVALID', 'One item per combo choice.', { slotId: r.slotId });
    bySlot.set(r.slotId, r);
  }
  const result: PricedComponent[] = [];
  // Slot order of the menu, whatever the request order.
  for (const slot of combo.combo.slots) {
    const request = bySlot.get(slot.id);
    if (!request) {
      if (slot.optional) continue;
      throw new BrigadeError('COMBO_CHOICE_REQUIRED', `Choose a ${slot.name.toLowerCase()} for ${combo.name}.`, { slotId: slot.id });
    }
    const choice = slot.choices.find((c) => c.itemId === request.itemId);
    if (!choice) throw new BrigadeError('COMBO_INVALID', `That item is not a ${slot.name.toLowerCase()} choice of ${combo.name}.`, { slotId: slot.id, itemId: request.itemId });
    const item = index.items.get(choice.itemId);
    if (!item || !item.active) throw new BrigadeError('ITEM_UNKNOWN', undefined, { itemId: choice.itemId });
    if (item.combo || item.soldByWeight) throw new BrigadeError('COMBO_INVALID', `${item.name} cannot be part of a combo.`, { itemId: item.id });
    if (unavailable.has(item.id)) throw new BrigadeError('ITEM_UNAVAILABLE', `${item.name} is sold out (86).`, { itemId: item.id });
    check(item);
    const modifiers = resolveModifiers(index, item, request.modifierOptionIds as readonly ModifierOptionId[]);
    const amount = cents(choice.upcharge + modifiers.reduce((sum, m) => sum + m.priceDelta, 0));
    result.push({ slotId: slot.id, slotName: slot.name, itemId: item.id, name: item.name, upcharge: choice.upcharge, modifiers, amount });
  }
  return result;
}

/** What the kitchen reads under a line: nested modifiers indented, combo components by slot. */
export function kitchenDetailLines(line: { readonly modifiers: readonly PricedModifier[]; readonly components?: readonly PricedComponent[] }): string[] {
  const modifierLines = (mods: readonly PricedModifier[], indent: string) => mods.map((m) => `${indent}${m.parentOptionId ? '  - ' : ''}${m.name}`);
  const out = modifierLines(line.modifiers, '');
  for (const c of line.components ?? []) {
    out.push(`${c.slotName}: ${c.name}`);
    out.push(...modifierLines(c.modifiers, '  '));
  }
  return out;
}
