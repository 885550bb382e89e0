/**
 * The edge store's public interface: what the hub, the print runner and the sync engine
 * call. Everything that changes state goes through `execute` (one command, one SQLite
 * transaction, exactly once per commandId); everything else here reads, or handles
 * credentials that are not commands (pairing, PIN sign-in).
 */
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type {
  DayReport,
  CloudLinkState, DeviceId, DeviceRole, HubEvent, ItemId, KitchenTicket, Menu, Order, OrderStatus, StaffId, StaffRole, Station, TicketStatus,
} from '@brigade/sync/model';
import type { AuditEntry, OutboxMutation } from '@brigade/sync/protocol';
import type { StaffCashReads } from './commands/staff-cash-reads';

/** Who is calling: a paired screen (or the node itself) and the staff member signed in on it. */
export interface Actor {
  deviceId: DeviceId | null;
  deviceRole: DeviceRole | 'system';
  stationId: string | null;
  staff: { id: StaffId; name: string; role: StaffRole } | null;
}

export interface CommandOutcome {
  commandId: string;
  replayed: boolean;
  result: unknown;
}

/**
 * The card reader as the store needs it. Structurally the same as `PaymentTerminal` in
 * `@brigade/drivers`, declared here so the store does not depend on a driver's internals.
 */
export interface PaymentTerminal {
  charge(req: { amount: number; currency: string; idempotencyKey: string; description?: string }): Promise<
    { status: 'approved'; reference: string; cardBrand?: string; last4?: string } | { status: 'declined'; reason: string }
  >;
  /** Gives back part or all of an approved charge; throws when the provider cannot be reached. */
  refund?(req: { reference: string; amount: number; currency: string; idempotencyKey: string }): Promise<
    { status: 'refunded'; reference: string } | { status: 'failed'; reason: string }
  >;
}

export interface EdgeStoreOptions {
  dataDir: string;
  /** Seed the demo menu and demo staff on first start, and make the setup code reusable. */
  seedDemo?: boolean;
  storeName?: string;
  /** IANA time zone of the store; business days and order numbers follow it. */
  timezone?: string;
  businessDayEndHour?: number;
  now?: () => Date;
  /** The card reader; without one, an always-approving simulated reader (the demo's). */
  terminal?: PaymentTerminal;
  logger?: Logger;
  /**
   * Test-only: called inside a command's transaction after its state was written and
   * before it commits; a throw here must roll everything back.
   */
  beforeCommit?: (name: string, commandId: string) => void;
}

export interface StoreInfo {
  id: string;
  name: string;
  currency: string;
  timezone: string;
  businessDayEndHour: number;
  /** The business day it is now, YYYY-MM-DD. */
  businessDay: string;
  stations: readonly Station[];
  nodeId: string;
  epoch: number;
}

export interface Staff {
  id: StaffId;
  name: string;
  role: StaffRole;
}

/** A new or changed member of staff; a PIN is required for new staff and replaces the old one when given. */
export interface StaffChange {
  id?: string;
  name: string;
  role: StaffRole;
  pin?: string;
  active?: boolean;
}

export interface Device {
  id: DeviceId;
  name: string;
  role: DeviceRole;
  stationId: string | null;
  createdAt: string;
  revokedAt: string | null;
}

export interface PairingRequest {
  requestId: string;
  code: string;
  pollToken: string;
  expiresAt: string;
}

export type PairingPoll =
  | { status: 'pending' }
  | { status: 'approved'; deviceId: DeviceId; deviceToken: string; role: DeviceRole; stationId: string | null }
  | { status: 'expired' };

export interface PendingPairing {
  requestId: string;
  code: string;
  name: string;
  createdAt: string;
  expiresAt: string;
}

export interface DeviceCredentials {
  deviceId: DeviceId;
  deviceToken: string;
  role: DeviceRole;
  stationId: string | null;
}

export interface SetupCodeInfo {
  code: string;
  role: DeviceRole;
  stationId: string | null;
  reusable: boolean;
}

export type PrintJobKind = 'receipt' | 'kitchen' | 'drawer' | 'report';
export type PrintJobStatus = 'queued' | 'sending' | 'printed' | 'held' | 'uncertain' | 'failed' | 'cancelled';

/** What a print job prints; the print runner renders it for the printer. */
export type PrintPayload =
  | { kind: 'receipt'; order: Order; reprint: boolean }
  /** `delta: 'voided'` is the slip telling a station to stop making lines voided after it fired. */
  | { kind: 'kitchen'; ticket: KitchenTicket; reprint: boolean; delta?: 'added' | 'voided' }
  | { kind: 'drawer'; reason: string }
  /** An X or Z report on the receipt printer. */
  | { kind: 'report'; report: DayReport; closedByName: string | null; reprint: boolean };

export interface PrintJobRow {
  id: string;
  idemKey: string;
  kind: PrintJobKind;
  /** 'receipt' or 'kitchen'. */
  printerRole: string;
  stationId: string | null;
  orderId: string | null;
  /** The screen whose action made the job (its till's drawer and receipt printer), when known. */
  deviceId: string | null;
  payload: PrintPayload;
  status: PrintJobStatus;
  attempts: number;
  reprint: boolean;
  printerId: string | null;
  nextAttemptAt: string;
  createdAt: string;
  updatedAt: string;
  printedAt: string | null;
  lastError: string | null;
}

