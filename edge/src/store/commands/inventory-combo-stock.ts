/**
 * Combos and stock. A combo sold consumes, per combo, its own recipe (packaging, say) and the
 * recipe of each chosen component with that component's options — the meal's burger uses the
 * burger's recipe. A combo can be made while its own recipe can and every required slot has at
 * least one choice the stock can make; otherwise the stock 86es it like any item.
 */
import { type ConsumingLine, type ItemId, type MenuIndex, type MenuItem, type PricedLine, type RecipeBook, canMake } from '@brigade/sync/model';

/** What one sold line asks of the recipes: the line itself and, for a combo, each chosen component. */
export function consumingLines(line: Pick<PricedLine, 'itemId' | 'quantity' | 'modifiers' | 'components'>): ConsumingLine[] {
  const own: ConsumingLine = { itemId: line.itemId, quantity: line.quantity, optionIds: line.modifiers.map((m) => m.optionId) };
  const parts = (line.components ?? []).map((c): ConsumingLine => ({ itemId: c.itemId, quantity: line.quantity, optionIds: c.modifiers.map((m) => m.optionId) }));
  return [own, ...parts];
}

/** Whether one more combo can be made: its own recipe, and a makeable choice in every required slot. */
export function canMakeCombo(combo: Pick<MenuItem, 'id' | 'combo'>, recipes: RecipeBook, levels: ReadonlyMap<string, number>): boolean {
  if (!canMake(combo.id, recipes, levels)) return false;
  return (combo.combo?.slots ?? []).every((slot) => slot.optional === true || slot.choices.some((c) => canMake(c.itemId, recipes, levels)));
}

/** Combos of the menu with any of `itemIds` among their choices. */
export function combosWithChoices(menu: MenuIndex, itemIds: ReadonlySet<string>): MenuItem[] {
  return menu.menu.items.filter((item) => item.combo?.slots.some((slot) => slot.choices.some((c) => itemIds.has(c.itemId))));
}

/** Every choice item of these combos: their recipes decide whether the combos can be made. */
export function choiceItemIds(combos: readonly MenuItem[]): ItemId[] {
  return [...new Set(combos.flatMap((c) => c.combo?.slots.flatMap((s) => s.choices.map((ch) => ch.itemId)) ?? []))];
}
