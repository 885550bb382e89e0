/**
 * What follows from any change to an order, in the same transaction: its stock consumption
 * (and auto-86), the gift cards it sold once it is paid, the points it earns, and gift card and
 * points payments refunded back where they came from. `CommandTx.orderChanged` runs this for every
 * order command, so a new way of changing orders (splits, transfers, online intake) keeps
 * stock and ledgers right without knowing about them. Voids and refunds take back what the
 * order put on cards and accounts (gift-reversals). Each step is idempotent.
 */
import type { CommandTx } from '../command-tx';
import { settleGiftCardLines } from './gift-card-lines';
import { creditRefundedLedgerPayments, reverseEarnedPoints, reverseGiftCardLines } from './gift-reversals';
import { syncOrderStock } from './inventory-stock';
import { settleLoyalty } from './loyalty-commands';

export function applyOrderEffects(tx: CommandTx, orderId: string): void {
  syncOrderStock(tx, orderId);
  settleGiftCardLines(tx, orderId);
  settleLoyalty(tx, orderId);
  creditRefundedLedgerPayments(tx, orderId);
  reverseGiftCardLines(tx, orderId);
  reverseEarnedPoints(tx, orderId);
}
