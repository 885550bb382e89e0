/**
 * Inventory: ingredients counted in whole base units (grams, millilitres or pieces), recipes
 * saying what one portion of an item or one choice of a modifier consumes, and stock as an
 * append-only log of movements. A level is never stored: it is the sum of the movements,
 * so two writers (or an edge and the cloud) can never disagree about it, only be behind.
 * Pure and browser-safe: the edge writes with it and the POS shows the same figures.
 */
import { type Static, Type } from 'typebox';

export type IngredientUnit = 'g' | 'ml' | 'each';
export type StockReason = 'sale' | 'waste' | 'receipt' | 'count' | 'void';
export type RecipeTargetKind = 'item' | 'option';

/** Largest stock quantity in one movement or recipe component (a tonne in grams). */
export const MAX_STOCK_QUANTITY = 1_000_000;

export interface Ingredient {
  readonly id: string;
  readonly name: string;
  readonly unit: IngredientUnit;
  /** At or below this level the POS shows a low-stock alert; 0 for none. */
  readonly lowThreshold: number;
}

export interface RecipeComponent {
  readonly ingredientId: string;
  /** Base units consumed by one portion (or one choice of the option). */
  readonly quantity: number;
}

/** Recipes by target: `item:<itemId>` or `option:<optionId>`. */
export type RecipeBook = ReadonlyMap<string, readonly RecipeComponent[]>;

export function recipeKey(kind: RecipeTargetKind, targetId: string): string {
  return `${kind}:${targetId}`;
}

/** What a sold line asks of the recipes. */
export interface ConsumingLine {
  readonly itemId: string;
  readonly quantity: number;
  readonly optionIds: readonly string[];
}

/**
 * Base units each ingredient loses to these lines: per portion, the item's recipe plus the
 * recipe of every chosen option, times the quantity. Ingredients not used are absent.
 */
export function consumptionOf(lines: readonly ConsumingLine[], recipes: RecipeBook): Map<string, number> {
  const out = new Map<string, number>();
  const add = (components: readonly RecipeComponent[] | undefined, times: number): void => {
    for (const c of components ?? []) out.set(c.ingredientId, (out.get(c.ingredientId) ?? 0) + c.quantity * times);
  };
  for (const line of lines) {
    add(recipes.get(recipeKey('item', line.itemId)), line.quantity);
    for (const optionId of line.optionIds) add(recipes.get(recipeKey('option', optionId)), line.quantity);
  }
  return out;
}

/**
 * Whether one more portion of the item can be made from these levels. Only the item's own
 * recipe counts: a missing extra (bacon) does not make the burger unsellable.
 * Items without a recipe are not tracked and can always be made.
 */
export function canMake(itemId: string, recipes: RecipeBook, levels: ReadonlyMap<string, number>): boolean {
  const recipe = recipes.get(recipeKey('item', itemId));
  if (!recipe) return true;
  return recipe.every((c) => (levels.get(c.ingredientId) ?? 0) >= c.quantity);
}

/** A level with its alert, as the POS shows it. */
export interface StockLevel extends Ingredient {
  readonly level: number;
  readonly low: boolean;
}

export function isLow(level: number, lowThreshold: number): boolean {
  return lowThreshold > 0 ? level <= lowThreshold : level <= 0;
}

/**
 * The difference a movement must carry to bring an order's recorded consumption to what it
 * should now be: positive differences are sales, negative ones are returns (void).
 */
export function stockCorrections(recorded: ReadonlyMap<string, number>, wanted: ReadonlyMap<string, number>): { ingredientId: string; delta: number; reason: 'sale' | 'void' }[] {
  const ids = new Set([...recorded.keys(), ...wanted.keys()]);
  const out: { ingredientId: string; delta: number; reason: 'sale' | 'void' }[] = [];
  for (const ingredientId of [...ids].sort()) {
    const consumedMore = (wanted.get(ingredientId) ?? 0) - (recorded.get(ingredientId) ?? 0);
    if (consumedMore !== 0) out.push({ ingredientId, delta: -consumedMore, reason: consumedMore > 0 ? 'sale' : 'void' });
  }
  return out;
}

const Uuid = Type.String({ format: 'uuid', maxLength: 36 });
const TargetId = Type.String({ minLength: 1, maxLength: 64 });
const Quantity = Type.Integer({ minimum: 1, maximum: MAX_STOCK_QUANTITY });
const Pin = Type.String({ pattern: '^[0-9]{4,8}$' });
const Note = Type.String({ maxLength: 280 });

export const IngredientUnitSchema = Type.Union([Type.Literal('g'), Type.Literal('ml'), Type.Literal('each')]);

/** The wire schemas of the inventory commands; spread into `commandArgs`. */
export const inventoryCommandArgs = {
  /** Creates or renames an ingredient; its unit cannot change once stock has moved. */
  'inventory.defineIngredient': Type.Object(
    {
      ingredientId: Uuid,
      name: Type.String({ minLength: 1, maxLength: 80 }),
      unit: IngredientUnitSchema,
      lowThreshold: Type.Integer({ minimum: 0, maximum: MAX_STOCK_QUANTITY }),
      managerPin: Type.Optional(Pin),
    },
    { additionalProperties: false },
  ),
  /** Replaces the recipe of one item or modifier option; an empty list stops tracking it. */
  'inventory.setRecipe': Type.Object(
    {
      targetKind: Type.Union([Type.Literal('item'), Type.Literal('option')]),
      targetId: TargetId,
      components: Type.Array(Type.Object({ ingredientId: Uuid, quantity: Quantity }, { additionalProperties: false }), { maxItems: 32 }),
      managerPin: Type.Optional(Pin),
    },
    { additionalProperties: false },
  ),
  /** A delivery arrives: each line adds to stock. */
  'inventory.receive': Type.Object(
    {
      lines: Type.Array(Type.Object({ ingredientId: Uuid, quantity: Quantity }, { additionalProperties: false }), { minItems: 1, maxItems: 100 }),
      note: Type.Optional(Note),
    },
    { additionalProperties: false },
  ),
  /** A stock count: each line states what is on the shelf; the difference is logged. */
  'inventory.count': Type.Object(
    {
      lines: Type.Array(
        Type.Object({ ingredientId: Uuid, counted: Type.Integer({ minimum: 0, maximum: MAX_STOCK_QUANTITY }) }, { additionalProperties: false }),
        { minItems: 1, maxItems: 200 },
      ),
    },
    { additionalProperties: false },
  ),
  /** Spoiled, dropped or comped-out stock. */
  'inventory.waste': Type.Object(
    { ingredientId: Uuid, quantity: Quantity, reason: Type.String({ minLength: 1, maxLength: 140 }) },
    { additionalProperties: false },
  ),
} as const;

/** What the inventory commands return, for the screens' typed client. */
export interface InventoryResults {
  'inventory.defineIngredient': { ingredient: StockLevel };
  'inventory.setRecipe': { targetKind: RecipeTargetKind; targetId: string; components: RecipeComponent[]; unavailable: string[] };
  'inventory.receive': { levels: StockLevel[]; available: string[] };
  'inventory.count': { levels: StockLevel[]; available: string[] };
  'inventory.waste': { levels: StockLevel[]; unavailable: string[] };
}

export type InventoryCommandName = keyof typeof inventoryCommandArgs;
export type InventoryCommandArgs<N extends InventoryCommandName> = Static<(typeof inventoryCommandArgs)[N]>;
