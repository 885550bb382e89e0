/**
 * Pricing benchmarks: how long the shared pricing engine takes on large orders, measured
 * with performance.now() over many iterations after a warm-up. Prints markdown table rows.
 * Run alone with `npx tsx test/bench/pricing.bench.ts`, or import `runPricingBench`.
 */
import { pathToFileURL } from 'node:url';
import {
  type CheckInput,
  type CheckLineRequest,
  type ItemId,
  type LineId,
  type Menu,
  type MenuIndex,
  type ModifierGroup,
  type ModifierGroupId,
  type ModifierOptionId,
  type TaxRateId,
  cents,
  indexMenu,
  mergeCheckInputs,
  priceCheck,
  priceOrder,
  splitByItem,
  splitByShares,
  splitBySeat,
  splitEvenly,
} from '@brigade/sync/model';

export interface BenchRow {
  readonly name: string;
  readonly iterations: number;
  readonly microsPerCall: number;
}

const as = <T extends string>(value: string): T => value as T;

/** 50 items, each with 5 modifier groups (a required pick-one and optional extras) and 2 rates. */
function benchMenu(): Menu {
  const groups: ModifierGroup[] = Array.from({ length: 10 }, (_, g) => ({
    id: as<ModifierGroupId>(`grp-${g}`),
    name: `Group ${g}`,
    min: g % 2 === 0 ? 1 : 0,
    max: g % 2 === 0 ? 1 : 4,
    options: Array.from({ length: 6 }, (_, o) => ({ id: as<ModifierOptionId>(`opt-${g}-${o}`), name: `Option ${o}`, priceDelta: cents(o * 25) })),
  }));
  return {
    currency: 'USD',
    taxInclusive: false,
    categories: [{ id: as('cat'), name: 'All', sortOrder: 0 }],
    stations: [{ id: as('grill'), name: 'Grill' }],
    taxRates: [
      { id: as<TaxRateId>('tax-a'), name: 'State', rateBps: 625 },
      { id: as<TaxRateId>('tax-b'), name: 'City', rateBps: 225 },
      { id: as<TaxRateId>('tax-c'), name: 'Drinks', rateBps: 1000 },
    ],
    modifierGroups: groups,
    items: Array.from({ length: 50 }, (_, i) => ({
      id: as<ItemId>(`item-${i}`),
      categoryId: as('cat'),
      name: `Item ${i}`,
      description: '',
      price: cents(495 + i * 37),
      taxRateIds: [as<TaxRateId>('tax-a'), as<TaxRateId>(i % 3 === 0 ? 'tax-c' : 'tax-b')],
      taxRateIdsByDiningOption: { take_out: [as<TaxRateId>('tax-a')] },
      stationId: as('grill'),
      modifierGroupIds: Array.from({ length: 5 }, (_, k) => groups[(i + k * 2) % groups.length]!.id),
      sortOrder: i,
      active: true,
    })),
  };
}

function benchLines(index: MenuIndex, count: number, offset = 0): CheckLineRequest[] {
  return Array.from({ length: count }, (_, n) => {
    const item = index.menu.items[(n + offset) % index.menu.items.length]!;
    const options = item.modifierGroupIds.flatMap((gid) => {
      const group = index.groups.get(gid)!;
      return group.options.slice(0, group.min === 1 ? 1 : 3).map((o) => o.id);
    });
    return {
      lineId: as<LineId>(`line-${String(n + offset).padStart(4, '0')}`),
      itemId: item.id,
      quantity: 1 + (n % 3),
      modifierOptionIds: options,
      seat: 1 + (n % 6),
      ...(n % 7 === 0 ? { discount: { name: 'Staff', value: { kind: 'percent' as const, bps: 1500 } } } : {}),
    };
  });
}

function measure(name: string, fn: () => unknown, minMillis = 400): BenchRow {
  for (let i = 0; i < 50; i++) fn(); // warm-up for the JIT
  let iterations = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMillis) {
    for (let i = 0; i < 20; i++) fn();
    iterations += 20;
    elapsed = performance.now() - start;
  }
  return { name, iterations, microsPerCall: (elapsed * 1000) / iterations };
}

export function runPricingBench(): BenchRow[] {
  const index = indexMenu(benchMenu());
  const fifty = benchLines(index, 50);
  const check: CheckInput = {
    lines: fifty,
    diningOption: 'eat_in',
    guests: 10,
    orderDiscounts: [{ name: 'Loyalty', value: { kind: 'percent', bps: 500 } }],
    serviceCharge: { name: 'Service', minGuests: 8, rateBps: 1800, taxable: true, taxRateIds: [as<TaxRateId>('tax-a')] },
  };
  const large: CheckInput = { ...check, lines: benchLines(index, 200) };
  const priced = priceCheck(index, large);
  const assignment = new Map(priced.lines.map((l, i) => [l.lineId, i % 4]));
  const shared = new Map(priced.lines.map((l) => [l.lineId, [1, 1, 2]]));
  const quarters = [0, 1, 2, 3].map((q): CheckInput => ({ ...check, guests: 3, lines: benchLines(index, 50, q * 50) }));
  return [
    measure('priceOrder, 50 lines × 5 modifier groups', () => priceOrder(index, fifty)),
    measure('priceCheck, 50 lines, discounts + service charge', () => priceCheck(index, check)),
    measure('priceCheck, 200 lines', () => priceCheck(index, large)),
    measure('splitByItem, 200 lines into 4', () => splitByItem(index, priced, assignment, 4)),
    measure('splitBySeat, 200 lines over 6 seats', () => splitBySeat(index, priced)),
    measure('splitEvenly, 200 lines into 10', () => splitEvenly(priced, 10)),
    measure('splitByShares, 200 lines each shared 1:1:2', () => splitByShares(index, priced, shared, 3)),
    measure('merge 4 checks of 50 lines and reprice', () => priceCheck(index, mergeCheckInputs(quarters))),
  ];
}

export function formatRows(rows: readonly BenchRow[]): string {
  return ['| pricing benchmark | iterations | µs per call |', '|---|---:|---:|', ...rows.map((r) => `| ${r.name} | ${r.iterations} | ${r.microsPerCall.toFixed(1)} |`)].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatRows(runPricingBench()));
}
