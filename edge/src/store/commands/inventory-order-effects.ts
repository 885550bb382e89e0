/**
 * What follows from any change to an order, in the same transaction: its stock consumption
 * (and auto-86), the gift cards it sold once it is paid, the points it earns, and gift card
 * payments refunded back onto their card. `CommandTx.orderChanged` runs this for every
 * order command, so a new way of changing orders (splits, transfers, online intake) keeps
 * stock and ledgers right without knowing about them. Each step is idempotent.
 */
import { and, eq, sql } from 'drizzle-orm';
import { ledgerEntries, payments } from '@brigade/sync/schema/sqlite';
import type { CommandTx } from '../command-tx';
import { settleGiftCardLines } from './gift-card-lines';
import { writeLedgerEntry } from './gift-ledger';
import { syncOrderStock } from './inventory-stock';
import { settleLoyalty } from './loyalty-commands';

export function applyOrderEffects(tx: CommandTx, orderId: string): void {
  syncOrderStock(tx, orderId);
  settleGiftCardLines(tx, orderId);
  settleLoyalty(tx, orderId);
  creditRefundedGiftPayments(tx, orderId);
}

/** A refund of a gift card payment goes back onto the card it came from. */
function creditRefundedGiftPayments(tx: CommandTx, orderId: string): void {
  const refunded = tx.orm.select({ id: payments.id, refunded: payments.refunded }).from(payments)
    .where(and(eq(payments.orderId, orderId), eq(payments.tender, 'gift_card'), sql`${payments.refunded} > 0`)).all();
  for (const p of refunded) {
    const redeem = tx.orm.select({ account: ledgerEntries.account }).from(ledgerEntries)
      .where(and(eq(ledgerEntries.paymentId, p.id), eq(ledgerEntries.kind, 'redeem'))).get();
    if (!redeem) continue;
    const credited = tx.orm.select({ n: sql<number>`coalesce(sum(${ledgerEntries.delta}), 0)` }).from(ledgerEntries)
      .where(and(eq(ledgerEntries.paymentId, p.id), eq(ledgerEntries.kind, 'void'))).get();
    const owed = p.refunded - Number(credited?.n ?? 0);
    if (owed > 0) writeLedgerEntry(tx, { ledger: 'gift', account: redeem.account, kind: 'void', delta: owed, orderId, paymentId: p.id });
  }
}
