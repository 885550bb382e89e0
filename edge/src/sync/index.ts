/** The edge's sync entry point (`@brigade/edge/sync`): the connection to the cloud and the sync client it runs. */
export { startEdgeSync, type EdgeSync, type EdgeSyncOptions } from './edge-sync';
export { menuFromShapes, MENU_SHAPES } from './menu-from-shapes';
export { startCloudConnection, type CloudConnection, type CloudConnectionOptions, MESSAGES as CLOUD_LINK_MESSAGES } from './cloud-connection';
export { cloudLinkRow, type CloudLinkRow, type StoredCloudLink } from './cloud-link-row';
export { CloudCallError, enrolWithCode, rotateCredential, type IssuedCredential } from './enrolment-client';
export { syncStatusPublisher, type SyncStatusPublisher } from './sync-status-publisher';
