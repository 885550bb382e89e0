export * from './tables-orders';
export * from './tables-queue';
export * from './tables-store';
export * from './tables-staff-cash';
export * from './tables-checks';
export * from './tables-online';
export * from './tables-cloud-link';
export * from './tables-inventory';
