/** The hub's entry point for the processes (headless, demo, Electron) and integration tests. */
export { buildHub, BODY_LIMIT_BYTES, type HubOptions } from './build-hub';
export { startEdgeNode, type EdgeNode, type StartEdgeNodeOptions } from './start-edge-node';
export { hubUrl, lanAddress } from './lan-address';
export { closeOnSignals } from './process-signals';
export { CLOSE_RESYNC, wantsEvent, type LiveEventSource, type ScreenIdentity } from './live-events';
export type { PrinterStatusEntry, PrinterStatusSource } from './read-routes';
export type { CredentialRateLimits } from './pairing-routes';
