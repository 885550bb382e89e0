/**
 * How the POS shows orders that came from the cloud (the PWA and QR tables): their tag, the
 * hand-over action, the flags the store must act on, and which order events are new ones.
 */
import { type OnlineIntake, type Order, describeIntakeFlag } from '@brigade/sync/model';

export function isOnlineOrder(order: Pick<Order, 'channel'>): boolean {
  return order.channel === 'online' || order.channel === 'table';
}

/** "ONLINE" for pickup orders, "TABLE 12" for QR table orders; null for orders taken in the store. */
export function orderTag(order: Pick<Order, 'channel' | 'tableLabel'>): string | null {
  if (order.channel === 'table') return order.tableLabel ? `TABLE ${order.tableLabel}` : 'TABLE';
  if (order.channel === 'online') return 'ONLINE';
  return null;
}

/** The words of each flag, for the order's warning line. */
export function flagLines(intake: OnlineIntake | undefined): string[] {
  return intake ? intake.flags.map(describeIntakeFlag) : [];
}

/**
 * An online order the screen has not seen before: the cue sounds once per order, not on
 * every later change (preparing, ready) nor for orders that were there when it loaded.
 */
export function isNewOnlineOrder(seen: ReadonlySet<string>, order: Order): boolean {
  return isOnlineOrder(order) && !seen.has(order.id) && (order.status === 'accepted' || order.status === 'preparing');
}
