/** Postgres tables of the cloud (drizzle), shared by the cloud service and its tests. */
export * from './tables-tenancy';
export * from './tables-menu';
export * from './tables-orders';
export * from './tables-sync';
export * from './tables-ledger';
export * from './tables-staff-cash';
export * from './tables-owner-shapes';
export { SHAPE_TABLES, type ShapeTableName } from './shape-tables';
