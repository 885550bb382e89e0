export * from './push';
export * from './push-schema';
export * from './errors';
export * from './shapes';
export * from './online-orders';
