/**
 * A busy store's offline days rung up through the store's own commands (no runner, so the
 * long-offline test and the sync benchmarks share it): ingredients and recipes so that every
 * paid order moves ten ingredients out of stock, then orders created and paid in cash with
 * the store's clock moving forward, as a day's trade would move it.
 */
import { DEMO, type DeviceId, type Order, type StaffId, demoStaff, newId } from '@brigade/sync/model';
import type { Actor, EdgeStore } from '../../edge/src/store/types';

const cashierSeed = demoStaff.find((s) => s.role === 'cashier');
const managerSeed = demoStaff.find((s) => s.role === 'manager');
if (!cashierSeed || !managerSeed) throw new Error('the demo staff must hold a cashier and a manager');
const till = newId<DeviceId>();
export const cashier: Actor = { deviceId: till, deviceRole: 'pos', stationId: null, staff: { id: cashierSeed.id as StaffId, name: cashierSeed.name, role: 'cashier' } };
export const manager: Actor = { deviceId: till, deviceRole: 'pos', stationId: null, staff: { id: managerSeed.id as StaffId, name: managerSeed.name, role: 'manager' } };

/** Burger: seven ingredients; cheese: one; cola: two — ten stock movements per order below. */
const RECIPES = {
  burger: ['bun', 'patty', 'lettuce', 'tomato', 'onion', 'sauce', 'pickles'],
  cheese: ['cheddar'],
  cola: ['syrup', 'cup'],
} as const;
export const MOVES_PER_ORDER = 10;

export interface BusyStoreStock {
  /** Ingredient id by name. */
  readonly ingredients: ReadonlyMap<string, string>;
}

/** Defines the ingredients and recipes and receives plenty of each (nothing runs out, so nothing is 86'd). */
export async function prepareStock(store: EdgeStore, plenty = 1_000_000): Promise<BusyStoreStock> {
  const ingredients = new Map<string, string>();
  const run = (name: string, args: unknown, actor: Actor = manager) => store.execute(name, newId(), args, actor);
  for (const name of [...RECIPES.burger, ...RECIPES.cheese, ...RECIPES.cola]) {
    const id = newId();
    ingredients.set(name, id);
    await run('inventory.defineIngredient', { ingredientId: id, name, unit: 'each', lowThreshold: 0 });
  }
  const components = (names: readonly string[]) => names.map((n) => ({ ingredientId: ingredients.get(n), quantity: 1 }));
  await run('inventory.setRecipe', { targetKind: 'item', targetId: DEMO.burger, components: components(RECIPES.burger) });
  await run('inventory.setRecipe', { targetKind: 'option', targetId: DEMO.cheese, components: components(RECIPES.cheese) });
  await run('inventory.setRecipe', { targetKind: 'item', targetId: DEMO.cola, components: components(RECIPES.cola) });
  await run('inventory.receive', { lines: [...ingredients.values()].map((ingredientId) => ({ ingredientId, quantity: plenty })) }, cashier);
  return { ingredients };
}

/** One counter order (a cheeseburger and a cola), paid in cash: it fires and takes ten movements. */
export async function sellOne(store: EdgeStore): Promise<Order> {
  const created = await store.execute('order.create', newId(), {
    orderId: newId(), channel: 'counter', diningOption: 'take_out',
    lines: [
      { lineId: newId(), itemId: DEMO.burger, quantity: 1, modifierOptionIds: [DEMO.medium, DEMO.cheese] },
      { lineId: newId(), itemId: DEMO.cola, quantity: 1, modifierOptionIds: [DEMO.regular] },
    ],
  }, cashier);
  const order = (created.result as { order: Order }).order;
  const amount = order.totals.total - order.paid;
  const paid = await store.execute('payment.capture', newId(), { orderId: order.id, paymentId: newId(), tender: 'cash', amount, tendered: amount }, cashier);
  return (paid.result as { order: Order }).order;
}

export interface OfflineDays {
  readonly orders: number;
  /** Simulated hours the orders are spread over. */
  readonly hours: number;
  /** Moves the store's clock forward. */
  readonly advance: (ms: number) => void;
  /** Called after each order (the test makes cloud edits in between). */
  readonly afterOrder?: (index: number) => void | Promise<void>;
}

/** Rings up `orders` orders spread evenly over `hours` of the store's clock. */
export async function ringUpOfflineDays(store: EdgeStore, days: OfflineDays): Promise<Order[]> {
  const step = (days.hours * 3_600_000) / days.orders;
  const sold: Order[] = [];
  for (let i = 0; i < days.orders; i++) {
    days.advance(step);
    sold.push(await sellOne(store));
    await days.afterOrder?.(i);
  }
  return sold;
}

/** Seqs the outbox has handed out in this epoch (SQLite's AUTOINCREMENT counter). */
export function outboxSeqsIssued(store: EdgeStore): number {
  const row = store.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").get() as { seq: number } | undefined;
  return row?.seq ?? 0;
}

/** Σ delta per ingredient from the store's movement log, read with plain SQL. */
export function edgeStockSums(store: EdgeStore): Record<string, number> {
  const rows = store.db.prepare('SELECT ingredient_id AS id, sum(delta) AS total FROM stock_moves GROUP BY ingredient_id').all() as { id: string; total: number }[];
  return Object.fromEntries(rows.map((r) => [r.id, Number(r.total)]));
}
