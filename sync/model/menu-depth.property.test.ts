/**
 * Properties of nested modifiers and combos. The rules are checked against an oracle
 * written another way (a fixpoint of open groups instead of a walk of the tree), and prices
 * against sums taken from the menu data.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO, demoMenu } from './demo-menu';
import { BrigadeError } from './errors';
import type { CategoryId, ItemId, LineId, ModifierGroupId, ModifierOptionId, StationId, TaxRateId } from './ids';
import { type Menu, type MenuIndex, type MenuItem, type ModifierGroup, indexMenu } from './menu';
import type { ComboComponentRequest } from './menu-combos';
import { cents } from './money';
import { type LineRequest, priceLine, priceOrder } from './pricing';

const as = <T extends string>(v: string): T => v as T;

/** Groups on three levels; an option may open groups of the next level only, so depth ≤ 3. */
const nestedMenuArb: fc.Arbitrary<Menu> = fc
  .array(
    fc.record({
      level: fc.integer({ min: 0, max: 2 }),
      deltas: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 3 }),
      min: fc.integer({ min: 0, max: 2 }),
      spare: fc.integer({ min: 0, max: 2 }),
      links: fc.array(fc.array(fc.nat(), { maxLength: 2 }), { minLength: 3, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((specs) => {
    const ids = specs.map((_, i) => as<ModifierGroupId>(`g${i}`));
    const levelOf = (i: number) => specs[i]!.level;
    const groups: ModifierGroup[] = specs.map((s, gi) => {
      const min = Math.min(s.min, s.deltas.length);
      const next = ids.filter((_, j) => levelOf(j) === s.level + 1);
      return {
        id: ids[gi]!, name: `G${gi}`, min, max: Math.min(s.deltas.length, Math.max(1, min + s.spare)),
        options: s.deltas.map((d, oi) => {
          const children = [...new Set((s.links[oi] ?? []).filter(() => next.length > 0).map((n) => next[n % next.length]!))];
          return { id: as<ModifierOptionId>(`o${gi}.${oi}`), name: `O${gi}.${oi}`, priceDelta: cents(d), ...(children.length > 0 ? { childGroupIds: children } : {}) };
        }),
      };
    });
    const item: MenuItem = {
      id: as<ItemId>('item'), categoryId: as<CategoryId>('c'), name: 'Item', description: '', price: cents(500), taxRateIds: [as<TaxRateId>('t')],
      stationId: as<StationId>('s'), modifierGroupIds: ids.filter((_, i) => levelOf(i) === 0), sortOrder: 0, active: true,
    };
    return { currency: 'USD', taxInclusive: false, categories: [], stations: [], taxRates: [{ id: as<TaxRateId>('t'), name: 'T', rateBps: 800 }], modifierGroups: groups, items: [item] };
  });

/** The oracle: open groups are the item's groups plus those opened by picks in open groups. */
function oracle(menu: Menu, item: MenuItem, picks: readonly ModifierOptionId[]): { valid: boolean; delta: number } {
  const groupOf = new Map(menu.modifierGroups.flatMap((g) => g.options.map((o) => [o.id, g] as const)));
  const open = new Set<string>(item.modifierGroupIds);
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of picks) {
      const g = groupOf.get(id);
      if (!g || !open.has(g.id)) continue;
      for (const child of g.options.find((o) => o.id === id)?.childGroupIds ?? []) if (!open.has(child)) { open.add(child); changed = true; }
    }
  }
  const inOpen = picks.every((id) => open.has(groupOf.get(id)?.id ?? ''));
  const counts = menu.modifierGroups.filter((g) => open.has(g.id)).every((g) => {
    const n = picks.filter((id) => groupOf.get(id)?.id === g.id).length;
    return n >= g.min && n <= g.max;
  });
  const delta = picks.reduce((sum, id) => sum + (groupOf.get(id)?.options.find((o) => o.id === id)?.priceDelta ?? 0), 0);
  return { valid: inOpen && counts, delta };
}

const line = (itemId: ItemId, modifierOptionIds: readonly ModifierOptionId[], extra: Partial<LineRequest> = {}): LineRequest => ({
  lineId: as<LineId>(`line-${itemId}`), itemId, quantity: 1, modifierOptionIds, ...extra,
});

describe('nested modifier properties', () => {
  it('accepts exactly the choices the min/max rules allow, priced as the sum of the chosen deltas', () => {
    const arb = nestedMenuArb.chain((menu) => {
      const all = menu.modifierGroups.flatMap((g) => g.options.map((o) => o.id));
      return fc.tuple(fc.constant(menu), fc.shuffledSubarray(all));
    });
    fc.assert(
      fc.property(arb, ([menu, picks]) => {
        const item = menu.items[0]!;
        const expected = oracle(menu, item, picks);
        let price: number | undefined;
        try {
          price = priceLine(indexMenu(menu), line(item.id, picks)).unitPrice;
        } catch (error) {
          if (!(error instanceof BrigadeError)) throw error;
          expect(['MODIFIER_REQUIRED', 'MODIFIER_TOO_MANY', 'MODIFIER_UNKNOWN']).toContain(error.code);
        }
        expect(price !== undefined).toBe(expected.valid);
        if (price !== undefined) expect(price).toBe(item.price + expected.delta);
      }),
      { numRuns: 400 },
    );
  });
});

/** Every valid choice list of an item (its reachable options are few in the demo). */
function validChoices(menu: Menu, item: MenuItem): ModifierOptionId[][] {
  const all = menu.modifierGroups.flatMap((g) => g.options.map((o) => o.id));
  const out: ModifierOptionId[][] = [];
  for (let mask = 0; mask < 1 << all.length; mask++) {
    const picks = all.filter((_, i) => mask & (1 << i));
    if (picks.length <= 6 && oracle(menu, item, picks).valid) out.push(picks);
  }
  return out;
}

const demoIndex: MenuIndex = indexMenu(demoMenu);
const itemById = (id: ItemId) => demoMenu.items.find((i) => i.id === id)!;
const combo = itemById(DEMO.burgerMeal);
const slotChoices = combo.combo!.slots.map((slot) => slot.choices.map((c) => ({ slot, choice: c, options: validChoices(demoMenu, itemById(c.itemId)) })));

const componentArb: fc.Arbitrary<ComboComponentRequest[]> = fc.tuple(
  ...slotChoices.map((choices) =>
    fc.constantFrom(...choices).chain(({ slot, choice, options }) =>
      fc.constantFrom(...options).chain((picked) => fc.shuffledSubarray(picked, { minLength: picked.length }))
        .map((modifierOptionIds) => ({ slotId: slot.id, itemId: choice.itemId, modifierOptionIds })),
    ),
  ),
);

describe('combo properties', () => {
  it('is never negative, equals the combo price plus upcharges and choices, whatever the order of slots and choices', () => {
    fc.assert(
      fc.property(componentArb, fc.constantFrom('counter', 'kiosk', 'online', 'table') , fc.integer({ min: 1, max: 5 }), (components, channel, quantity) => {
        const request = line(DEMO.burgerMeal, [], { components, quantity });
        const reversed = { ...request, components: [...components].reverse().map((c) => ({ ...c, modifierOptionIds: [...c.modifierOptionIds].reverse() })) };
        const a = priceLine(demoIndex, request, undefined, undefined, { channel });
        const b = priceLine(demoIndex, reversed, undefined, undefined, { channel });
        expect(b).toEqual(a);
        const base = combo.channelPrices?.[channel] ?? combo.price;
        const extras = components.reduce((sum, c) => {
          const slot = combo.combo!.slots.find((s) => s.id === c.slotId)!;
          const upcharge = slot.choices.find((x) => x.itemId === c.itemId)!.upcharge;
          return sum + upcharge + oracle(demoMenu, itemById(c.itemId as ItemId), c.modifierOptionIds as ModifierOptionId[]).delta;
        }, 0);
        expect(a.unitPrice).toBe(base + extras);
        expect(a.lineAmount).toBe((base + extras) * quantity);
        expect(a.lineTotal).toBeGreaterThanOrEqual(a.lineAmount);
      }),
      { numRuns: 300 },
    );
  });

  it('prices an order of combos and nested items the same in any line order', () => {
    const sandwich = validChoices(demoMenu, itemById(DEMO.chickenSandwich));
    const linesArb = fc.array(
      fc.oneof(
        componentArb.map((components) => ({ itemId: DEMO.burgerMeal, modifierOptionIds: [] as ModifierOptionId[], components })),
        fc.constantFrom(...sandwich).map((modifierOptionIds) => ({ itemId: DEMO.chickenSandwich, modifierOptionIds })),
      ),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(linesArb.chain((ls) => fc.tuple(fc.constant(ls), fc.shuffledSubarray(ls.map((_, i) => i), { minLength: ls.length }))), ([ls, order]) => {
        const requests = ls.map((l, i) => line(l.itemId, l.modifierOptionIds, { lineId: as<LineId>(`line-${i}`), ...('components' in l ? { components: l.components } : {}) }));
        const one = priceOrder(demoIndex, requests);
        const two = priceOrder(demoIndex, order.map((i) => requests[i]!));
        expect(two.totals).toEqual(one.totals);
        expect(one.totals.total).toBeGreaterThanOrEqual(0);
        expect(one.totals.subtotal).toBe(one.lines.reduce((s, l) => s + l.lineAmount, 0));
      }),
      { numRuns: 200 },
    );
  });
});
