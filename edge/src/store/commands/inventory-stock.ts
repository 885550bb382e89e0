/**
 * Stock inside a command's transaction: levels summed from the movement log, movements
 * written with their `stock.move` for the cloud, an order's consumption kept equal to what
 * its fired lines need, and auto-86 — an item whose recipe the stock can no longer cover is
 * made unavailable in the same transaction (the hub event reaches kiosk and POS on commit),
 * and made available again by a receipt or count only if the stock was what took it off.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  type ConsumingLine, type ItemId, type OrderId, type PricedLine, type RecipeBook, type RecipeComponent, type StockLevel, type StockReason,
  canMake, consumptionOf, isLow, newId, recipeKey, stockCorrections,
} from '@brigade/sync/model';
import { autoUnavailable, ingredients, itemAvailability, orderLines, orders, recipeComponents, stockMoves } from '@brigade/sync/schema/sqlite';
import type { CommandTx } from '../command-tx';
import { canMakeCombo, choiceItemIds, combosWithChoices, consumingLines } from './inventory-combo-stock';
import type { Orm } from '../store-context';

/**
 * Levels of the given ingredients (all when omitted): the sum of their movements. A count's
 * delta brings the sum to exactly what was counted, so the sum from an ingredient's last
 * count on (the counted figure, then every later delta) is the same number — and reading it
 * costs the movements since the last count, not the whole history.
 */
export function stockLevels(orm: Orm, ingredientIds?: readonly string[]): Map<string, number> {
  if (ingredientIds?.length === 0) return new Map();
  const only = (column: string) => (ingredientIds ? sql`AND ${sql.raw(column)} IN (${sql.join(ingredientIds.map((id) => sql`${id}`), sql`, `)})` : sql``);
  const rows = orm.all<{ id: string; level: number }>(sql`
    SELECT m.ingredient_id AS id, sum(CASE WHEN m.rowid = c.at THEN m.counted ELSE m.delta END) AS level
    FROM stock_moves m
    LEFT JOIN (SELECT ingredient_id, max(rowid) AS at FROM stock_moves WHERE reason = 'count' ${only('ingredient_id')} GROUP BY ingredient_id) c
      ON c.ingredient_id = m.ingredient_id
    WHERE m.rowid >= coalesce(c.at, 0) ${only('m.ingredient_id')}
    GROUP BY m.ingredient_id`);
  return new Map(rows.map((r) => [r.id, Number(r.level)]));
}

/** Recipes of the given items and options (by id), or all of them. */
export function recipeBook(orm: Orm, targetIds?: readonly string[]): RecipeBook {
  const book = new Map<string, RecipeComponent[]>();
  if (targetIds?.length === 0) return book;
  const rows = targetIds ? orm.select().from(recipeComponents).where(inArray(recipeComponents.targetId, [...targetIds])).all() : orm.select().from(recipeComponents).all();
  for (const row of rows) {
    const key = recipeKey(row.targetKind, row.targetId);
    const list = book.get(key) ?? [];
    list.push({ ingredientId: row.ingredientId, quantity: row.quantity });
    book.set(key, list);
  }
  return book;
}

