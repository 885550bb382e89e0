/**
 * Pricing with the deeper menu: 50-line orders of combos whose components carry nested
 * choices, and of items with nested modifiers, at a channel price and with a daypart check.
 * Prints markdown rows like the pricing bench. Run alone with `npx tsx test/bench/menu-depth.bench.ts`.
 */
import { pathToFileURL } from 'node:url';
import { DEMO, type LineId, type LineRequest, demoMenu, indexMenu, priceOrder } from '@brigade/sync/model';
import { type BenchRow, formatRows } from './pricing.bench';

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

const lineId = (i: number) => `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}` as LineId;

function combos(n: number): LineRequest[] {
  return Array.from({ length: n }, (_, i) => ({
    lineId: lineId(i), itemId: DEMO.burgerMeal, quantity: 1 + (i % 3), modifierOptionIds: [],
    components: [
      i % 2 === 0
        ? { slotId: DEMO.mealMain, itemId: DEMO.chickenSandwich, modifierOptionIds: [DEMO.sideSalad, i % 4 === 0 ? DEMO.ranch : DEMO.vinaigrette] }
        : { slotId: DEMO.mealMain, itemId: DEMO.cheeseburger, modifierOptionIds: [DEMO.medium, DEMO.bacon, DEMO.cheese] },
      { slotId: DEMO.mealSide, itemId: DEMO.fries, modifierOptionIds: [DEMO.large] },
      { slotId: DEMO.mealDrink, itemId: i % 3 === 0 ? DEMO.lemonade : DEMO.cola, modifierOptionIds: [DEMO.regular] },
    ],
  }));
}

function nested(n: number): LineRequest[] {
  return Array.from({ length: n }, (_, i) => ({
    lineId: lineId(i), itemId: DEMO.chickenSandwich, quantity: 1, modifierOptionIds: i % 2 === 0 ? [DEMO.sideSalad, DEMO.ranch] : [DEMO.onionRings],
  }));
}

export function runMenuDepthBench(): BenchRow[] {
  const index = indexMenu(demoMenu);
  const sale = { channel: 'online', at: '2026-01-15T15:00:00Z', timeZone: 'America/New_York' } as const;
  const fiftyCombos = combos(50);
  const fiftyNested = nested(50);
  return [
    measure('priceOrder, 50 combo lines (3 components, nested side)', () => priceOrder(index, fiftyCombos)),
    measure('priceOrder, 50 combo lines, online price + daypart check', () => priceOrder(index, fiftyCombos, undefined, undefined, sale)),
    measure('priceOrder, 50 lines with a nested modifier', () => priceOrder(index, fiftyNested)),
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatRows(runMenuDepthBench()));
}
