/**
 * What follows from any change to an order, in the same transaction: its stock consumption
 * (and auto-86), the gift cards it sold once it is paid, the points it earns, and gift card and
 * points payments refunded back where they came from. `CommandTx.orderChanged` runs this for every
 * order command, so a new way of changing orders (splits, transfers, online intake) keeps
 * stock and ledgers right without knowing about them. Voids and refunds take back what the
 * order put on cards and accounts (gift-reversals). Each step is idempotent.
 *
 * Most orders sell no gift card, earn no points and consume no tracked stock: one prepared
 * query says which steps can have anything to do, and only those run (about ten queries an
 * order fewer). A new step, or a step reading new rows, must widen `orderEffectsReach`.
 */
import type { CommandTx } from '../command-tx';
import { queueWrites } from '../hot-queries';
import { settleGiftCardLines } from './gift-card-lines';
import { creditRefundedLedgerPayments, reverseEarnedPoints, reverseGiftCardLines } from './gift-reversals';
import { syncOrderStock } from './inventory-stock';
import { reverseRedeemedPoints, settleLoyalty } from './loyalty-commands';

interface EffectsReach {
  readonly stock: number;
  readonly gift: number;
  readonly loyalty: number;
  readonly ledgerRefunds: number;
}

export function applyOrderEffects(tx: CommandTx, orderId: string): void {
  const reach = queueWrites(tx.ctx.store.sqlite).orderEffectsReach.get({ id: orderId }) as EffectsReach;
  if (reach.stock) syncOrderStock(tx, orderId);
  if (reach.gift) settleGiftCardLines(tx, orderId);
  if (reach.loyalty) settleLoyalty(tx, orderId);
  if (reach.ledgerRefunds) creditRefundedLedgerPayments(tx, orderId);
  if (reach.gift) reverseGiftCardLines(tx, orderId);
  if (reach.loyalty) reverseEarnedPoints(tx, orderId);
  // A points reward's redemption links the account, so the loyalty reach covers it.
  if (reach.loyalty) reverseRedeemedPoints(tx, orderId);
}
