/**
 * The edge node's sync client: the outbox pusher (edge → cloud) and one shape follower per
 * cloud table (cloud → edge). Each shape batch and its resume position are applied in one
 * SQLite transaction; a batch of a menu table also rebuilds the store's menu inside that
 * same transaction, once all menu shapes have arrived, and the screens are told after commit.
 * The owner's permission matrix and the reconciled gift/loyalty balances are applied the same
 * way (owner-permissions.ts, cloud-ledger-balances.ts).
 */
import type { ChangeMessage, Row } from '@electric-sql/client';
import { type BackoffPolicy, type Pusher, type PusherStatus, type ShapeFollower, crashPoint, createPusher, followShape } from '@brigade/sync/engine';
import { type PrinterReport, SHAPE_NAMES, type ShapeName } from '@brigade/sync/protocol';
import type { EdgeStore, ShapeChange } from '../store/types';
import { MENU_SHAPES, menuFromShapes } from './menu-from-shapes';
import { ONLINE_ORDERS_SHAPE, type OnlineIntake, createOnlineIntake, jsonSafeRow } from './online-orders';
import { LEDGER_BALANCES_SHAPE, applyLedgerBalancesBatch } from './cloud-ledger-balances';
import { OWNER_PERMISSIONS_SHAPE, applyOwnerPermissions } from './owner-permissions';
import { sameReport } from './printer-report';

export interface EdgeSyncOptions {
  readonly store: EdgeStore;
  /** The cloud's base URL. */
  readonly cloudUrl: string;
  readonly storeId: string;
  readonly credential: string | (() => string);
  readonly fetch?: typeof fetch;
  readonly heartbeatMs?: number;
  /** How the pusher backs off while the cloud cannot be reached (tests and the demo shorten it). */
  readonly backoff?: BackoffPolicy;
  /** How the shape followers back off after a failed request (the client's default when absent; the simulator shortens it). */
  readonly shapeBackoff?: BackoffPolicy;
  /** The pusher's clock in milliseconds (the simulator runs it on simulated time). */
  readonly now?: () => number;
  /** The shape schema version to follow (default SHAPE_SCHEMA_VERSION); the simulator runs edges on older or newer ones. */
  readonly shapeSchemaVersion?: number;
  /** After every push round, with the pusher's status. */
  readonly onStatus?: (status: PusherStatus) => void;
  /** The cloud refused the credential sent (`CREDENTIAL_INVALID`): it was revoked or replaced. */
  readonly onCredentialRefused?: (credentialSent: string | null) => void;
  /** The store's printers as they stand now, sent with every push for the owner's dashboard. */
  readonly printers?: () => readonly PrinterReport[];
  /** After a shape batch committed (e.g. online orders to take in). */
  readonly onShapeApplied?: (table: ShapeName, changes: readonly ShapeChange[]) => void;
}

export interface EdgeSync {
  readonly pusher: Pusher;
  /** Takes paid online orders from the `online_orders` shape into the store (online-orders.ts). */
  readonly onlineIntake: OnlineIntake;
  status(): { push: PusherStatus; shapes: Record<string, { upToDate: boolean; lastError: string | null; refused: string | null }> };
  /** Pushes now (call after a command wrote to the outbox). */
  wake(): void;
  stop(): Promise<void>;
}

