/**
 * The tables edges may follow as shapes, with their primary keys. Every one carries
 * `store_id`, and change capture triggers are installed on exactly these (migrations 0001
 * and 0007).
 */
export const SHAPE_TABLES = {
  menu_items: { primaryKey: ['store_id', 'id'] },
  modifier_groups: { primaryKey: ['store_id', 'id'] },
  tax_rates: { primaryKey: ['store_id', 'id'] },
  categories: { primaryKey: ['store_id', 'id'] },
  online_orders: { primaryKey: ['id'] },
  stores: { primaryKey: ['id'] },
  role_permissions: { primaryKey: ['store_id', 'role', 'permission'] },
  ledger_balances: { primaryKey: ['store_id', 'ledger', 'account'] },
} as const satisfies Record<string, { primaryKey: readonly string[] }>;

export type ShapeTableName = keyof typeof SHAPE_TABLES;
