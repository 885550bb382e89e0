/**
 * Checks of the deeper menu fields before a menu is published: nested modifier groups
 * resolve, never loop and stay within MAX_MODIFIER_DEPTH (the pricing engine stops there);
 * combo slots name sellable items (not combos, not weighed); dayparts are distinct, have a
 * real window and are all defined. Each refusal names what to fix.
 */
import { MAX_MODIFIER_DEPTH, type Menu, type ModifierGroupId, minutesOf } from '@brigade/sync/model';
import { CloudError } from '@brigade/sync/protocol';

const invalid = (message: string, details: Record<string, string>) => new CloudError('MENU_INVALID', message, details);

export function validateMenuDepth(menu: Menu): void {
  checkNesting(menu);
  checkCombos(menu);
  checkDayparts(menu);
  const rates = new Set<string>(menu.taxRates.map((r) => r.id));
  for (const item of menu.items) {
    const missing = Object.values(item.taxRateIdsByDiningOption ?? {}).flat().find((id) => !rates.has(id));
    if (missing) throw invalid(`${item.name} refers to tax rate ${missing}, which is not on the menu.`, { itemId: item.id });
  }
}

function checkNesting(menu: Menu): void {
  const groups = new Map(menu.modifierGroups.map((g) => [g.id, g]));
  for (const group of menu.modifierGroups) {
    for (const option of group.options) {
      for (const child of option.childGroupIds ?? []) {
        if (!groups.has(child)) throw invalid(`${option.name} opens ${child}, which is not on the menu.`, { groupId: group.id, optionId: option.id });
      }
    }
  }
  // Depth of the deepest chain below each group; a group met again on its own path is a loop.
  const depth = new Map<ModifierGroupId, number>();
  const measure = (id: ModifierGroupId, path: readonly ModifierGroupId[]): number => {
    if (path.includes(id)) throw invalid(`Modifier groups open each other in a loop (${[...path, id].join(' → ')}).`, { groupId: id });
    const known = depth.get(id);
    if (known !== undefined) return known;
    const group = groups.get(id);
    const below = Math.max(0, ...(group?.options ?? []).flatMap((o) => (o.childGroupIds ?? []).map((c) => measure(c, [...path, id]))));
    depth.set(id, below + 1);
    return below + 1;
  };
  for (const group of menu.modifierGroups) {
    if (measure(group.id, []) > MAX_MODIFIER_DEPTH) throw invalid(`${group.name} nests choices more than ${MAX_MODIFIER_DEPTH} levels deep.`, { groupId: group.id });
  }
}

function checkCombos(menu: Menu): void {
  const items = new Map(menu.items.map((i) => [i.id, i]));
  for (const item of menu.items) {
    if (!item.combo) continue;
    if (item.soldByWeight) throw invalid(`${item.name} is a combo and cannot be sold by weight.`, { itemId: item.id });
    const slotIds = new Set<string>();
    for (const slot of item.combo.slots) {
      if (slotIds.has(slot.id)) throw invalid(`${item.name} has two choices with the id ${slot.id}.`, { itemId: item.id });
      slotIds.add(slot.id);
      const seen = new Set<string>();
      for (const choice of slot.choices) {
        const component = items.get(choice.itemId);
        if (!component) throw invalid(`${item.name}: ${slot.name} offers ${choice.itemId}, which is not on the menu.`, { itemId: item.id, slotId: slot.id });
        if (component.combo || component.soldByWeight) throw invalid(`${item.name}: ${component.name} cannot be part of a combo.`, { itemId: item.id, slotId: slot.id });
        if (seen.has(choice.itemId)) throw invalid(`${item.name}: ${slot.name} offers ${component.name} twice.`, { itemId: item.id, slotId: slot.id });
        seen.add(choice.itemId);
      }
      if (slot.defaultItemId !== undefined && !seen.has(slot.defaultItemId)) {
        throw invalid(`${item.name}: the default ${slot.name.toLowerCase()} is not one of its choices.`, { itemId: item.id, slotId: slot.id });
      }
    }
  }
}

function checkDayparts(menu: Menu): void {
  const ids = new Set<string>();
  for (const d of menu.dayparts ?? []) {
    if (ids.has(d.id)) throw invalid('Two dayparts share an id.', { daypartId: d.id });
    ids.add(d.id);
    if (minutesOf(d.start) === minutesOf(d.end)) throw invalid(`${d.name} starts and ends at the same time.`, { daypartId: d.id });
  }
  for (const item of menu.items) {
    const missing = (item.daypartIds ?? []).find((id) => !ids.has(id));
    if (missing) throw invalid(`${item.name} refers to daypart ${missing}, which is not on the menu.`, { itemId: item.id });
  }
}
