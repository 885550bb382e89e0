/**
 * "Order statuses only move forward", judged by the model's own lifecycle machine
 * (`nextStatus`): a later status must be reachable from an earlier one by transitions the
 * machine allows. A recall (ready → preparing) is such a transition; open after preparing,
 * or anything after completed, cancelled or voided, is not.
 */
import { type OrderEvent, type OrderStatus, ORDER_STATUSES, nextStatus } from '@brigade/sync/model';

const EVENTS: readonly OrderEvent['type'][] = ['ACCEPT', 'FIRE', 'READY', 'RECALL', 'COMPLETE', 'CANCEL', 'VOID'];

function reachableFrom(from: OrderStatus): ReadonlySet<OrderStatus> {
  const seen = new Set<OrderStatus>([from]);
  const queue = [from];
  for (let status = queue.shift(); status !== undefined; status = queue.shift()) {
    for (const event of EVENTS) {
      const next = nextStatus(status, event);
      if (next && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

const REACHABLE = new Map(ORDER_STATUSES.map((s) => [s, reachableFrom(s)]));

export function movesForward(from: string, to: string): boolean {
  return REACHABLE.get(from as OrderStatus)?.has(to as OrderStatus) ?? false;
}

/** The first step of a status sequence that goes backward, or null. */
export function firstBackwardStep(statuses: readonly string[]): { from: string; to: string; at: number } | null {
  for (let i = 1; i < statuses.length; i++) {
    const from = statuses[i - 1] as string;
    const to = statuses[i] as string;
    if (!movesForward(from, to)) return { from, to, at: i };
  }
  return null;
}
