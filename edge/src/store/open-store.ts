/**
 * Opens (or creates) the store's database and assembles the `EdgeStore`. SQLite runs in WAL
 * with synchronous=FULL: every command carries money or kitchen work, and a power cut must
 * not lose a committed sale.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BrigadeError } from '@brigade/sync/model';
import { isValidTimezone } from './clock';
import { CommandExecutor, pruneCommandLog } from './command-executor';
import { storeCommands } from './commands';
import { eventsSince, lastEventSeq, publishEvent, topicOf } from './event-log';
import { createOutboxStore } from './outbox-store';
import { activeSetupCodes, claimSetupCode, createPairingRequest, createSetupCode, pollPairing } from './pairing';
import { createPrintJobStore } from './print-job-store';
import { createQueries } from './queries';
import { createStaffCashReads } from './commands/staff-cash-reads';
import { applyMigrations } from './migrations';
import { replaceMenu, seedIfEmpty } from './seed';
import { createShapeStore } from './shape-store';
import { createSimulatedTerminal } from './simulated-terminal';
import { listStaff, upsertStaff } from './staff-directory';
import { authenticateDevice, authenticateSession, signIn, signOut } from './staff-auth';
import { cacheStatements } from './statement-cache';
import { StoreContext } from './store-context';
import type { EdgeStore, EdgeStoreOptions } from './types';

export const DATABASE_FILE = 'brigade-edge.sqlite';

export function openEdgeStore(options: EdgeStoreOptions): EdgeStore {
  const timezone = options.timezone ?? 'UTC';
  if (!isValidTimezone(timezone)) throw new Error(`Unknown time zone "${timezone}" (use an IANA name such as Europe/Paris).`);
  const endHour = options.businessDayEndHour ?? 4;
  if (!Number.isInteger(endHour) || endHour < 0 || endHour > 23) throw new Error('businessDayEndHour must be a whole hour from 0 to 23.');
  mkdirSync(options.dataDir, { recursive: true });
  const sqlite = new Database(join(options.dataDir, DATABASE_FILE));
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    applyMigrations(sqlite);
    // After the migrations: their one-off DDL would only crowd the cache.
    cacheStatements(sqlite);
  } catch (err) {
    sqlite.close();
    throw err;
  }
  const store = new StoreContext(sqlite, options, options.terminal ?? createSimulatedTerminal());
  const seedDemo = options.seedDemo ?? false;
  const created = seedIfEmpty(store, { storeName: options.storeName ?? 'Brigade', timezone, businessDayEndHour: endHour, seedDemo });
  // The appliance's own POS screen pairs with this code; the demo's is reusable so every demo screen can use it.
  const bootSetupCode = created ? createSetupCode(store, 'pos', { reusable: seedDemo }) : null;
  pruneCommandLog(store);
  const executor = new CommandExecutor(store, storeCommands);
  let closed = false;

  return {
    db: sqlite,
    bootSetupCode,
    execute: (name, commandId, args, actor) => {
      if (closed) return Promise.reject(new BrigadeError('INTERNAL', 'The store is closed.'));
      return executor.execute(name, commandId, args, actor);
    },
    onEvents(listener) {
      store.listeners.add(listener);
      return () => store.listeners.delete(listener);
    },
    eventsSince: (seq, limit) => eventsSince(store, seq, limit),
    lastEventSeq: () => lastEventSeq(store),
    topicOf,
    publish: (event) => publishEvent(store, event),
    replaceMenu: (menu) => replaceMenu(store, menu),
    shapes: createShapeStore(store),
    auth: {
      createPairingRequest: (name) => createPairingRequest(store, name),
      pollPairing: (requestId, pollToken) => pollPairing(store, requestId, pollToken),
      claimSetupCode: (code, name) => claimSetupCode(store, code, name),
      createSetupCode: (role, opts) => createSetupCode(store, role, opts),
      activeSetupCodes: () => activeSetupCodes(store),
      authenticateDevice: (token) => authenticateDevice(store, token),
      signIn: (deviceId, pin) => signIn(store, deviceId, pin),
      authenticateSession: (token, deviceId) => authenticateSession(store, token, deviceId),
      signOut: (token) => signOut(store, token),
    },
    staff: {
      list: () => listStaff(store),
      upsert: (change) => upsertStaff(store, change),
    },
    queries: createQueries(store),
    staffCash: createStaffCashReads(store),
    printJobs: createPrintJobStore(store),
    outbox: createOutboxStore(store),
    setOnline(online) {
      store.online = online;
    },
    setCloudLink(state, message) {
      store.cloudLink = { state, message };
    },
    close() {
      if (closed) return;
      closed = true;
      store.listeners.clear();
      sqlite.close();
    },
  };
}