export interface PrintJobUpdate {
  attempts?: number;
  printerId?: string | null;
  nextAttemptAt?: Date;
  printedAt?: Date;
  lastError?: string | null;
}

export interface OrderFilter {
  status?: OrderStatus;
  limit?: number;
}

export interface TicketFilter {
  stationId?: string;
  status?: TicketStatus;
  limit?: number;
}

/** One change of a followed shape; structurally an Electric `ChangeMessage`. */
export interface ShapeChange {
  key: string;
  value: Record<string, unknown>;
  headers: { operation: 'insert' | 'update' | 'delete' };
}

/** An event as written by a command or the hub; the store assigns `seq`. */
export type NewHubEvent = HubEvent extends infer E ? (E extends HubEvent ? Omit<E, 'seq'> : never) : never;

export interface EdgeStore {
  readonly db: Database.Database;
  /** The setup code made for the appliance's own POS screen when this database was created. */
  readonly bootSetupCode: string | null;
  execute(name: string, commandId: string, args: unknown, actor: Actor): Promise<CommandOutcome>;
  /** Listeners run after commit, with the events of one command (or one published event). */
  onEvents(listener: (events: HubEvent[]) => void): () => void;
  eventsSince(seq: number, limit?: number): HubEvent[] | 'too-old';
  lastEventSeq(): number;
  /** Topic of a stored event ('store', 'station:<id>' or 'order:<id>'), for the hub's routing. */
  topicOf(event: HubEvent): string;
  /** Store and broadcast an event that no command caused (printer status, sync status). */
  publish(event: NewHubEvent): HubEvent;
  /** Replace the cloud-owned menu in one transaction (the shape follower calls this). */
  replaceMenu(menu: Menu): void;
  /** Rows and resume positions of the cloud shapes the edge follows. */
  shapes: {
    position(shape: string): { handle: string; offset: string } | null;
    rows(shape: string): Record<string, unknown>[];
    /** Applies one batch and its resume position in one transaction; `derive` runs inside it (e.g. `replaceMenu`). */
    apply(
      shape: string, changes: readonly ShapeChange[], info: { handle: string; offset: string; reset: boolean },
      derive?: (rows: Record<string, unknown>[]) => void,
    ): void;
  };
  auth: {
    createPairingRequest(name: string): PairingRequest;
    pollPairing(requestId: string, pollToken: string): PairingPoll;
    claimSetupCode(code: string, name: string): DeviceCredentials;
    createSetupCode(role: DeviceRole, opts?: { reusable?: boolean; stationId?: string }): string;
    activeSetupCodes(): SetupCodeInfo[];
    authenticateDevice(token: string): Device;
    signIn(deviceId: string, pin: string): { sessionToken: string; staff: Staff; expiresAt: string };
    authenticateSession(token: string, deviceId: string): Staff;
    signOut(token: string): void;
  };
  /** Provisioning and the cloud's staff shape write here; sign-in reads it. */
  staff: {
    list(): (Staff & { active: boolean })[];
    upsert(change: StaffChange): Staff & { active: boolean };
  };
  queries: {
    store(): StoreInfo;
    menu(): { menu: Menu; unavailable: ItemId[] };
    order(id: string): Order;
    orders(filter?: OrderFilter): Order[];
    tickets(filter?: TicketFilter): KitchenTicket[];
    audit(limit: number): AuditEntry[];
    devices(): Device[];
    pendingPairings(): PendingPairing[];
    /** `cloud` and `message`: how the link to the cloud stands, as the sync client last set it. */
    syncStatus(): { waiting: number; oldestAgeSeconds: number | null; online: boolean; cloud: CloudLinkState; message: string | null };
  };
  printJobs: {
    /** Jobs the print runner should send now: queued and due, oldest first. */
    nextDue(now: Date, limit?: number): PrintJobRow[];
    mark(id: string, status: PrintJobStatus, fields?: PrintJobUpdate): void;
    get(id: string): PrintJobRow;
    list(filter?: { orderId?: string; status?: PrintJobStatus; limit?: number }): PrintJobRow[];
  };
  outbox: {
    peek(limit: number): OutboxMutation[];
    ack(uptoSeq: number): void;
    readonly nodeId: string;
    readonly epoch: number;
    /** Moves to a new epoch (after a restore): the next one, or `atLeast` when that is higher. */
    startNewEpoch(atLeast?: number): number;
  };
  /** The sync client reports whether the cloud is reachable; shown in sync status. */
  setOnline(online: boolean): void;
  /** Staff and cash: the permission matrix, shifts, drawer sessions, X and Z reports. */
  staffCash: StaffCashReads;
  /** The sync client reports the state of the cloud link ('none' until it says otherwise). */
  setCloudLink?(state: CloudLinkState, message: string | null): void;
  close(): void;
}
