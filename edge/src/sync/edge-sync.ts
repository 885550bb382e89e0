/**
 * The edge node's sync client: the outbox pusher (edge → cloud) and one shape follower per
 * cloud table (cloud → edge). Each shape batch and its resume position are applied in one
 * SQLite transaction; a batch of a menu table also rebuilds the store's menu inside that
 * same transaction, once all menu shapes have arrived.
 */
import type { ChangeMessage, Row } from '@electric-sql/client';
import { type Pusher, type PusherStatus, type ShapeFollower, createPusher, followShape } from '@brigade/sync/engine';
import { SHAPE_NAMES, type ShapeName } from '@brigade/sync/protocol';
import type { EdgeStore, ShapeChange } from '../store/types';
import { MENU_SHAPES, menuFromShapes } from './menu-from-shapes';

export interface EdgeSyncOptions {
  readonly store: EdgeStore;
  /** The cloud's base URL. */
  readonly cloudUrl: string;
  readonly storeId: string;
  readonly credential: string | (() => string);
  readonly fetch?: typeof fetch;
  readonly heartbeatMs?: number;
}

export interface EdgeSync {
  readonly pusher: Pusher;
  status(): { push: PusherStatus; shapes: Record<string, { upToDate: boolean; lastError: string | null }> };
  /** Pushes now (call after a command wrote to the outbox). */
  wake(): void;
  stop(): Promise<void>;
}

export function startEdgeSync(options: EdgeSyncOptions): EdgeSync {
  const { store } = options;
  const pusher = createPusher({
    peek: (limit) => store.outbox.peek(limit),
    ack: (upto) => store.outbox.ack(upto),
    count: () => store.queries.syncStatus().waiting,
    nodeId: store.outbox.nodeId,
    epoch: store.outbox.epoch,
    storeId: options.storeId,
    url: options.cloudUrl,
    credential: options.credential,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
    onStatus: (status) => store.setOnline(status.online),
  });
  pusher.start();

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
        ...(options.fetch ? { fetch: options.fetch } : {}),
        onBatch: (messages: readonly ChangeMessage<Row>[], info) => {
          const changes: ShapeChange[] = messages.map((m) => ({ key: m.key, value: m.value, headers: { operation: m.headers.operation } }));
          store.shapes.apply(table, changes, info, isMenuShape(table) ? (rows) => rebuildMenu(store, table, rows) : undefined);
        },
      }),
    );
  }
  return {
    pusher,
    status: () => ({
      push: pusher.status(),
      shapes: Object.fromEntries([...followers].map(([table, f]) => [table, { upToDate: f.status().upToDate, lastError: f.status().lastError }])),
    }),
    wake: () => pusher.wake(),
    stop: async () => {
      for (const follower of followers.values()) follower.stop();
      await pusher.stop();
    },
  };
}

function rebuildMenu(store: EdgeStore, applied: ShapeName, appliedRows: Record<string, unknown>[]): void {
  if (MENU_SHAPES.some((t) => t !== applied && store.shapes.position(t) === null)) return;
  const rowsOf = (table: (typeof MENU_SHAPES)[number]) => (table === applied ? appliedRows : store.shapes.rows(table));
  const menu = menuFromShapes({
    menu_items: rowsOf('menu_items'),
    modifier_groups: rowsOf('modifier_groups'),
    tax_rates: rowsOf('tax_rates'),
    categories: rowsOf('categories'),
    stores: rowsOf('stores'),
  });
  if (menu) store.replaceMenu(menu);
}
