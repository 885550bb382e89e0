import { DEMO, type MenuItem, demoMenu, indexMenu, priceLine, type LineId } from '@brigade/sync/model';
import { describe, expect, it } from 'vitest';
import { initialSelection, selectedOptionIds, selectionProblems, toggleOption, unitPrice } from './modifier-rules';

const index = indexMenu(demoMenu);
const item = (id: string): MenuItem => {
  const found = index.items.get(id as MenuItem['id']);
  if (!found) throw new Error(`demo menu lost ${id}`);
  return found;
};
const group = (id: string) => {
  const found = index.groups.get(id as never);
  if (!found) throw new Error(`demo menu lost ${id}`);
  return found;
};

describe('modifier picker rules', () => {
  it('refuses a burger without a doneness, then accepts one once chosen', () => {
    const burger = item(DEMO.burger);
    const empty = { [DEMO.doneness]: [], [DEMO.extras]: [] };
    expect(selectionProblems(index, burger, empty).map((p) => p.groupId)).toEqual([DEMO.doneness]);
    const chosen = toggleOption(empty, group(DEMO.doneness), DEMO.rare);
    expect(selectionProblems(index, burger, chosen)).toEqual([]);
  });

  it('treats a required single choice as a radio: picking another replaces, tapping again keeps it', () => {
    const doneness = group(DEMO.doneness);
    let s = toggleOption({}, doneness, DEMO.rare);
    s = toggleOption(s, doneness, DEMO.wellDone);
    expect(s[DEMO.doneness]).toEqual([DEMO.wellDone]);
    expect(toggleOption(s, doneness, DEMO.wellDone)[DEMO.doneness]).toEqual([DEMO.wellDone]);
  });

  it('stops optional extras at the group maximum and lets them be removed', () => {
    const extras = { ...group(DEMO.extras), max: 2 };
    let s = toggleOption({}, extras, DEMO.bacon);
    s = toggleOption(s, extras, DEMO.cheese);
    s = toggleOption(s, extras, DEMO.jalapenos);
    expect(s[DEMO.extras]).toEqual([DEMO.bacon, DEMO.cheese]);
    expect(toggleOption(s, extras, DEMO.bacon)[DEMO.extras]).toEqual([DEMO.cheese]);
  });

  it('ignores an option that belongs to another group', () => {
    const s = toggleOption({}, group(DEMO.extras), DEMO.large);
    expect(s[DEMO.extras]).toBeUndefined();
  });

  it('preselects the menu default size for drinks', () => {
    const s = initialSelection(index, item(DEMO.cola));
    expect(s[DEMO.size]).toEqual([DEMO.regular]);
    expect(selectionProblems(index, item(DEMO.cola), s)).toEqual([]);
  });

  it('shows the unit price the hub will charge, with extras in menu order', () => {
    const burger = item(DEMO.burger);
    let s = initialSelection(index, burger);
    s = toggleOption(s, group(DEMO.extras), DEMO.cheese);
    s = toggleOption(s, group(DEMO.extras), DEMO.bacon);
    const ids = selectedOptionIds(index, burger, s);
    const server = priceLine(index, { lineId: 'l' as LineId, itemId: burger.id, quantity: 1, modifierOptionIds: ids });
    expect(unitPrice(index, burger, s)).toBe(server.unitPrice);
    expect(ids).toEqual(server.modifiers.map((m) => m.optionId));
  });
});
