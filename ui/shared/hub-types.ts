/**
 * Shapes of the hub's replies (docs/api.md), typed from the shared model so the screens
 * and the hub agree on one definition of an order, a ticket and a menu.
 */
import type { CheckCommandResults } from './check-types';
import type { GiftResults, InventoryResults, OnlineIntakeFlag, StaffCashResults } from '@brigade/sync/model';
import type { CloudLinkState, CommandName, DeviceRole, ErrorBody, HubControlMessage, HubEvent, ItemId, KitchenTicket, Menu, Order, Payment, StaffRole, Station } from '@brigade/sync/model';

export interface CommandResults extends StaffCashResults, CheckCommandResults {
  'order.create': { order: Order };
  'order.addLines': { order: Order };
  'order.voidLine': { order: Order };
  'order.fire': { order: Order };
  'order.complete': { order: Order };
  'order.void': { order: Order };
  'order.acceptOnline': { order: Order; accepted: boolean; flags: OnlineIntakeFlag[] };
  'payment.capture': { order: Order; payment: Payment };
  'payment.refund': { order: Order; payment: Payment };
  'receipt.print': { printJobId: string };
  'drawer.open': { opened: true };
  'ticket.bump': { ticket: KitchenTicket; order: Order };
  'ticket.recall': { ticket: KitchenTicket; order: Order };
  'item.set86': { itemId: ItemId; unavailable: boolean };
  'device.approve': { deviceId: string };
  'device.revoke': { deviceId: string };
  'inventory.defineIngredient': InventoryResults['inventory.defineIngredient'];
  'inventory.setRecipe': InventoryResults['inventory.setRecipe'];
  'inventory.receive': InventoryResults['inventory.receive'];
  'inventory.count': InventoryResults['inventory.count'];
  'inventory.waste': InventoryResults['inventory.waste'];
  'gift.sell': GiftResults['gift.sell'];
  'gift.load': GiftResults['gift.load'];
  'gift.redeem': GiftResults['gift.redeem'];
  'ledger.configure': GiftResults['ledger.configure'];
  'loyalty.attach': GiftResults['loyalty.attach'];
  'loyalty.redeem': GiftResults['loyalty.redeem'];
}

// Fails to compile when the model gains a command the screens do not know the result of.
type MissingResults = Exclude<CommandName, keyof CommandResults>;
export const allCommandResultsTyped: MissingResults extends never ? true : false = true;

export interface CommandReply<N extends CommandName> {
  commandId: string;
  replayed: boolean;
  result: CommandResults[N];
}

export interface DevicePairing {
  deviceId: string;
  deviceToken: string;
  role: DeviceRole;
  stationId: string | null;
}

export interface PairingRequest {
  requestId: string;
  code: string;
  pollToken: string;
  expiresAt: string;
}

export type PairingPoll =
  | { status: 'pending' }
  | ({ status: 'approved' } & DevicePairing)
  | { status: 'expired' };

export interface PendingPairing {
  requestId?: string;
  code: string;
  name: string;
  createdAt?: string;
  expiresAt?: string;
}

export interface StaffSession {
  sessionToken: string;
  staff: { id: string; name: string; role: StaffRole };
}

export interface StoreInfo {
  name: string;
  currency: string;
  timezone: string;
  businessDay: string;
  stations: readonly Station[];
}

export interface MenuReply {
  menu: Menu;
  unavailable: ItemId[];
}

export interface SyncStatus {
  online: boolean;
  waiting: number;
  oldestAgeSeconds: number | null;
  /** How the store's link to the cloud stands; 'none' when the store has no cloud. */
  cloud?: CloudLinkState;
  /** A sentence for the screens when the link needs a person (not enrolled, revoked). */
  message?: string | null;
}

export interface AuditEntry {
  id: string;
  at?: string;
  createdAt?: string;
  action?: string;
  command?: string;
  staffName?: string | null;
  approvedByName?: string | null;
  summary?: string | null;
  staffId?: string | null;
  approvedBy?: string | null;
  orderId?: string | null;
  /** JSON text as stored by the hub. */
  detail?: unknown;
  [key: string]: unknown;
}

export interface PairedDevice {
  id?: string;
  deviceId?: string;
  name: string;
  role: DeviceRole;
  stationId: string | null;
  revokedAt?: string | null;
  lastSeenAt?: string | null;
}

export type HubMessage = HubEvent | HubControlMessage;
export type { ErrorBody };
