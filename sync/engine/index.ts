/** Node-only sync machinery shared by the edge and the cloud. */
export * from './pusher';
export * from './backoff';
export * from './shape-follower';
export * from './crash-points';
