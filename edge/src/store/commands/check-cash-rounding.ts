/**
 * Cash rounding at the till (the model's `cashToSettle`): where the store rounds cash to an
 * increment (5 for 0.05), a cash payment of the rounded balance settles the check. The
 * payment is recorded as the balance it settles; the difference goes to `payment_roundings`
 * so the drawer (which holds the rounded cash) reconciles. Cards are never rounded.
 */
import { cashToSettle, cents } from '@brigade/sync/model';
import { paymentRoundings } from '@brigade/sync/schema/sqlite';
import type { CommandTx } from '../command-tx';
import type { Orm } from '../store-context';
import { readCheckSettings } from './check-repricing';

/** When cash `amount` is the rounded balance `due` (and differs from it): the rounding, collected − due. */
export function cashRounding(orm: Orm, tender: string, amount: number, due: number): number | null {
  if (tender !== 'cash' || due <= 0) return null;
  const { cashIncrement } = readCheckSettings(orm);
  if (cashIncrement <= 1) return null;
  const rounded = cashToSettle(cents(due), cashIncrement);
  return amount === rounded && rounded !== due ? rounded - due : null;
}

export function recordCashRounding(tx: CommandTx, paymentId: string, orderId: string, rounding: number): void {
  tx.orm.insert(paymentRoundings).values({ paymentId, orderId, rounding, createdAt: tx.now }).run();
}
