export { openEdgeStore, DATABASE_FILE } from './open-store';
export { DatabaseTooNewError } from './migrations';
export { businessDayOf } from './clock';
export { createSimulatedTerminal } from './simulated-terminal';
export { RETAINED_EVENTS } from './event-log';
export type * from './types';
