/**
 * A real cloud with a tenant and a real edge store (SQLite file) enrolled in it, for the
 * integration tests that sync the two over HTTP. Sync starts only when a test asks, so a
 * test can run the store offline first; `close()` undoes everything in the right order.
 */
import type { Menu } from '@brigade/sync/model';
import type { Cloud, CloudOptions } from '@brigade/cloud';
import { type EdgeSync, type EdgeSyncOptions, startEdgeSync } from '../../edge/src/sync';
import type { EdgeStoreOptions } from '../../edge/src/store/types';
import { type TestStore, openTestStore } from '../../edge/src/store/test-support';
import type { BackendKind } from '../../cloud/src/db/test-backends';
import { type TestTenant, addTenant, createTestCloud, enrolEdge } from '../../cloud/src/testing/harness';

export interface SyncedEdgeOptions {
  readonly cloud?: CloudOptions;
  /** The tenant's menu (the demo menu when absent). */
  readonly menu?: Menu;
  readonly store?: Partial<EdgeStoreOptions>;
}

/** What a test may override when the edge's sync client starts (store, URL and credential are fixed). */
export type SyncOverrides = Partial<Omit<EdgeSyncOptions, 'store' | 'cloudUrl' | 'storeId' | 'credential'>>;

export interface SyncedEdge {
  readonly cloud: Cloud;
  readonly tenant: TestTenant;
  readonly edge: TestStore;
  readonly credential: string;
  /** The cloud listening on 127.0.0.1 at a free port; its URL (listens once). */
  listen(): Promise<string>;
  /** Starts the edge's sync client against the listening cloud, heartbeat every 200 ms. */
  startSync(overrides?: SyncOverrides): Promise<EdgeSync>;
  /** Stops sync, removes the store's files and closes the cloud. */
  close(): Promise<void>;
}

export async function createSyncedEdge(kind: BackendKind, options: SyncedEdgeOptions = {}): Promise<SyncedEdge> {
  const cloud = await createTestCloud(kind, options.cloud);
  let edge: TestStore | undefined;
  try {
    const tenant = await addTenant(cloud, options.menu);
    edge = openTestStore(options.store);
    const { credential } = await enrolEdge(cloud, tenant, edge.store.outbox.nodeId);
    return synced(cloud, tenant, edge, credential);
  } catch (err) {
    edge?.cleanup();
    await cloud.close();
    throw err;
  }
}

function synced(cloud: Cloud, tenant: TestTenant, edge: TestStore, credential: string): SyncedEdge {
  let url: Promise<string> | undefined;
  const syncs: EdgeSync[] = [];
  const listen = () => (url ??= cloud.app.listen({ port: 0, host: '127.0.0.1' }));
  return {
    cloud, tenant, edge, credential, listen,
    async startSync(overrides = {}) {
      const cloudUrl = await listen();
      const sync = startEdgeSync({ store: edge.store, cloudUrl, storeId: tenant.storeId, credential, heartbeatMs: 200, ...overrides });
      syncs.push(sync);
      return sync;
    },
    async close() {
      for (const sync of syncs.splice(0)) await sync.stop();
      edge.cleanup();
      await cloud.close();
    },
  };
}
