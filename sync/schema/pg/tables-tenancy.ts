/**
 * Tenancy and access: organisations own stores; owners and managers sign in to the
 * dashboard; edge nodes hold one store credential each. Secrets are stored only as hashes.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow();

export const organisations = pgTable('organisations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['owner', 'manager'] }).notNull(),
    /** `scrypt$N$r$p$salt$hash`, base64url parts; see cloud/src/auth/passwords.ts. */
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_unique').on(sql`lower(${t.email})`)],
);

/** One row per sign-in: a short-lived access token and a longer refresh token, both hashed. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id),
    organisationId: text('organisation_id').notNull().references(() => organisations.id),
    accessHash: text('access_hash').notNull(),
    accessExpiresAt: timestamp('access_expires_at', { withTimezone: true, mode: 'string' }).notNull(),
    refreshHash: text('refresh_hash').notNull(),
    refreshExpiresAt: timestamp('refresh_expires_at', { withTimezone: true, mode: 'string' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('sessions_access_hash').on(t.accessHash), uniqueIndex('sessions_refresh_hash').on(t.refreshHash)],
);

/**
 * A store and its settings. `store_id` repeats `id` so the store-settings shape can use the
 * same `store_id = $1` filter as every other per-store shape. Health data that changes on
 * every push lives in `store_health`, so heartbeats do not churn the settings shape.
 */
export const stores = pgTable(
  'stores',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').generatedAlwaysAs(sql`id`).notNull(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id),
    name: text('name').notNull(),
    timezone: text('timezone').notNull(),
    currency: text('currency').notNull(),
    taxInclusive: boolean('tax_inclusive').notNull().default(false),
    businessDayEndsAt: text('business_day_ends_at').notNull().default('04:00'),
    menuId: text('menu_id'),
    /** Stations come with the menu (kitchen routing); copied here for the edge. */
    stations: jsonb('stations').notNull().default(sql`'[]'::jsonb`),
    onlineOrderingPaused: boolean('online_ordering_paused').notNull().default(false),
    /** Why ordering is paused: `offline` is set and cleared by the heartbeat, `owner` only by people. */
    pausedReason: text('paused_reason', { enum: ['offline', 'owner'] }),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true, mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [index('stores_organisation').on(t.organisationId)],
);

export const storeHealth = pgTable('store_health', {
  storeId: text('store_id').primaryKey().references(() => stores.id),
  organisationId: text('organisation_id').notNull().references(() => organisations.id),
  lastHeardAt: timestamp('last_heard_at', { withTimezone: true, mode: 'string' }),
  nodeId: text('node_id'),
  changesWaiting: integer('changes_waiting'),
  oldestWaitingSeconds: integer('oldest_waiting_seconds'),
  /** The printers as the store last reported them (id, name, role, status), for the dashboard. */
  printers: jsonb('printers').$type<{ id: string; name: string; role: string; status: string }[]>(),
});

export const storeCredentials = pgTable(
  'store_credentials',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id),
    storeId: text('store_id').notNull().references(() => stores.id),
    nodeId: text('node_id').notNull(),
    secretHash: text('secret_hash').notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'string' }),
    /** The credential this one replaced on rotation (that one is revoked in the same transaction). */
    rotatedFrom: text('rotated_from'),
  },
  (t) => [uniqueIndex('store_credentials_secret').on(t.secretHash), index('store_credentials_store').on(t.storeId)],
);

export const enrolmentCodes = pgTable('enrolment_codes', {
  codeHash: text('code_hash').primaryKey(),
  organisationId: text('organisation_id').notNull().references(() => organisations.id),
  storeId: text('store_id').notNull().references(() => stores.id),
  createdBy: text('created_by').notNull().references(() => users.id),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true, mode: 'string' }),
  usedByNode: text('used_by_node'),
  createdAt: createdAt(),
});

/** QR tables: the token version is part of the signed token; bumping it kills old codes. */
export const diningTables = pgTable(
  'dining_tables',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id),
    storeId: text('store_id').notNull().references(() => stores.id),
    label: text('label').notNull(),
    tokenVersion: integer('token_version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('dining_tables_label').on(t.storeId, t.label)],
);

/** Process-wide secrets kept in the database so every cloud process signs alike. */
export const cloudSecrets = pgTable('cloud_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt(),
});

