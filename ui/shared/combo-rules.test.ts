import { DEMO, type LineId, type MenuItem, demoMenu, indexMenu, priceLine } from '@brigade/sync/model';
import { describe, expect, it } from 'vitest';
import { comboComponents, comboProblems, comboUnitPrice, initialComboSelection, pickSlotItem } from './combo-rules';
import { chooseOption, initialSelection, openGroups, selectedOptionIds, selectionProblems } from './modifier-rules';

const index = indexMenu(demoMenu);
const item = (id: string): MenuItem => index.items.get(id as MenuItem['id'])!;
const meal = item(DEMO.burgerMeal);
const slot = (id: string) => meal.combo!.slots.find((s) => s.id === id)!;

describe('nested choices in the picker', () => {
  it('opens the dressing only once the side salad is chosen, with its default, and closes it again', () => {
    const sandwich = item(DEMO.chickenSandwich);
    let s = initialSelection(index, sandwich);
    expect(openGroups(index, sandwich, s).map((g) => g.group.id)).toEqual([DEMO.addSide]);
    s = chooseOption(index, sandwich, s, index.groups.get(DEMO.addSide)!, DEMO.sideSalad);
    expect(openGroups(index, sandwich, s).map((g) => [g.group.id, g.depth])).toEqual([[DEMO.addSide, 0], [DEMO.dressing, 1]]);
    expect(selectedOptionIds(index, sandwich, s)).toEqual([DEMO.sideSalad, DEMO.vinaigrette]);
    s = chooseOption(index, sandwich, s, index.groups.get(DEMO.addSide)!, DEMO.sideSalad);
    expect(selectedOptionIds(index, sandwich, s)).toEqual([]);
    expect(selectionProblems(index, sandwich, s)).toEqual([]);
  });
});

describe('combo picker rules', () => {
  it('starts from the menu defaults, and the hub prices the request as the screen does', () => {
    const selection = initialComboSelection(index, meal);
    expect(comboProblems(index, meal, selection)).toEqual([]);
    const components = comboComponents(index, meal, selection);
    expect(components.map((c) => c.itemId)).toEqual(meal.combo!.slots.map((s) => s.defaultItemId));
    // The burger's doneness default, the fries' and the cola's size default are all in.
    const priced = priceLine(index, { lineId: 'l' as LineId, itemId: meal.id, quantity: 1, modifierOptionIds: [], components });
    expect(comboUnitPrice(index, meal, selection)).toBe(priced.unitPrice);
    expect(comboUnitPrice(index, meal, selection, 'online')).toBe(priceLine(index, { lineId: 'l' as LineId, itemId: meal.id, quantity: 1, modifierOptionIds: [], components }, undefined, undefined, { channel: 'online' }).unitPrice);
  });

  it('switches the main to the chicken sandwich with a side salad and agrees with the hub', () => {
    let selection = pickSlotItem(index, initialComboSelection(index, meal), slot(DEMO.mealMain), DEMO.chickenSandwich);
    const sandwich = item(DEMO.chickenSandwich);
    const pick = selection[DEMO.mealMain]!;
    selection = { ...selection, [DEMO.mealMain]: { ...pick, selection: chooseOption(index, sandwich, pick.selection, index.groups.get(DEMO.addSide)!, DEMO.sideSalad) } };
    const components = comboComponents(index, meal, selection);
    const priced = priceLine(index, { lineId: 'l' as LineId, itemId: meal.id, quantity: 1, modifierOptionIds: [], components });
    expect(priced.components?.[0]?.modifiers.map((m) => m.optionId)).toEqual([DEMO.sideSalad, DEMO.vinaigrette]);
    expect(comboUnitPrice(index, meal, selection)).toBe(priced.unitPrice);
  });

  it('reports an empty required slot and skips 86d defaults', () => {
    const selection = initialComboSelection(index, meal, new Set([DEMO.burger]));
    expect(selection[DEMO.mealMain]?.itemId).not.toBe(DEMO.burger);
    expect(comboProblems(index, meal, { ...selection, [DEMO.mealSide]: undefined }).map((p) => p.slotId)).toEqual([DEMO.mealSide]);
  });
});
