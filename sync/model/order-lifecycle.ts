/**
 * The order lifecycle as an xstate machine: the single source of which status changes are
 * allowed. Servers call `nextStatus` to validate a transition; screens may run the machine
 * to show what can happen next.
 *
 *   open ──FIRE──▶ preparing ──READY──▶ ready ──COMPLETE──▶ completed
 *   submitted ──ACCEPT──▶ accepted ──FIRE──▶ preparing      (online orders)
 *   preparing/ready ──FIRE──▶ preparing                     (a second course, an added item)
 *   ready ──RECALL──▶ preparing                             (kitchen recalls a ticket)
 *   open/submitted/accepted ──CANCEL──▶ cancelled            (nothing made yet)
 *   open/accepted/preparing/ready ──VOID──▶ voided           (manager)
 * A submitted online order is not the store's yet (the cloud owns it until it is accepted),
 * so it can be cancelled (rejected) but not voided. Every other pair is refused, and
 * completed, cancelled and voided are final.
 */
import { createMachine, getNextSnapshot } from 'xstate';
import type { OrderStatus } from './order';

export type OrderEvent =
  | { type: 'ACCEPT' }
  | { type: 'FIRE' }
  | { type: 'READY' }
  | { type: 'RECALL' }
  | { type: 'COMPLETE' }
  | { type: 'CANCEL' }
  | { type: 'VOID' };

export const orderLifecycle = createMachine({
  id: 'order',
  types: {} as { events: OrderEvent },
  initial: 'open',
  states: {
    open: { on: { FIRE: 'preparing', CANCEL: 'cancelled', VOID: 'voided' } },
    submitted: { on: { ACCEPT: 'accepted', CANCEL: 'cancelled' } },
    accepted: { on: { FIRE: 'preparing', CANCEL: 'cancelled', VOID: 'voided' } },
    // Firing more lines (a second course, an added item) keeps an order preparing.
    preparing: { on: { FIRE: 'preparing', READY: 'ready', VOID: 'voided' } },
    ready: { on: { RECALL: 'preparing', FIRE: 'preparing', COMPLETE: 'completed', VOID: 'voided' } },
    completed: { type: 'final' },
    cancelled: { type: 'final' },
    voided: { type: 'final' },
  },
});

export const ORDER_STATUSES: readonly OrderStatus[] = ['open', 'submitted', 'accepted', 'preparing', 'ready', 'completed', 'cancelled', 'voided'];

/** The status after `event`, or null when the machine refuses the transition. */
export function nextStatus(from: OrderStatus, event: OrderEvent['type']): OrderStatus | null {
  const snapshot = orderLifecycle.resolveState({ value: from, context: undefined });
  if (!snapshot.can({ type: event })) return null;
  return getNextSnapshot(orderLifecycle, snapshot, { type: event }).value as OrderStatus;
}

/** Rank for "status only moves forward" checks in sync (recall is the one sanctioned step back). */
export const STATUS_RANK: Readonly<Record<OrderStatus, number>> = {
  submitted: 0, open: 1, accepted: 2, preparing: 3, ready: 4, completed: 5, cancelled: 5, voided: 5,
};
