/**
 * What the tracking page shows for an order's status, and how fast it reconnects when the
 * live stream drops. The customer sees five steps; the order's real statuses map onto them.
 */
import type { OnlineStatus } from './online-api';

export const TRACK_STEPS = [
  { key: 'received', label: 'Received' },
  { key: 'accepted', label: 'Accepted' },
  { key: 'preparing', label: 'Preparing' },
  { key: 'ready', label: 'Ready' },
  { key: 'collected', label: 'Collected' },
] as const;

export type StepState = 'done' | 'current' | 'todo';

const STEP_OF: Readonly<Record<OnlineStatus, number | null>> = {
  pending_payment: -1,
  submitted: 0,
  accepted: 1,
  preparing: 2,
  ready: 3,
  completed: 4,
  cancelled: null,
  voided: null,
};

/** -1 while payment is pending; null for an order that will not be made. */
export function stepIndex(status: OnlineStatus): number | null {
  // An unknown status (a newer cloud) counts as not started rather than breaking the page.
  return status in STEP_OF ? STEP_OF[status] : -1;
}

export function trackingSteps(status: OnlineStatus): { key: string; label: string; state: StepState }[] {
  const at = stepIndex(status);
  return TRACK_STEPS.map((step, i) => ({
    key: step.key,
    label: step.label,
    state: at === null || at < i ? 'todo' : at === i && i < TRACK_STEPS.length - 1 ? 'current' : 'done',
  }));
}

export function statusHeadline(status: OnlineStatus): string {
  switch (status) {
    case 'pending_payment':
      return 'Waiting for your payment…';
    case 'submitted':
      return 'We have your order.';
    case 'accepted':
      return 'The store accepted your order.';
    case 'preparing':
      return 'Your order is being prepared.';
    case 'ready':
      return 'Your order is ready to collect!';
    case 'completed':
      return 'Collected. Enjoy your meal!';
    case 'cancelled':
      return 'This order was cancelled. You have not been charged, or your payment is refunded.';
    case 'voided':
      return 'This order was cancelled by the store. Your payment is refunded.';
  }
}

/** No more updates will come for these. */
export function isFinal(status: OnlineStatus): boolean {
  return status === 'completed' || status === 'cancelled' || status === 'voided';
}

/** Waits between reconnects: 1 s, 2 s, 4 s, 8 s, then every 15 s; never zero (no hammering). */
export function reconnectDelayMs(attempt: number): number {
  const n = Math.max(0, Math.floor(attempt));
  return Math.min(15_000, 1000 * 2 ** Math.min(n, 4));
}

/**
 * The status an update moves the page to. A late event from before a reconnect must not
 * move a ready order back to preparing, unless the kitchen recalled it (ready → preparing
 * is the one sanctioned step back, and it arrives as the newest status from the cloud).
 */
export function applyUpdate(current: OnlineStatus, incoming: OnlineStatus, incomingIsNewest: boolean): OnlineStatus {
  if (isFinal(current)) return current;
  if (incomingIsNewest) return incoming;
  const from = stepIndex(current);
  const to = stepIndex(incoming);
  if (to === null) return incoming;
  return from !== null && to >= from ? incoming : current;
}
