import type { ItemId } from './ids';
import type { KitchenTicket, Order } from './order';

/**
 * Live events the hub sends over each screen's WebSocket, after the command that caused
 * them has committed. `seq` is the hub's event sequence: a screen that reconnects sends the
 * last `seq` it saw (`/ws?since=N`) and receives everything after it.
 */
export type HubEvent =
  | { seq: number; type: 'order.updated'; order: Order }
  | { seq: number; type: 'ticket.updated'; ticket: KitchenTicket }
  | { seq: number; type: 'item.availability'; itemId: ItemId; unavailable: boolean }
  | { seq: number; type: 'device.pairing'; pending: number }
  | { seq: number; type: 'printer.status'; printerId: string; status: string; message: string | null }
  /**
   * The store's sync with the cloud changed: reachable or not, changes waiting, and (when sent
   * by the sync client) the state of the link and a sentence for the screens.
   */
  | { seq: number; type: 'sync.status'; waiting: number; oldestAgeSeconds: number | null; online: boolean; cloud?: CloudLinkState; message?: string | null }
  /** The cloud's menu replaced the store's: screens fetch `/api/menu` again (86s are unchanged). */
  | { seq: number; type: 'menu.updated'; version: number }
  /** The owner's permission matrix (from the cloud) replaced the store's: screens fetch `/api/permissions` again. */
  | { seq: number; type: 'permissions.updated' }
  /** A configured scale, scanner, pole display, drawer or card reader changed condition. */
  | { seq: number; type: 'device.status'; deviceId: string; kind: string; status: 'ready' | 'offline' | 'error'; message: string | null }
  /** A barcode scanner at the till read a code; the POS adds the item with that barcode. */
  | { seq: number; type: 'scanner.scan'; deviceId: string; code: string; stationId: string | null };

/**
 * The store's link to the cloud: none configured; connected; unreachable; not enrolled (no
 * code, or the code was refused); or the cloud revoked the store's credential.
 */
export type CloudLinkState = 'none' | 'online' | 'offline' | 'not-enrolled' | 'revoked';

export type HubEventType = HubEvent['type'];

/** Messages the hub sends that are not stored events. */
export type HubControlMessage =
  | { type: 'hello'; seq: number; deviceId: string; role: string }
  | { type: 'resync'; reason: string };
