/**
 * Sending an evenly split check. An even split leaves the lines on the parent (each part pays
 * a share of every line), so the parts cannot send lines of their own: sending a part sends
 * the parent's waiting lines (course 1 and released courses), firing a course on a part fires
 * it on the parent, and once every part is paid in full whatever is still unsent goes, as a
 * paid check's would. The kitchen gets each line once whichever part asks first, because
 * firing marks the parent's lines fired.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { BrigadeError } from '@brigade/sync/model';
import { orderLines, orders } from '@brigade/sync/schema/sqlite';
import type { CommandTx } from '../command-tx';
import type { Orm } from '../store-context';
import { findCheck } from './check-rows';
import { type FireScope, fireOrder, requireOrder, transition } from './order-helpers';

/** The parent whose lines an even split's part shares, or null for any other order. */
export function evenSplitParent(orm: Orm, orderId: string): string | null {
  const check = findCheck(orm, orderId);
  if (!check?.parentOrderId || !check.splitPart) return null;
  // By item or seat the lines moved to their part; an even part holds none.
  const own = orm.select({ id: orderLines.id }).from(orderLines).where(eq(orderLines.orderId, orderId)).get();
  return own ? null : check.parentOrderId;
}

function hasUnfired(orm: Orm, orderId: string): boolean {
  return orm.select({ id: orderLines.id }).from(orderLines)
    .where(and(eq(orderLines.orderId, orderId), eq(orderLines.voided, false), isNull(orderLines.firedIn))).get() !== undefined;
}

/**
 * "Send" on an even part: the parent's waiting lines go to the kitchen (if any are left: a
 * part sent after another has nothing new, which is not an error), and the part itself counts
 * as sent. Returns the kitchen tickets made.
 */
export function sendEvenPart(tx: CommandTx, partId: string, parentId: string, scope: FireScope): ReturnType<typeof fireOrder> {
  const part = requireOrder(tx, partId);
  const status = transition(part, 'FIRE');
  const tickets = scope.course !== undefined ? fireOrder(tx, parentId, scope) : fireIfAny(tx, parentId, scope);
  tx.orm.update(orders).set({ status }).where(eq(orders.id, partId)).run();
  if (tickets.length > 0) tx.orderChanged(parentId);
  return tickets;
}

/** Fires what the scope sends; nothing left to send (another part sent it) is no error here. */
function fireIfAny(tx: CommandTx, orderId: string, scope: FireScope): ReturnType<typeof fireOrder> {
  try {
    return fireOrder(tx, orderId, scope);
  } catch (error) {
    // fireOrder refuses before it writes anything, so the transaction is still clean.
    if (error instanceof BrigadeError && error.code === 'ORDER_EMPTY') return [];
    throw error;
  }
}

/** After a part is paid in full: when every part of its even split is, the parent's unsent lines go (held courses too). */
export function fireWhenEvenPartsPaid(tx: CommandTx, partId: string): void {
  const parentId = evenSplitParent(tx.orm, partId);
  if (!parentId) return;
  const parent = findCheck(tx.orm, parentId);
  const parts = parent?.splitInto ? (JSON.parse(parent.splitInto) as string[]) : [];
  const unpaid = parts.some((id) => {
    const row = tx.orm.select({ total: orders.total, paid: orders.paid }).from(orders).where(eq(orders.id, id)).get();
    return !row || row.paid < row.total;
  });
  if (unpaid || !hasUnfired(tx.orm, parentId)) return;
  fireOrder(tx, parentId);
  tx.orderChanged(parentId);
}
