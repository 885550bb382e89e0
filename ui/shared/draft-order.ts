/**
 * An order being rung up on a screen, before the hub has it. Priced with the same engine as
 * the hub (`priceOrder`), so the total on screen is the total charged; the hub is sent that
 * total as `expectedTotal` and refuses the order if its own differs.
 */
import {
  type ComboComponentRequest, type CommandArgs, type ItemId, type LineId, type LineRequest, type MenuIndex, type ModifierOptionId, type PricedOrder,
  type SaleContext, newId, priceOrder,
} from '@brigade/sync/model';

export function newLine(itemId: ItemId, modifierOptionIds: readonly ModifierOptionId[], quantity: number, note?: string): LineRequest {
  return { lineId: newId<LineId>(), itemId, quantity, modifierOptionIds: [...modifierOptionIds], ...(note ? { note } : {}) };
}

/** A combo line: one pick per slot, each with its own choices. */
export function comboLine(itemId: ItemId, components: readonly ComboComponentRequest[], quantity: number): LineRequest {
  return { lineId: newId<LineId>(), itemId, quantity, modifierOptionIds: [], components: components.map((c) => ({ ...c, modifierOptionIds: [...c.modifierOptionIds] })) };
}

/** A line for an item sold by weight: one unit of a stable scale reading in grams. */
export function weighedLine(itemId: ItemId, grams: number): LineRequest {
  return { lineId: newId<LineId>(), itemId, quantity: 1, modifierOptionIds: [], weightGrams: grams };
}

/** Prices the draft for display; 86'd lines are priced too and flagged, so the cashier sees what to remove. */
export function priceDraft(index: MenuIndex, lines: readonly LineRequest[], sale?: Pick<SaleContext, 'channel'>): PricedOrder {
  return priceOrder(index, lines, undefined, undefined, sale);
}

export function unavailableLines(lines: readonly LineRequest[], unavailable: ReadonlySet<ItemId>): LineId[] {
  return lines.filter((l) => unavailable.has(l.itemId)).map((l) => l.lineId);
}

/** Same item and same choices: tapping it again adds one to the line instead of a new line. */
export function addOrMerge(lines: readonly LineRequest[], line: LineRequest): LineRequest[] {
  // Each weighing is its own line: two bags of sweets are two readings, not a quantity of 2.
  if (line.weightGrams !== undefined) return [...lines, line];
  const components = (l: LineRequest) => (l.components ?? []).map((c) => `${c.slotId}=${c.itemId}+${[...c.modifierOptionIds].sort().join('+')}`).sort().join(';');
  const key = (l: LineRequest) => `${l.itemId}|${[...l.modifierOptionIds].sort().join(',')}|${components(l)}|${l.note ?? ''}`;
  const existing = lines.find((l) => key(l) === key(line));
  if (!existing) return [...lines, line];
  return lines.map((l) => (l === existing ? { ...l, quantity: l.quantity + line.quantity } : l));
}

export function changeQuantity(lines: readonly LineRequest[], lineId: LineId, delta: number): LineRequest[] {
  return lines.flatMap((l) => {
    if (l.lineId !== lineId) return [l];
    // A weighed line can be removed, not multiplied: weigh again instead.
    if (l.weightGrams !== undefined) return delta < 0 ? [] : [l];
    const quantity = l.quantity + delta;
    return quantity <= 0 ? [] : [{ ...l, quantity }];
  });
}

/** The wire form of the lines (the command schema wants mutable arrays). */
export function toWireLines(lines: readonly LineRequest[]): CommandArgs<'order.create'>['lines'] {
  return lines.map(({ components, ...l }) => ({
    ...l,
    modifierOptionIds: [...l.modifierOptionIds],
    ...(components ? { components: components.map((c) => ({ ...c, modifierOptionIds: [...c.modifierOptionIds] })) } : {}),
  }));
}
