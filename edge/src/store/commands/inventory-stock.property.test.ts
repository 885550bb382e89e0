/**
 * Whatever the interleaving of sales, kitchen fires, voids, deliveries, waste and counts,
 * every ingredient's level is what an independent tally of those operations says it must
 * be, equal to the sum of its logged movements, and the burger is 86'd exactly when the
 * stock can no longer make one.
 */
import { drizzle } from 'drizzle-orm/better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO, type Order, newId } from '@brigade/sync/model';
import * as schema from '@brigade/sync/schema/sqlite';
import { actors, burgerLine, openTestStore } from '../test-support';
import type { Actor } from '../types';
import { stockLevels } from './inventory-stock';
import { levelInSql } from './inventory-test-support';
import { refundAndVoidLine, refundEverything } from './order-void-test-kit';

const BUNS = newId();
const PATTIES = newId();
const CHEESE = newId();
const INGREDIENTS = [BUNS, PATTIES, CHEESE] as const;

type Op =
  | { kind: 'sell'; quantity: number; cheese: boolean; pay: boolean }
  | { kind: 'voidOrder'; pick: number }
  | { kind: 'voidLine'; pick: number }
  | { kind: 'receive'; ingredient: number; quantity: number }
  | { kind: 'waste'; ingredient: number; quantity: number }
  | { kind: 'count'; ingredient: number; counted: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('sell' as const), quantity: fc.integer({ min: 1, max: 3 }), cheese: fc.boolean(), pay: fc.boolean() }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('voidOrder' as const), pick: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('voidLine' as const), pick: fc.nat() }), weight: 2 },
  fc.record({ kind: fc.constant('receive' as const), ingredient: fc.nat({ max: 2 }), quantity: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('waste' as const), ingredient: fc.nat({ max: 2 }), quantity: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('count' as const), ingredient: fc.nat({ max: 2 }), counted: fc.integer({ min: 0, max: 8 }) }),
);

/** A fired line as the tally sees it: what it took out of stock. */
interface TalliedLine {
  orderId: string;
  lineId: string;
  takes: Map<string, number>;
  live: boolean;
}

describe('stock levels', () => {
  it('equal the sum of movements and an independent tally, whatever the interleaving', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 3, maxLength: 14 }), async (ops) => {
        const t = openTestStore();
        try {
          const exec = (name: string, args: Record<string, unknown>, actor: Actor = actors.manager) => t.store.execute(name, newId(), args, actor);
          for (const [id, name] of [[BUNS, 'Buns'], [PATTIES, 'Patties'], [CHEESE, 'Cheese']] as const) {
            await exec('inventory.defineIngredient', { ingredientId: id, name, unit: 'each', lowThreshold: 1 });
          }
          await exec('inventory.setRecipe', { targetKind: 'item', targetId: DEMO.burger, components: [{ ingredientId: BUNS, quantity: 1 }, { ingredientId: PATTIES, quantity: 2 }] });
          await exec('inventory.setRecipe', { targetKind: 'option', targetId: DEMO.cheese, components: [{ ingredientId: CHEESE, quantity: 1 }] });

          // Enough to sell a few burgers before the stock runs out, so voids have sales to return.
          const opening = [[BUNS, 5], [PATTIES, 8], [CHEESE, 3]] as const;
          await exec('inventory.receive', { lines: opening.map(([ingredientId, quantity]) => ({ ingredientId, quantity })) }, actors.cashier);
          const tally = new Map<string, number>(opening);
          const lines: TalliedLine[] = [];
          const voidedOrders = new Set<string>();
          const add = (id: string, n: number) => tally.set(id, (tally.get(id) ?? 0) + n);
          const unavailable = () => t.store.queries.menu().unavailable.includes(DEMO.burger);

          for (const op of ops) {
            const ingredient = 'ingredient' in op ? INGREDIENTS[op.ingredient] ?? BUNS : BUNS;
            if (op.kind === 'sell') {
              if (unavailable()) continue;
              const line = burgerLine({ quantity: op.quantity, modifierOptionIds: op.cheese ? [DEMO.medium, DEMO.cheese] : [DEMO.medium] });
              const order = (await exec('order.create', { orderId: newId(), channel: 'counter', diningOption: 'take_out', lines: [line] }, actors.cashier)).result as { order: Order };
              if (op.pay) await exec('payment.capture', { orderId: order.order.id, paymentId: newId(), tender: 'cash', amount: order.order.totals.total }, actors.cashier);
              else await exec('order.fire', { orderId: order.order.id }, actors.cashier);
              const takes = new Map<string, number>([[BUNS, op.quantity], [PATTIES, 2 * op.quantity], ...(op.cheese ? [[CHEESE, op.quantity] as [string, number]] : [])]);
              for (const [id, n] of takes) add(id, -n);
              lines.push({ orderId: order.order.id, lineId: line.lineId as string, takes, live: true });
            } else if (op.kind === 'voidOrder' || op.kind === 'voidLine') {
              const open = lines.filter((l) => l.live && !voidedOrders.has(l.orderId));
              const line = open[op.pick % Math.max(1, open.length)];
              if (!line) continue;
              if (op.kind === 'voidOrder') {
                // A paid order gives its money back first (a void never keeps it), then is voided.
                await refundEverything(t.store, line.orderId);
                await exec('order.void', { orderId: line.orderId, reason: 'property' });
                voidedOrders.add(line.orderId);
              } else {
                // A line of a paid order gives its money back first, as the order does.
                await refundAndVoidLine(t.store, line.orderId, line.lineId);
              }
              for (const l of lines.filter((x) => (op.kind === 'voidOrder' ? x.orderId === line.orderId : x === line) && x.live)) {
                for (const [id, n] of l.takes) add(id, n);
                l.live = false;
              }
            } else if (op.kind === 'receive') {
              await exec('inventory.receive', { lines: [{ ingredientId: ingredient, quantity: op.quantity }] }, actors.cashier);
              add(ingredient, op.quantity);
            } else if (op.kind === 'waste') {
              await exec('inventory.waste', { ingredientId: ingredient, quantity: op.quantity, reason: 'property' }, actors.cashier);
              add(ingredient, -op.quantity);
            } else {
              await exec('inventory.count', { lines: [{ ingredientId: ingredient, counted: op.counted }] }, actors.cashier);
              tally.set(ingredient, op.counted);
            }
            const canMakeOne = (tally.get(BUNS) ?? 0) >= 1 && (tally.get(PATTIES) ?? 0) >= 2;
            expect(unavailable()).toBe(!canMakeOne);
          }
          const levels = stockLevels(drizzle(t.store.db, { schema }));
          for (const id of INGREDIENTS) {
            expect(levelInSql(t.store, id)).toBe(tally.get(id));
            expect(levels.get(id) ?? 0).toBe(tally.get(id));
          }
        } finally {
          t.cleanup();
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
