/**
 * The edge node's SQLite tables: who the store is, its menu, staff, screens and the
 * credentials they hold. Orders, printing and sync bookkeeping live in the sibling files.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Exactly one row: the store this node serves and its replication identity. */
export const store = sqliteTable('store', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  timezone: text('timezone').notNull(),
  /** Local hour (0–23) at which the business day ends; 4 means 03:59 still counts as yesterday. */
  businessDayEndHour: integer('business_day_end_hour').notNull(),
  currency: text('currency').notNull(),
  nodeId: text('node_id').notNull(),
  /** Bumped when the database is restored from a backup, so outbox seqs are never reused. */
  epoch: integer('epoch').notNull(),
  createdAt: text('created_at').notNull(),
});

/**
 * The cloud-owned menu as one JSON document: a replace is a single-row write, so a reader
 * never sees half of an old menu and half of a new one.
 */
export const menu = sqliteTable('menu', {
  id: text('id').primaryKey(),
  document: text('document').notNull(),
  version: integer('version').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Store-owned 86 overrides; kept apart from the menu so a menu replace never undoes them. */
export const itemAvailability = sqliteTable('item_availability', {
  itemId: text('item_id').primaryKey(),
  unavailable: integer('unavailable', { mode: 'boolean' }).notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

export const staff = sqliteTable('staff', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  role: text('role', { enum: ['cashier', 'server', 'bartender', 'manager', 'owner'] }).notNull(),
  /** scrypt(pin, salt), hex. */
  pinHash: text('pin_hash').notNull(),
  pinSalt: text('pin_salt').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull(),
  createdAt: text('created_at').notNull(),
});

export const staffSessions = sqliteTable(
  'staff_sessions',
  {
    /** sha256 of the session token; the token itself is never stored. */
    tokenHash: text('token_hash').primaryKey(),
    staffId: text('staff_id').notNull().references(() => staff.id),
    deviceId: text('device_id').notNull().references(() => devices.id),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    endedAt: text('ended_at'),
  },
  (t) => [index('staff_sessions_device').on(t.deviceId)],
);

export const devices = sqliteTable(
  'devices',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    role: text('role', { enum: ['pos', 'kiosk', 'kds', 'display'] }).notNull(),
    stationId: text('station_id'),
    /** sha256 of the device token; null until the waiting screen collects its token. */
    tokenHash: text('token_hash'),
    createdAt: text('created_at').notNull(),
    revokedAt: text('revoked_at'),
  },
  (t) => [uniqueIndex('devices_token_hash').on(t.tokenHash)],
);

export const pairingRequests = sqliteTable(
  'pairing_requests',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    pollTokenHash: text('poll_token_hash').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    approvedDeviceId: text('approved_device_id').references(() => devices.id),
    approvedAt: text('approved_at'),
    /** When the screen collected its token; a request hands out a token once. */
    deliveredAt: text('delivered_at'),
  },
  (t) => [index('pairing_requests_code').on(t.code)],
);

export const setupCodes = sqliteTable('setup_codes', {
  code: text('code').primaryKey(),
  role: text('role', { enum: ['pos', 'kiosk', 'kds', 'display'] }).notNull(),
  stationId: text('station_id'),
  /** The demo prints one reusable code so every demo screen can pair itself. */
  reusable: integer('reusable', { mode: 'boolean' }).notNull(),
  createdAt: text('created_at').notNull(),
  usedAt: text('used_at'),
  usedByDeviceId: text('used_by_device_id'),
});

/** Wrong-PIN counting per screen (not per staff member: the PIN names the person). */
export const pinAttempts = sqliteTable('pin_attempts', {
  deviceId: text('device_id').primaryKey(),
  failures: integer('failures').notNull(),
  lockedUntil: text('locked_until'),
  updatedAt: text('updated_at').notNull(),
});