export function startEdgeSync(options: EdgeSyncOptions): EdgeSync {
  const { store } = options;
  const doFetch = watchForRefusedCredential(options.fetch ?? fetch, (sent) => options.onCredentialRefused?.(sent));
  const printers = options.printers;
  let sentPrinters: readonly PrinterReport[] | null = null;
  const pusher = createPusher({
    peek: (limit) => {
      const batch = store.outbox.peek(limit);
      // Crash tests: the commands are committed and answered, the push carrying them not sent.
      if (batch.length > 0) crashPoint('edge.after-commit-before-push');
      return batch;
    },
    ack: (upto) => store.outbox.ack(upto),
    count: () => store.queries.syncStatus().waiting,
    nodeId: store.outbox.nodeId,
    epoch: store.outbox.epoch,
    storeId: options.storeId,
    url: options.cloudUrl,
    credential: options.credential,
    fetch: doFetch,
    ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
    ...(options.backoff ? { backoff: options.backoff } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(printers ? { report: () => ({ printers: (sentPrinters = printers()) }) } : {}),
    onStatus: (status) => {
      store.setOnline(status.online);
      // A printer that changed while this round was under way (or before the first one got through).
      if (status.online && printers && !sameReport(sentPrinters, printers())) pusher.wake();
      options.onStatus?.(status);
    },
  });
  pusher.start();
  // A printer that changed condition reaches the dashboard now, not at the next heartbeat;
  // offline, the back-off is kept (a paper-out is no sign the link is back).
  const stopWatchingPrinters = printers
    ? store.onEvents((events) => {
        if (!events.some((event) => event.type === 'printer.status') || !pusher.status().online) return;
        if (!sameReport(sentPrinters, printers())) pusher.wake();
      })
    : () => undefined;
  // Orders stored by a previous run but not yet accepted (a restart in between) are taken in at once.
  const onlineIntake = createOnlineIntake({ store, onAccepted: () => pusher.wake() });
  void onlineIntake.process();

  const isMenuShape = (table: ShapeName) => (MENU_SHAPES as readonly string[]).includes(table);
  const followers = new Map<ShapeName, ShapeFollower>();
  for (const table of SHAPE_NAMES) {
    const position = store.shapes.position(table);
    followers.set(
      table,
      followShape({
        url: options.cloudUrl,
        table,
        storeId: options.storeId,
        credential: options.credential,
        ...(position ? { handle: position.handle, offset: position.offset } : {}),
        fetch: doFetch,
        ...(options.shapeBackoff ? { backoff: options.shapeBackoff } : {}),
        ...(options.shapeSchemaVersion ? { schemaVersion: options.shapeSchemaVersion } : {}),
        onBatch: (messages: readonly ChangeMessage<Row>[], info) => {
          const changes: ShapeChange[] = messages.map((m) => ({ key: m.key, value: jsonSafeRow(m.value), headers: { operation: m.headers.operation } }));
          let menuReplaced = false;
          let permissionsChanged = false;
          if (table === LEDGER_BALANCES_SHAPE) applyLedgerBalancesBatch(store, changes, info);
          else if (table === OWNER_PERMISSIONS_SHAPE) {
            store.shapes.apply(table, changes, info, (rows) => (permissionsChanged = applyOwnerPermissions(store.db, rows, new Date().toISOString())));
          } else store.shapes.apply(table, changes, info, isMenuShape(table) ? (rows) => (menuReplaced = rebuildMenu(store, table, rows)) : undefined);
          // Only after commit: a screen that reloads must find the new menu (or matrix).
          if (menuReplaced) store.publish({ type: 'menu.updated', version: menuVersion(store) });
          if (permissionsChanged) store.publish({ type: 'permissions.updated' });
          // A new menu may let an order that could not be read before be taken now.
          if (table === ONLINE_ORDERS_SHAPE || menuReplaced) void onlineIntake.process();
          options.onShapeApplied?.(table, changes);
        },
      }),
    );
  }
  return {
    pusher,
    onlineIntake,
    status: () => ({
      push: pusher.status(),
      shapes: Object.fromEntries([...followers].map(([table, f]) => [table, { upToDate: f.status().upToDate, lastError: f.status().lastError, refused: f.status().refused }])),
    }),
    wake: () => pusher.wake(),
    stop: async () => {
      stopWatchingPrinters();
      for (const follower of followers.values()) follower.stop();
      await onlineIntake.stop();
      await pusher.stop();
    },
  };
}

/** Returns true when the menu was replaced. */
function rebuildMenu(store: EdgeStore, applied: ShapeName, appliedRows: Record<string, unknown>[]): boolean {
  if (MENU_SHAPES.some((t) => t !== applied && store.shapes.position(t) === null)) return false;
  const rowsOf = (table: (typeof MENU_SHAPES)[number]) => (table === applied ? appliedRows : store.shapes.rows(table));
  const menu = menuFromShapes({
    menu_items: rowsOf('menu_items'),
    modifier_groups: rowsOf('modifier_groups'),
    tax_rates: rowsOf('tax_rates'),
    categories: rowsOf('categories'),
    stores: rowsOf('stores'),
  });
  if (!menu) return false;
  store.replaceMenu(menu);
  return true;
}

function menuVersion(store: EdgeStore): number {
  const row = store.db.prepare("SELECT version FROM menu WHERE id = 'current'").get() as { version: number } | undefined;
  return row?.version ?? 0;
}

/**
 * Both the pusher and the shape stream get a 401 `CREDENTIAL_INVALID` when the owner revoked
 * the store's credential; neither can recover by retrying, so the connection is told.
 */
function watchForRefusedCredential(base: typeof fetch, refused: (credentialSent: string | null) => void): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    if (response.status === 401) {
      const body = (await response.clone().json().catch(() => null)) as { error?: { code?: unknown } } | null;
      if (body?.error?.code === 'CREDENTIAL_INVALID') refused(bearerOf(input, init));
    }
    return response;
  };
}

function bearerOf(input: Parameters<typeof fetch>[0], init: Parameters<typeof fetch>[1]): string | null {
  const headers = new Headers(input instanceof Request ? input.headers : undefined);
  new Headers(init?.headers).forEach((value, name) => headers.set(name, value));
  return /^Bearer (.+)$/.exec(headers.get('authorization') ?? '')?.[1] ?? null;
}
