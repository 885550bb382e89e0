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
