/** Nested modifiers, combos, channel prices and dayparts, priced from the demo menu. */
import { describe, expect, it } from 'vitest';
import { DEMO, demoMenu } from './demo-menu';
import { BrigadeError, type ErrorCode } from './errors';
import type { ItemId, LineId, ModifierOptionId } from './ids';
import { type MenuItem, indexMenu } from './menu';
import { kitchenDetailLines } from './menu-combos';
import { isWithinDaypart } from './menu-dayparts';
import { type LineRequest, type SaleContext, priceLine } from './pricing';

const index = indexMenu(demoMenu);
const item = (id: ItemId): MenuItem => demoMenu.items.find((i) => i.id === id)!;
const option = (id: ModifierOptionId) => index.options.get(id)!.option;

const line = (itemId: ItemId, modifierOptionIds: ModifierOptionId[] = [], extra: Partial<LineRequest> = {}): LineRequest => ({
  lineId: 'line-1' as LineId, itemId, quantity: 1, modifierOptionIds, ...extra,
});
const meal = (main: ItemId, mainMods: ModifierOptionId[], drink: ItemId = DEMO.cola): LineRequest =>
  line(DEMO.burgerMeal, [], {
    components: [
      { slotId: DEMO.mealMain, itemId: main, modifierOptionIds: mainMods },
      { slotId: DEMO.mealSide, itemId: DEMO.fries, modifierOptionIds: [DEMO.regular] },
      { slotId: DEMO.mealDrink, itemId: drink, modifierOptionIds: [DEMO.large] },
    ],
  });

function codeOf(fn: () => unknown): ErrorCode | 'none' {
  try {
    fn();
    return 'none';
  } catch (error) {
    if (error instanceof BrigadeError) return error.code;
    throw error;
  }
}

describe('nested modifiers', () => {
  it('prices a side that opens its own dressing choice, the dressing marked with its parent', () => {
    const priced = priceLine(index, line(DEMO.chickenSandwich, [DEMO.ranch, DEMO.sideSalad]));
    expect(priced.unitPrice).toBe(item(DEMO.chickenSandwich).price + option(DEMO.sideSalad).priceDelta + option(DEMO.ranch).priceDelta);
    expect(priced.modifiers.map((m) => [m.optionId, m.parentOptionId ?? null])).toEqual([[DEMO.sideSalad, null], [DEMO.ranch, DEMO.sideSalad]]);
    expect(kitchenDetailLines(priced)).toEqual(['Side salad', '  - Ranch']);
  });

  it('requires the nested choice only while its parent is chosen', () => {
    expect(codeOf(() => priceLine(index, line(DEMO.chickenSandwich, [DEMO.sideSalad])))).toBe('MODIFIER_REQUIRED');
    expect(codeOf(() => priceLine(index, line(DEMO.chickenSandwich, [DEMO.onionRings])))).toBe('none');
    expect(codeOf(() => priceLine(index, line(DEMO.chickenSandwich, [])))).toBe('none');
  });

  it('refuses a nested choice without its parent, saying which', () => {
    const error = (() => { try { priceLine(index, line(DEMO.chickenSandwich, [DEMO.onionRings, DEMO.ranch])); } catch (e) { return e; } })();
    expect(error).toBeInstanceOf(BrigadeError);
    expect((error as BrigadeError).code).toBe('MODIFIER_UNKNOWN');
    expect((error as BrigadeError).message).toContain(option(DEMO.sideSalad).name);
  });

  it('refuses two picks in a max-1 group and choices of another item', () => {
    expect(codeOf(() => priceLine(index, line(DEMO.chickenSandwich, [DEMO.sideSalad, DEMO.onionRings, DEMO.ranch])))).toBe('MODIFIER_TOO_MANY');
    expect(codeOf(() => priceLine(index, line(DEMO.chickenSandwich, [DEMO.sideSalad, DEMO.ranch, DEMO.vinaigrette])))).toBe('MODIFIER_TOO_MANY');
    expect(codeOf(() => priceLine(index, line(DEMO.burger, [DEMO.medium, DEMO.ranch])))).toBe('MODIFIER_UNKNOWN');
  });
});

