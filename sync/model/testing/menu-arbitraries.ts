/**
 * fast-check generators for the pricing tests: random menus (several tax rates, inclusive
 * or exclusive, modifier groups with min/max, items sold by weight, rates by dining option)
 * and random valid line requests against a given menu.
 */
import fc from 'fast-check';
import type { CategoryId, ItemId, LineId, ModifierGroupId, ModifierOptionId, StationId, TaxRateId } from '../ids';
import type { Menu, MenuItem, ModifierGroup, TaxRate } from '../menu';
import { cents } from '../money';
import type { DiningOption } from '../order';
import type { LineRequest } from '../pricing';

const as = <T extends string>(value: string): T => value as T;

export interface MenuShape {
  readonly taxInclusive?: boolean;
  readonly maxRateBps?: number;
  readonly maxRatesPerItem?: number;
}

const taxRatesArb = (maxRateBps: number): fc.Arbitrary<TaxRate[]> =>
  fc.array(fc.integer({ min: 0, max: maxRateBps }), { minLength: 1, maxLength: 4 }).map((rates) =>
    rates.map((rateBps, i) => ({ id: as<TaxRateId>(`tax-${i}`), name: `Tax ${i}`, rateBps })),
  );

const groupsArb: fc.Arbitrary<ModifierGroup[]> = fc
  .array(
    fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 5 }).chain((deltas) =>
      fc.integer({ min: 0, max: Math.min(2, deltas.length) }).chain((min) =>
        fc.integer({ min: Math.max(1, min), max: deltas.length }).map((max) => ({ deltas, min, max })),
      ),
    ),
    { maxLength: 4 },
  )
  .map((groups) =>
    groups.map((g, gi) => ({
      id: as<ModifierGroupId>(`grp-${gi}`),
      name: `Group ${gi}`,
      min: g.min,
      max: g.max,
      options: g.deltas.map((d, oi) => ({ id: as<ModifierOptionId>(`opt-${gi}-${oi}`), name: `Option ${gi}.${oi}`, priceDelta: cents(d) })),
    })),
  );

function itemArb(i: number, rates: readonly TaxRate[], groups: readonly ModifierGroup[], maxRatesPerItem: number): fc.Arbitrary<MenuItem> {
  const rateIds = rates.map((r) => r.id);
  const rateSubset = fc.subarray(rateIds, { maxLength: Math.min(maxRatesPerItem, rateIds.length) });
  return fc
    .record({
      price: fc.integer({ min: 0, max: 5000 }),
      taxRateIds: rateSubset,
      modifierGroupIds: fc.subarray(groups.map((g) => g.id)),
      soldByWeight: fc.boolean().map((b) => b && i % 3 === 2),
      byOption: fc.option(fc.record({ eat_in: rateSubset, take_out: rateSubset }), { nil: undefined }),
    })
    .map((r) => ({
      id: as<ItemId>(`item-${i}`),
      categoryId: as<CategoryId>('cat-0'),
      name: `Item ${i}`,
      description: '',
      price: cents(r.price),
      taxRateIds: r.taxRateIds,
      stationId: as<StationId>('station-0'),
      modifierGroupIds: r.modifierGroupIds,
      sortOrder: i,
      active: true,
      ...(r.soldByWeight ? { soldByWeight: true } : {}),
      ...(r.byOption ? { taxRateIdsByDiningOption: r.byOption } : {}),
    }));
}

export function menuArb(shape: MenuShape = {}): fc.Arbitrary<Menu> {
  const inclusiveArb = shape.taxInclusive === undefined ? fc.boolean() : fc.constant(shape.taxInclusive);
  return fc.tuple(taxRatesArb(shape.maxRateBps ?? 3000), groupsArb, inclusiveArb, fc.integer({ min: 1, max: 8 })).chain(([rates, groups, taxInclusive, count]) =>
    fc.tuple(...Array.from({ length: count }, (_, i) => itemArb(i, rates, groups, shape.maxRatesPerItem ?? 3))).map((items) => ({
      currency: 'EUR',
      taxInclusive,
      categories: [{ id: as<CategoryId>('cat-0'), name: 'All', sortOrder: 0 }],
      items,
      modifierGroups: groups,
      taxRates: rates,
      stations: [{ id: as<StationId>('station-0'), name: 'Kitchen' }],
    })),
  );
}

/** One valid request for `item`: choices within each group's min/max, weight for weighed items. */
export function lineRequestArb(menu: Menu, item: MenuItem, lineId: string): fc.Arbitrary<LineRequest> {
  const groups = item.modifierGroupIds.map((id) => menu.modifierGroups.find((g) => g.id === id)).filter((g): g is ModifierGroup => g !== undefined);
  const choices = fc.tuple(...groups.map((g) => fc.subarray(g.options.map((o) => o.id), { minLength: g.min, maxLength: g.max })));
  return fc
    .record({
      quantity: item.soldByWeight ? fc.constant(1) : fc.integer({ min: 1, max: 20 }),
      weightGrams: item.soldByWeight ? fc.integer({ min: 1, max: 5000 }) : fc.constant(undefined),
      choices,
    })
    .map((r) => ({
      lineId: as<LineId>(lineId),
      itemId: item.id,
      quantity: r.quantity,
      modifierOptionIds: r.choices.flat(),
      ...(r.weightGrams !== undefined ? { weightGrams: r.weightGrams } : {}),
    }));
}

/** 1..maxLines valid requests with unique line ids. */
export function linesArb(menu: Menu, maxLines = 12): fc.Arbitrary<LineRequest[]> {
  return fc
    .array(fc.integer({ min: 0, max: menu.items.length - 1 }), { minLength: 1, maxLength: maxLines })
    .chain((picks) => fc.tuple(...picks.map((p, i) => lineRequestArb(menu, menu.items[p] ?? menu.items[0]!, `line-${String(i).padStart(3, '0')}`))));
}

export const menuWithLinesArb = (shape: MenuShape = {}, maxLines = 12): fc.Arbitrary<{ menu: Menu; lines: LineRequest[] }> =>
  menuArb(shape).chain((menu) => linesArb(menu, maxLines).map((lines) => ({ menu, lines })));

export const diningOptionArb: fc.Arbitrary<DiningOption | undefined> = fc.constantFrom(undefined, 'eat_in', 'take_out', 'delivery');

/** A permutation of `values`. */
export const permutationArb = <T>(values: readonly T[]): fc.Arbitrary<T[]> => fc.shuffledSubarray([...values], { minLength: values.length, maxLength: values.length });