/** Every ingredient with its level and low-stock flag, by name. */
export function levelsWithAlerts(orm: Orm, only?: readonly string[]): StockLevel[] {
  const rows = only ? orm.select().from(ingredients).where(inArray(ingredients.id, [...only])).all() : orm.select().from(ingredients).all();
  const levels = stockLevels(orm, only);
  return rows
    .map((r) => {
      const level = levels.get(r.id) ?? 0;
      return { id: r.id, name: r.name, unit: r.unit, lowThreshold: r.lowThreshold, level, low: isLow(level, r.lowThreshold) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface NewMovement {
  readonly ingredientId: string;
  readonly delta: number;
  readonly reason: StockReason;
  readonly orderId?: string | null;
  readonly counted?: number | null;
  readonly note?: string | null;
}

/** Appends one movement and queues it for the cloud. */
export function writeMovement(tx: CommandTx, move: NewMovement): void {
  const id = newId();
  const orderId = move.orderId ?? null;
  tx.orm.insert(stockMoves).values({
    id, ingredientId: move.ingredientId, delta: move.delta, reason: move.reason, orderId, counted: move.counted ?? null,
    note: move.note ?? null, commandId: tx.ctx.commandId, createdAt: tx.now,
  }).run();
  tx.push({
    name: 'stock.move',
    args: { id, itemId: move.ingredientId as ItemId, ingredientId: move.ingredientId, delta: move.delta, reason: move.reason, orderId: orderId as OrderId | null, occurredAt: tx.now },
  });
}

const RETURNED = new Set(['voided', 'cancelled']);

/**
 * Brings the stock an order has consumed to what its fired, non-voided lines need (none
 * once the order is voided or cancelled): the difference is a `sale` or a `void` movement.
 * Idempotent, so it can run after any change to any order; returns the ingredients moved.
 */
export function syncOrderStock(tx: CommandTx, orderId: string): string[] {
  const order = tx.orm.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId)).get();
  if (!order) return [];
  const lines: ConsumingLine[] = RETURNED.has(order.status) ? [] : tx.orm.select({ priced: orderLines.priced }).from(orderLines)
    .where(and(eq(orderLines.orderId, orderId), eq(orderLines.voided, false), sql`${orderLines.firedIn} IS NOT NULL`)).all()
    // A combo consumes its components' recipes too.
    .flatMap((r) => consumingLines(JSON.parse(r.priced) as PricedLine));
  const recorded = new Map<string, number>();
  const moved = tx.orm.select({ id: stockMoves.ingredientId, delta: sql<number>`sum(${stockMoves.delta})` }).from(stockMoves)
    .where(and(eq(stockMoves.orderId, orderId), inArray(stockMoves.reason, ['sale', 'void']))).groupBy(stockMoves.ingredientId).all();
  for (const r of moved) recorded.set(r.id, -Number(r.delta));
  // Most order changes touch nothing tracked: no fired lines yet and nothing taken before.
  if (lines.length === 0 && recorded.size === 0) return [];
  const recipes = recipeBook(tx.orm, [...new Set(lines.flatMap((l) => [l.itemId, ...l.optionIds]))]);
  const wanted = consumptionOf(lines, recipes);
  const corrections = stockCorrections(recorded, wanted);
  for (const c of corrections) writeMovement(tx, { ingredientId: c.ingredientId, delta: c.delta, reason: c.reason, orderId });
  const touched = corrections.map((c) => c.ingredientId);
  if (touched.length > 0) reviewAvailability(tx, touched);
  return touched;
}

export interface AvailabilityChange {
  readonly unavailable: string[];
  readonly available: string[];
}

/**
 * Auto-86 and its lifting for the items whose own recipe uses any of `ingredientIds` (and
 * `alsoItemIds`: an item whose recipe just changed, perhaps to nothing).
 * An item is 86'd here only when nobody has 86'd it already; it is brought back only while
 * the availability row is still the one this code wrote (a manager's 86 stays).
 */
export function reviewAvailability(tx: CommandTx, ingredientIds: readonly string[], alsoItemIds: readonly string[] = []): AvailabilityChange {
  const change: AvailabilityChange = { unavailable: [], available: [] };
  const using = ingredientIds.length === 0 ? [] : tx.orm.selectDistinct({ id: recipeComponents.targetId }).from(recipeComponents)
    .where(and(eq(recipeComponents.targetKind, 'item'), inArray(recipeComponents.ingredientId, [...ingredientIds]))).all().map((r) => r.id);
  const menu = tx.ctx.store.menuIndex();
  // A combo follows its components: one whose slot choices changed is reviewed as well.
  const combos = combosWithChoices(menu, new Set([...using, ...alsoItemIds]));
  const itemIds = [...new Set([...using, ...alsoItemIds, ...combos.map((c) => c.id)])];
  if (itemIds.length === 0) return change;
  const recipes = recipeBook(tx.orm, [...new Set([...itemIds, ...choiceItemIds(combos)])]);
  const levels = stockLevels(tx.orm, [...new Set([...recipes.values()].flat().map((c) => c.ingredientId))]);
  const menuItems = menu.items;
  for (const itemId of itemIds.sort()) {
    if (!menuItems.has(itemId as ItemId)) continue;
    const current = tx.orm.select().from(itemAvailability).where(eq(itemAvailability.itemId, itemId)).get();
    const auto = tx.orm.select().from(autoUnavailable).where(and(eq(autoUnavailable.itemId, itemId), isNull(autoUnavailable.liftedAt))).get();
    const item = menuItems.get(itemId as ItemId);
    const makeable = item?.combo ? canMakeCombo(item, recipes, levels) : canMake(itemId, recipes, levels);
    if (!makeable && !current?.unavailable) {
      setAvailability(tx, itemId, true);
      tx.orm.insert(autoUnavailable).values({ itemId, at: tx.now, liftedAt: null })
        .onConflictDoUpdate({ target: autoUnavailable.itemId, set: { at: tx.now, liftedAt: null } }).run();
      change.unavailable.push(itemId);
    } else if (makeable && auto) {
      const stillOurs = current?.unavailable === true && current.updatedBy === null && current.updatedAt === auto.at;
      if (stillOurs) {
        setAvailability(tx, itemId, false);
        change.available.push(itemId);
      }
      // Either way the stock's 86 is over: a manager who 86'd the item since keeps it off.
      tx.orm.update(autoUnavailable).set({ liftedAt: tx.now }).where(eq(autoUnavailable.itemId, itemId)).run();
    }
  }
  return change;
}

/** The same writes as `item.set86`, by the stock rather than a manager (no staff on the row). */
function setAvailability(tx: CommandTx, itemId: string, unavailable: boolean): void {
  const values = { unavailable, updatedAt: tx.now, updatedBy: null };
  tx.orm.insert(itemAvailability).values({ itemId, ...values }).onConflictDoUpdate({ target: itemAvailability.itemId, set: values }).run();
  tx.push({ name: 'availability.set', args: { itemId: itemId as ItemId, unavailable, at: tx.now } });
  tx.emit({ type: 'item.availability', itemId: itemId as ItemId, unavailable });
  tx.audit(unavailable ? 'item.auto86' : 'item.auto86Lifted', { detail: { itemId } });
}
