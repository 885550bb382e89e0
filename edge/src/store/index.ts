export { openEdgeStore, DATABASE_FILE } from './open-store';
export { DatabaseTooNewError } from './migrations';
export { businessDayOf } from './clock';
export { createSimulatedTerminal } from './simulated-terminal';
export { RETAINED_EVENTS } from './event-log';
export { PAIRING_TTL_MS } from './pairing';
export { MAX_PIN_FAILURES, PIN_LOCK_MS, SESSION_TTL_MS } from './staff-auth';
export type * from './types';
