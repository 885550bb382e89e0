/**
 * Set-up shared by the inventory, gift card and loyalty tests: ingredients, recipes, card
 * numbers with a valid check digit, and the levels and balances read straight from SQL so
 * a test never trusts the code it checks to report on itself.
 */
import { type GiftCommandName, type InventoryCommandName, newId, withCheckDigit } from '@brigade/sync/model';
import type { EdgeStore } from '../types';

/** Valid card numbers (Luhn) for tests and the demo. */
export const CARD_A = withCheckDigit('627100000000001');
export const CARD_B = withCheckDigit('627100000000002');
export const CARD_C = withCheckDigit('627100000000003');

/** Arguments each new command accepts by its schema, for the access matrix. */
export function inventoryAndGiftArgs(orderId: string): Record<InventoryCommandName | GiftCommandName, Record<string, unknown>> {
  return {
    'inventory.defineIngredient': { ingredientId: newId(), name: 'Buns', unit: 'each', lowThreshold: 5 },
    'inventory.setRecipe': { targetKind: 'item', targetId: 'item-fries', components: [] },
    'inventory.receive': { lines: [{ ingredientId: newId(), quantity: 1 }] },
    'inventory.count': { lines: [{ ingredientId: newId(), counted: 1 }] },
    'inventory.waste': { ingredientId: newId(), quantity: 1, reason: 'dropped' },
    'gift.sell': { orderId, lineId: newId(), cardNumber: CARD_C, amount: 2500 },
    'gift.load': { orderId, lineId: newId(), cardNumber: CARD_C, amount: 1000 },
    'gift.redeem': { orderId, paymentId: newId(), cardNumber: CARD_C, amount: 100 },
    'ledger.configure': {
      giftCardOfflineCap: 10_000, giftStoreOfflineCap: 50_000, loyaltyAccountOfflineCap: 1000, loyaltyStoreOfflineCap: 5000, pointsPerUnit: 1, pointValue: 5,
    },
    'loyalty.attach': { orderId, account: '5550100000' },
    'loyalty.redeem': { orderId, paymentId: newId(), account: '5550100000', points: 10 },
  };
}

/** Level of one ingredient as the sum of its movements, read with plain SQL. */
export function levelInSql(store: EdgeStore, ingredientId: string): number {
  return (store.db.prepare('SELECT coalesce(sum(delta), 0) AS n FROM stock_moves WHERE ingredient_id = ?').get(ingredientId) as { n: number }).n;
}

/** Balance of one account as the sum of its ledger entries, read with plain SQL. */
export function balanceInSql(store: EdgeStore, ledger: 'gift' | 'loyalty', account: string): number {
  return (store.db.prepare('SELECT coalesce(sum(delta), 0) AS n FROM ledger_entries WHERE ledger = ? AND account = ?').get(ledger, account) as { n: number }).n;
}

/** Row counts of the inventory and ledger tables, to prove a refused command wrote nothing there. */
export function inventoryFingerprint(store: EdgeStore): Record<string, number> {
  const tables = ['ingredients', 'recipe_components', 'stock_moves', 'auto_unavailable', 'ledger_entries', 'gift_card_lines', 'loyalty_orders', 'ledger_settings'];
  return Object.fromEntries(tables.map((t) => [t, (store.db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]));
}
