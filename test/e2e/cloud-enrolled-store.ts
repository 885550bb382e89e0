/**
 * The demo cloud of the cloud-app specs with a real edge store (SQLite in a temporary folder)
 * enrolled in it through the real enrolment route and syncing over HTTP, for the dashboard
 * specs that drive the store directly and check what the owner sees.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EdgeStore, openEdgeStore } from '@brigade/edge';
import { type EdgeSync, startEdgeSync } from '@brigade/edge/sync';
import { type TestCloud, DEMO_CLOUD, startTestCloud } from './cloud-test-cloud';

export interface CloudEnrolledStore {
  readonly cloud: TestCloud;
  readonly store: EdgeStore;
  readonly sync: EdgeSync;
  /** Stops sync, closes the store, closes the cloud and removes the store's folder. */
  close(): Promise<void>;
}

/** `name` tells the temporary folder apart; `now` is the store's clock (the real one when absent). */
export async function startCloudEnrolledStore(name: string, now?: () => Date): Promise<CloudEnrolledStore> {
  const cloud = await startTestCloud();
  const dir = mkdtempSync(join(tmpdir(), `brigade-e2e-${name}-`));
  let store: EdgeStore | undefined;
  try {
    store = openEdgeStore({ dataDir: dir, seedDemo: true, ...(now ? { now } : {}) });
    const code = await cloud.owner<{ code: string }>('POST', `/api/stores/${DEMO_CLOUD.storeId}/enrolment-codes`);
    const enrol = await fetch(`${cloud.url}/sync/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: code.body.code, nodeId: store.outbox.nodeId }) });
    const { credential } = (await enrol.json()) as { credential: string };
    const sync = startEdgeSync({ store, cloudUrl: cloud.url, storeId: DEMO_CLOUD.storeId, credential, heartbeatMs: 500 });
    const opened = store;
    return {
      cloud, store, sync,
      async close() {
        await sync.stop();
        opened.close();
        await cloud.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    store?.close();
    await cloud.close();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
