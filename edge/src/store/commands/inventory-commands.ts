/** Inventory at the store: the stock list, recipes, deliveries, counts and waste. */
import { and, eq, inArray } from 'drizzle-orm';
import { BrigadeError, type ItemId, type ModifierOptionId, type StockLevel } from '@brigade/sync/model';
import { ingredients, recipeComponents, stockMoves } from '@brigade/sync/schema/sqlite';
import { defineCommand } from '../command-registry';
import type { CommandTx } from '../command-tx';
import { levelsWithAlerts, reviewAvailability, stockLevels, writeMovement } from './inventory-stock';

function requireIngredients(tx: CommandTx, ids: readonly string[]): void {
  const unique = [...new Set(ids)];
  if (unique.length !== ids.length) throw new BrigadeError('VALIDATION_FAILED', 'An ingredient is listed twice.', { field: 'lines' });
  const found = new Set(tx.orm.select({ id: ingredients.id }).from(ingredients).where(inArray(ingredients.id, unique)).all().map((r) => r.id));
  const missing = unique.find((id) => !found.has(id));
  if (missing !== undefined) throw new BrigadeError('INGREDIENT_UNKNOWN', undefined, { ingredientId: missing });
}

function levelOf(tx: CommandTx, ingredientId: string): StockLevel {
  const level = levelsWithAlerts(tx.orm, [ingredientId])[0];
  if (!level) throw new BrigadeError('INGREDIENT_UNKNOWN', undefined, { ingredientId });
  return level;
}

export const inventoryDefineIngredient = defineCommand({
  name: 'inventory.defineIngredient',
  roles: ['pos'],
  needsStaff: true,
  needsManager: true,
  run(tx, _ctx, args) {
    const existing = tx.orm.select().from(ingredients).where(eq(ingredients.id, args.ingredientId)).get();
    if (existing && existing.unit !== args.unit) {
      const moved = tx.orm.select({ id: stockMoves.id }).from(stockMoves).where(eq(stockMoves.ingredientId, args.ingredientId)).get();
      // Past movements are in the old unit; changing it would silently rescale the level.
      if (moved) throw new BrigadeError('INGREDIENT_UNIT_LOCKED', undefined, { ingredientId: args.ingredientId, unit: existing.unit });
    }
    const values = { name: args.name, unit: args.unit, lowThreshold: args.lowThreshold, updatedAt: tx.now };
    tx.orm.insert(ingredients).values({ id: args.ingredientId, ...values, createdAt: tx.now })
      .onConflictDoUpdate({ target: ingredients.id, set: values }).run();
    tx.audit('inventory.defineIngredient', { detail: { ingredientId: args.ingredientId, name: args.name, unit: args.unit, lowThreshold: args.lowThreshold } });
    return { ingredient: levelOf(tx, args.ingredientId) };
  },
});

export const inventorySetRecipe = defineCommand({
  name: 'inventory.setRecipe',
  roles: ['pos'],
  needsStaff: true,
  needsManager: true,
  run(tx, ctx, args) {
    const index = ctx.store.menuIndex();
    const known = args.targetKind === 'item' ? index.items.has(args.targetId as ItemId) : index.options.has(args.targetId as ModifierOptionId);
    if (!known) throw new BrigadeError(args.targetKind === 'item' ? 'ITEM_UNKNOWN' : 'MODIFIER_UNKNOWN', undefined, { targetId: args.targetId });
    requireIngredients(tx, args.components.map((c) => c.ingredientId));
    const previous = tx.orm.select({ ingredientId: recipeComponents.ingredientId }).from(recipeComponents)
      .where(and(eq(recipeComponents.targetKind, args.targetKind), eq(recipeComponents.targetId, args.targetId))).all().map((r) => r.ingredientId);
    // A recipe is configuration, not history: the audit entry keeps what it became.
    tx.orm.delete(recipeComponents).where(and(eq(recipeComponents.targetKind, args.targetKind), eq(recipeComponents.targetId, args.targetId))).run();
    for (const c of args.components) {
      tx.orm.insert(recipeComponents).values({ targetKind: args.targetKind, targetId: args.targetId, ingredientId: c.ingredientId, quantity: c.quantity }).run();
    }
    // An item no longer tracked (an empty recipe) can always be made: the stock's 86 is lifted.
    const change = reviewAvailability(tx, [...new Set([...previous, ...args.components.map((c) => c.ingredientId)])], args.targetKind === 'item' ? [args.targetId] : []);
    tx.audit('inventory.setRecipe', {
      detail: { targetKind: args.targetKind, targetId: args.targetId, components: JSON.stringify(args.components) },
    });
    return { targetKind: args.targetKind, targetId: args.targetId, components: args.components, unavailable: change.unavailable };
  },
});

export const inventoryReceive = defineCommand({
  name: 'inventory.receive',
  roles: ['pos'],
  needsStaff: true,
  needsManager: false,
  run(tx, _ctx, args) {
    const ids = args.lines.map((l) => l.ingredientId);
    requireIngredients(tx, ids);
    for (const line of args.lines) writeMovement(tx, { ingredientId: line.ingredientId, delta: line.quantity, reason: 'receipt', note: args.note ?? null });
    const change = reviewAvailability(tx, ids);
    tx.audit('inventory.receive', { detail: { lines: args.lines.length, units: args.lines.reduce((s, l) => s + l.quantity, 0), note: args.note ?? null } });
    return { levels: levelsWithAlerts(tx.orm, ids), available: change.available };
  },
});

export const inventoryCount = defineCommand({
  name: 'inventory.count',
  roles: ['pos'],
  needsStaff: true,
  needsManager: false,
  run(tx, _ctx, args) {
    const ids = args.lines.map((l) => l.ingredientId);
    requireIngredients(tx, ids);
    const levels = stockLevels(tx.orm, ids);
    // The count is logged even when it matches, so the log shows when the shelf was last checked.
    for (const line of args.lines) {
      writeMovement(tx, { ingredientId: line.ingredientId, delta: line.counted - (levels.get(line.ingredientId) ?? 0), reason: 'count', counted: line.counted });
    }
    const change = reviewAvailability(tx, ids);
    tx.audit('inventory.count', { detail: { lines: args.lines.length } });
    return { levels: levelsWithAlerts(tx.orm, ids), available: change.available };
  },
});

export const inventoryWaste = defineCommand({
  name: 'inventory.waste',
  roles: ['pos'],
  needsStaff: true,
  needsManager: false,
  run(tx, _ctx, args) {
    requireIngredients(tx, [args.ingredientId]);
    writeMovement(tx, { ingredientId: args.ingredientId, delta: -args.quantity, reason: 'waste', note: args.reason });
    const change = reviewAvailability(tx, [args.ingredientId]);
    tx.audit('inventory.waste', { detail: { ingredientId: args.ingredientId, quantity: args.quantity, reason: args.reason } });
    return { levels: levelsWithAlerts(tx.orm, [args.ingredientId]), unavailable: change.unavailable };
  },
});
