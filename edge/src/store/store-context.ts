/**
 * What every part of the store shares: the connection, a typed drizzle view of it, the
 * clock, the cached menu index and the event listeners. Internal to edge/src/store.
 */
import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import type { Logger } from 'pino';
import { type CloudLinkState, type HubEvent, type ItemId, type Menu, type MenuIndex, indexMenu } from '@brigade/sync/model';
import * as schema from '@brigade/sync/schema/sqlite';
import { orderReads } from './hot-queries';
import { PinLookup } from './pin-lookup';
import type { EdgeStoreOptions, PaymentTerminal } from './types';

export type Orm = BetterSQLite3Database<typeof schema>;
export type StoreRow = typeof schema.store.$inferSelect;

export const MENU_ROW_ID = 'current';

export class StoreContext {
  readonly orm: Orm;
  readonly pins: PinLookup;
  readonly listeners = new Set<(events: HubEvent[]) => void>();
  online = false;
  /** What the sync client last said about the cloud link; 'none' when no cloud is configured. */
  cloudLink: { state: CloudLinkState; message: string | null } = { state: 'none', message: null };
  private menuCache: { key: string; index: MenuIndex } | null = null;

  constructor(
    readonly sqlite: Database.Database,
    readonly options: EdgeStoreOptions,
    readonly terminal: PaymentTerminal,
  ) {
    this.orm = drizzle(sqlite, { schema });
    this.pins = new PinLookup(this.orm);
  }

  get logger(): Logger | undefined {
    return this.options.logger;
  }

  now(): Date {
    return this.options.now ? this.options.now() : new Date();
  }

  storeRow(): StoreRow {
    const row = orderReads(this.orm).storeRow.get();
    if (!row) throw new Error('The store row is missing: the database was not initialised.');
    return row;
  }

  /**
   * The menu, parsed once per version. Every command prices with it, so only the version and
   * stamp are read each time, not the whole document. A replace rolled back inside a failed
   * transaction could leave a version number to be reused by another document, so the cache
   * is also dropped by `forgetMenu`, which every replace calls.
   */
  menuIndex(): MenuIndex {
    const head = orderReads(this.orm).menuHead.get({ id: MENU_ROW_ID });
    if (!head) throw new Error('No menu is stored yet.');
    const key = `${head.version}|${head.updatedAt}`;
    if (this.menuCache?.key !== key) {
      const row = this.orm.select({ document: schema.menu.document }).from(schema.menu).where(eq(schema.menu.id, MENU_ROW_ID)).get();
      if (!row) throw new Error('No menu is stored yet.');
      this.menuCache = { key, index: indexMenu(JSON.parse(row.document) as Menu) };
    }
    return this.menuCache.index;
  }

  forgetMenu(): void {
    this.menuCache = null;
  }

  unavailable(): Set<ItemId> {
    const rows = orderReads(this.orm).unavailableItems.all();
    return new Set(rows.map((r) => r.itemId as ItemId));
  }

  notify(events: HubEvent[]): void {
    if (events.length === 0) return;
    for (const listener of this.listeners) {
      try {
        listener(events);
      } catch (err) {
        // A broken listener (one screen's socket) must not stop the others from hearing.
        this.logger?.error({ err }, 'event listener failed');
      }
    }
  }
}
