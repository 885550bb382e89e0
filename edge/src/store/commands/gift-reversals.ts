/**
 * Taking back what a voided or refunded order put on a card or an account. Every reversal
 * is a new `void` entry (the ledgers are append-only), written in the command's own
 * transaction and pushed like any other entry; each step compares what the ledger already
 * holds for the order with what it should hold, so running it again writes nothing.
 *
 * A card whose value has partly been spent cannot be reversed in full: the command is
 * refused (GIFT_CARD_ALREADY_USED) and nothing is written, so the till never hands back
 * money the store cannot take off the card. Loyalty points are taken back even if that
 * leaves the account below zero: points are not money, and later visits earn the gap back.
 */
import { and, eq, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import { BrigadeError, type Cents, formatMoney, maskCardNumber, pointsEarned } from '@brigade/sync/model';
import { giftCardLines, ledgerEntries, loyaltyOrders, orderLines, orders, payments } from '@brigade/sync/schema/sqlite';
import type { CommandTx } from '../command-tx';
import type { Orm } from '../store-context';
import { ledgerBalance, readPolicy, writeLedgerEntry } from './gift-ledger';

type OrderFigures = { paid: number; refunded: number; status: string };


function orderFigures(tx: CommandTx, orderId: string): OrderFigures | undefined {
  return tx.orm.select({ paid: orders.paid, refunded: orders.refunded, status: orders.status }).from(orders).where(eq(orders.id, orderId)).get();
}

const isVoided = (o: OrderFigures): boolean => o.status === 'voided' || o.status === 'cancelled';

/** Sum of this order's entries of the given kinds on one account; reversals carry no payment id. */
function orderEntriesSum(orm: Orm, ledger: 'gift' | 'loyalty', account: string, orderId: string, kinds: readonly ('activate' | 'load' | 'earn')[]): number {
  const added = orm.select({ n: sql<number>`coalesce(sum(${ledgerEntries.delta}), 0)` }).from(ledgerEntries)
    .where(and(eq(ledgerEntries.ledger, ledger), eq(ledgerEntries.account, account), eq(ledgerEntries.orderId, orderId), inArray(ledgerEntries.kind, [...kinds]))).get();
  const reversed = orm.select({ n: sql<number>`coalesce(sum(${ledgerEntries.delta}), 0)` }).from(ledgerEntries)
    .where(and(eq(ledgerEntries.ledger, ledger), eq(ledgerEntries.account, account), eq(ledgerEntries.orderId, orderId),
      eq(ledgerEntries.kind, 'void'), isNull(ledgerEntries.paymentId), lt(ledgerEntries.delta, 0))).get();
  return Number(added?.n ?? 0) + Number(reversed?.n ?? 0);
}

interface CardReversal { readonly card: string; readonly owed: number; readonly balance: number }

/**
 * What each card sold on the order must give back now: its lines come off the card when
 * the line is voided, the order is voided, or a refund reaches into the money that paid
 * for the cards (the refunded amount is more than the rest of the order cost).
 * `extraRefund` asks the question for a refund about to be made.
 */
function cardReversals(orm: Orm, orderId: string, extraRefund = 0): CardReversal[] {
  const order = orm.select({ paid: orders.paid, refunded: orders.refunded, status: orders.status }).from(orders).where(eq(orders.id, orderId)).get();
  if (!order) return [];
  const settled = orm.select({ line: giftCardLines, voided: orderLines.voided }).from(giftCardLines)
    .innerJoin(orderLines, eq(orderLines.id, giftCardLines.lineId))
    .where(and(eq(giftCardLines.orderId, orderId), sql`${giftCardLines.entryId} IS NOT NULL`)).all();
  if (settled.length === 0) return [];
  const liveValue = settled.filter((s) => !s.voided).reduce((sum, s) => sum + s.line.amount, 0);
  const wholeOrder = isVoided(order) || order.refunded + extraRefund > order.paid - liveValue;
  const out: CardReversal[] = [];
  for (const card of new Set(settled.map((s) => s.line.cardNumber))) {
    const kept = settled.filter((s) => s.line.cardNumber === card && !s.voided && !wholeOrder).reduce((sum, s) => sum + s.line.amount, 0);
    const owed = orderEntriesSum(orm, 'gift', card, orderId, ['activate', 'load']) - kept;
    if (owed > 0) out.push({ card, owed, balance: ledgerBalance(orm, 'gift', card) });
  }
  return out;
}

function alreadyUsed(r: CardReversal, currency: string): BrigadeError {
  const left = formatMoney(Math.max(0, r.balance) as Cents, currency);
  return new BrigadeError(
    'GIFT_CARD_ALREADY_USED',
    `This gift card (${maskCardNumber(r.card)}) has already been used: ${formatMoney(r.owed as Cents, currency)} was put on it and ${left} is left. Refund the unspent balance of ${left} instead.`,
    { card: maskCardNumber(r.card), owed: r.owed, balance: Math.max(0, r.balance) },
  );
}

/**
 * Throws GIFT_CARD_ALREADY_USED if refunding `amount` more on the order would have to take
 * back more than a card it sold still holds. A refund that goes to a card provider should
 * ask this before calling the provider, so money never leaves for a refund the till refuses.
 */
export function requireRefundReversible(orm: Orm, orderId: string, amount: number, currency: string): void {
  const short = cardReversals(orm, orderId, amount).find((r) => r.balance < r.owed);
  if (short) throw alreadyUsed(short, currency);
}

/** Takes back the value of gift cards the order sold, or refuses if a card was already spent. */
export function reverseGiftCardLines(tx: CommandTx, orderId: string): void {
  const reversals = cardReversals(tx.orm, orderId);
  const short = reversals.find((r) => r.balance < r.owed);
  if (short) throw alreadyUsed(short, tx.ctx.store.storeRow().currency);
  for (const r of reversals) {
    writeLedgerEntry(tx, { ledger: 'gift', account: r.card, kind: 'void', delta: -r.owed, orderId });
    tx.audit('gift.reverse', { orderId, detail: { card: maskCardNumber(r.card), amount: r.owed } });
  }
}

/** Points earned by an order come off when it is voided, or in step with the money refunded. */
export function reverseEarnedPoints(tx: CommandTx, orderId: string): void {
  const link = tx.orm.select().from(loyaltyOrders).where(eq(loyaltyOrders.orderId, orderId)).get();
  if (!link?.entryId) return;
  const order = orderFigures(tx, orderId);
  if (!order) return;
  const money = tx.orm.select({ paid: sql<number>`coalesce(sum(${payments.amount}), 0)`, refunded: sql<number>`coalesce(sum(min(${payments.refunded}, ${payments.amount})), 0)` })
    .from(payments).where(and(eq(payments.orderId, orderId), ne(payments.tender, 'loyalty'))).get();
  const kept = isVoided(order) ? 0 : pointsEarned(Number(money?.paid ?? 0) - Number(money?.refunded ?? 0), readPolicy(tx.orm));
  const owed = orderEntriesSum(tx.orm, 'loyalty', link.account, orderId, ['earn']) - kept;
  if (owed > 0) writeLedgerEntry(tx, { ledger: 'loyalty', account: link.account, kind: 'void', delta: -owed, orderId });
}

/**
 * A refund of a gift card or points payment goes back where it came from: money onto the
 * card, points (in proportion to the money refunded) onto the account.
 */
export function creditRefundedLedgerPayments(tx: CommandTx, orderId: string): void {
  const refunded = tx.orm.select({ id: payments.id, amount: payments.amount, refunded: payments.refunded }).from(payments)
    .where(and(eq(payments.orderId, orderId), inArray(payments.tender, ['gift_card', 'loyalty']), sql`${payments.refunded} > 0`)).all();
  for (const p of refunded) {
    const redeem = tx.orm.select({ ledger: ledgerEntries.ledger, account: ledgerEntries.account, delta: ledgerEntries.delta }).from(ledgerEntries)
      .where(and(eq(ledgerEntries.paymentId, p.id), eq(ledgerEntries.kind, 'redeem'))).get();
    if (!redeem) continue;
    const credited = tx.orm.select({ n: sql<number>`coalesce(sum(${ledgerEntries.delta}), 0)` }).from(ledgerEntries)
      .where(and(eq(ledgerEntries.paymentId, p.id), eq(ledgerEntries.kind, 'void'))).get();
    const refundedMoney = Math.min(p.refunded, p.amount);
    const due = redeem.ledger === 'gift' ? refundedMoney : Math.floor((refundedMoney * -redeem.delta) / Math.max(1, p.amount));
    const owed = due - Number(credited?.n ?? 0);
    if (owed > 0) writeLedgerEntry(tx, { ledger: redeem.ledger, account: redeem.account, kind: 'void', delta: owed, orderId, paymentId: p.id });
  }
}
