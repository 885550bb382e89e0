/**
 * Cloud → edge: the per-store shapes the edge follows over the ElectricSQL Shape API
 * (`GET /v1/shape?table=…&where=store_id = $1&params[1]=<storeId>`). Values arrive as text
 * and are parsed by the client from the `electric-schema` header.
 */
export const SHAPE_NAMES = ['menu_items', 'modifier_groups', 'tax_rates', 'categories', 'online_orders', 'stores', 'role_permissions', 'ledger_balances'] as const;
export type ShapeName = (typeof SHAPE_NAMES)[number];

/** The only where clause the cloud serves: every shape is one store's rows. */
export const STORE_WHERE = 'store_id = $1';

/** How long a live request is parked before it returns an empty up-to-date (Electric's default). */
export const LONG_POLL_MS = 20_000;

/**
 * The shape schema version this code follows (sync.md §8.2, docs/sync.md "Schema versions").
 * Shape tables change only by expand-only migrations; a column added later belongs to the
 * version that added it, and the cloud serves each edge the columns of the version it sends,
 * so an edge that has not been upgraded keeps its old shape. Bump it when a migration adds a
 * column edges should receive, and list that column in the cloud's `SHAPE_COLUMNS_SINCE`.
 */
export const SHAPE_SCHEMA_VERSION = 1;

/** The query parameter that carries the follower's schema version (a custom Shape API parameter). */
export const SHAPE_SCHEMA_PARAM = 'schema_version';