describe('combos', () => {
  it('prices the combo as its price plus upcharges and component choices, not the components prices', () => {
    const priced = priceLine(index, meal(DEMO.cheeseburger, [DEMO.wellDone, DEMO.bacon], DEMO.lemonade));
    const slots = item(DEMO.burgerMeal).combo!.slots;
    const upcharge = (slot: number, id: ItemId) => slots[slot]!.choices.find((c) => c.itemId === id)!.upcharge;
    const expected = item(DEMO.burgerMeal).price + upcharge(0, DEMO.cheeseburger) + option(DEMO.bacon).priceDelta
      + option(DEMO.regular).priceDelta + upcharge(2, DEMO.lemonade) + option(DEMO.large).priceDelta;
    expect(priced.unitPrice).toBe(expected);
    expect(priced.components?.map((c) => c.itemId)).toEqual([DEMO.cheeseburger, DEMO.fries, DEMO.lemonade]);
    expect(kitchenDetailLines(priced)).toEqual(['Main: Double Cheeseburger', '  Well done', '  Bacon', 'Side: Fries', '  Regular', 'Drink: Lemonade', '  Large']);
  });

  it('takes a component with a nested modifier', () => {
    const priced = priceLine(index, meal(DEMO.chickenSandwich, [DEMO.sideSalad, DEMO.vinaigrette]));
    expect(priced.components?.[0]?.modifiers.map((m) => m.name)).toEqual(['Side salad', 'Vinaigrette']);
  });

  it('refuses a missing slot, a foreign item, a repeated slot, components on a plain item and 86d components', () => {
    const partial = line(DEMO.burgerMeal, [], { components: [{ slotId: DEMO.mealMain, itemId: DEMO.burger, modifierOptionIds: [DEMO.medium] }] });
    expect(codeOf(() => priceLine(index, partial))).toBe('COMBO_CHOICE_REQUIRED');
    expect(codeOf(() => priceLine(index, meal(DEMO.beer, [])))).toBe('COMBO_INVALID');
    const twice = meal(DEMO.burger, [DEMO.medium]);
    expect(codeOf(() => priceLine(index, { ...twice, components: [...twice.components!, twice.components![0]!] }))).toBe('COMBO_INVALID');
    expect(codeOf(() => priceLine(index, line(DEMO.beer, [], { components: twice.components! })))).toBe('COMBO_INVALID');
    expect(codeOf(() => priceLine(index, meal(DEMO.burger, [])))).toBe('MODIFIER_REQUIRED');
    expect(codeOf(() => priceLine(index, meal(DEMO.burger, [DEMO.medium]), new Set([DEMO.fries])))).toBe('ITEM_UNAVAILABLE');
  });
});

describe('channel prices', () => {
  it('uses the channel price where there is one and the base price elsewhere', () => {
    const base = item(DEMO.burgerMeal).price;
    const online = item(DEMO.burgerMeal).channelPrices?.online;
    expect(online).toBeDefined();
    expect(online).not.toBe(base);
    const at = (channel: SaleContext['channel']) => priceLine(index, meal(DEMO.burger, [DEMO.medium]), undefined, undefined, { channel }).unitPrice;
    expect(at('online') - at('counter')).toBe(online! - base);
    expect(at('kiosk')).toBe(at('counter'));
  });
});

describe('dayparts', () => {
  const tz = 'America/New_York';
  // 10:59 and 11:00 in New York in winter (UTC−5).
  const before = '2026-01-15T15:59:00Z';
  const after = '2026-01-15T16:00:00Z';

  it('sells breakfast before 11:00 store time and refuses it at 11:00 with the window', () => {
    expect(priceLine(index, line(DEMO.breakfastMuffin), undefined, undefined, { at: before, timeZone: tz }).itemId).toBe(DEMO.breakfastMuffin);
    let error: unknown;
    try { priceLine(index, line(DEMO.breakfastMuffin), undefined, undefined, { at: after, timeZone: tz }); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(BrigadeError);
    expect((error as BrigadeError).code).toBe('ITEM_NOT_AVAILABLE_NOW');
    expect((error as BrigadeError).status).toBe(409);
    expect((error as BrigadeError).message).toContain('11:00');
  });

  it('reads the window in the store time zone, not UTC', () => {
    // 10:30 UTC is 05:30 in New York (closed) and 10:30 in London (open).
    const d = demoMenu.dayparts![0]!;
    expect(isWithinDaypart(d, '2026-01-15T10:30:00Z', tz)).toBe(false);
    expect(isWithinDaypart(d, '2026-01-15T10:30:00Z', 'Europe/London')).toBe(true);
  });

  it('handles windows past midnight and days of the week', () => {
    const late = { id: 'dp-late' as never, name: 'Late', start: '22:00', end: '02:00', days: [5] };
    expect(isWithinDaypart(late, '2026-01-16T23:00:00Z', 'UTC')).toBe(true); // Friday 23:00
    expect(isWithinDaypart(late, '2026-01-17T01:00:00Z', 'UTC')).toBe(true); // Saturday 01:00, Friday's night
    expect(isWithinDaypart(late, '2026-01-18T01:00:00Z', 'UTC')).toBe(false); // Sunday 01:00, Saturday's night
    expect(isWithinDaypart(late, '2026-01-16T21:59:00Z', 'UTC')).toBe(false);
  });

  it('refuses a combo component outside its window', () => {
    const menu = { ...demoMenu, items: demoMenu.items.map((i) => (i.id === DEMO.cola ? { ...i, daypartIds: [DEMO.breakfast] } : i)) };
    expect(codeOf(() => priceLine(indexMenu(menu), meal(DEMO.burger, [DEMO.medium]), undefined, undefined, { at: after, timeZone: tz }))).toBe('ITEM_NOT_AVAILABLE_NOW');
  });
});
