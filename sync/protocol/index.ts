export * from './push';
export * from './push-schema';
export * from './errors';
export * from './shapes';
export * from './online-orders';
export * from './staff-cash-push';
export * from './staff-cash-push-schema';
export * from './staff-cash-views';
