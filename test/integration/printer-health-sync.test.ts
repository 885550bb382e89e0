/**
 * Printer status reaches the owner's dashboard: a real edge store and print runner watching a
 * virtual network printer (ESC/POS over TCP), synced with a real cloud over HTTP. The printer
 * running out of paper shows on the sync-health route without waiting for a heartbeat, and
 * shows ready again once paper is back. A malformed printer report is refused and writes nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { type VirtualPrinter, startVirtualPrinter } from '@brigade/drivers/virtual';
import { storeHealth } from '@brigade/sync/schema/pg';
import type { Cloud } from '@brigade/cloud';
import { loadConfig } from '../../edge/src/config';
import { type EdgeNode, startEdgeNode } from '../../edge/src/hub/start-edge-node';
import { PrintRunner } from '../../edge/src/printing/print-runner';
import { createEnrolmentCode } from '../../cloud/src/stores/enrolment';
import { type EdgeSync, startEdgeSync } from '../../edge/src/sync';
import { printerReport } from '../../edge/src/sync/printer-report';
import { type TestStore, openTestStore } from '../../edge/src/store/test-support';
import { addTenant, createTestCloud, enrolEdge, signInAs } from '../../cloud/src/testing/harness';

interface HealthBody {
  readonly printers: readonly { id: string; name: string; role: string; status: string }[] | null;
  readonly changesWaiting: number | null;
}

let cloud: Cloud | undefined;
let edge: TestStore | undefined;
let sync: EdgeSync | undefined;
let runner: PrintRunner | undefined;
let printer: VirtualPrinter | undefined;
let node: EdgeNode | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  await node?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  node = dataDir = undefined;
  await sync?.stop();
  await runner?.stop();
  await printer?.close();
  edge?.cleanup();
  await cloud?.close();
  sync = runner = printer = edge = cloud = undefined;
});

describe('printer health on the dashboard', () => {
  it('shows a printer out of paper within seconds, then ready after recovery', async () => {
    cloud = await createTestCloud('pglite');
    const tenant = await addTenant(cloud);
    edge = openTestStore({ now: () => new Date() });
    const store = edge.store;
    const { credential } = await enrolEdge(cloud, tenant, store.outbox.nodeId);
    const url = await cloud.app.listen({ port: 0, host: '127.0.0.1' });
    printer = await startVirtualPrinter({ host: '127.0.0.1', port: 0, name: 'kitchen' });
    runner = new PrintRunner({ store, printers: [{ id: 'kitchen-1', role: 'kitchen', host: '127.0.0.1', port: printer.port, stations: ['grill'] }], pollMs: 50, retryMs: 100, probeMs: 100 });
    runner.start();
    const activeRunner = runner;
    // A heartbeat far beyond the test's waits: only a printer change can bring the news in time.
    sync = startEdgeSync({ store, cloudUrl: url, storeId: tenant.storeId, credential, heartbeatMs: 600_000, printers: () => printerReport(activeRunner.statuses()) });
    const owner = await signInAs(cloud, tenant.ownerEmail, tenant.ownerPassword);
    const printersShown = async () => (await owner.call<HealthBody>('GET', `/api/stores/${tenant.storeId}/sync-health`)).body.printers;

    await expect.poll(printersShown, { timeout: 10_000 }).toEqual([{ id: 'kitchen-1', name: `Kitchen printer (grill) at 127.0.0.1:${printer.port}`, role: 'kitchen', status: 'ready' }]);

    printer.setCondition('paper-end');
    await expect.poll(async () => (await printersShown())?.[0]?.status, { timeout: 10_000 }).toBe('paper-out');

    printer.setCondition('ready');
    await expect.poll(async () => (await printersShown())?.[0]?.status, { timeout: 10_000 }).toBe('ready');
  });

  it('a whole edge node reports its configured printers: cover open shows on the dashboard', async () => {
    cloud = await createTestCloud('pglite');
    const tenant = await addTenant(cloud);
    const cloudUrl = await cloud.app.listen({ port: 0, host: '127.0.0.1' });
    printer = await startVirtualPrinter({ host: '127.0.0.1', port: 0, name: 'front' });
    dataDir = mkdtempSync(join(tmpdir(), 'brigade-printer-health-'));
    const { code } = await createEnrolmentCode(cloud.ctx, tenant.organisationId, tenant.storeId, tenant.ownerId);
    const config = loadConfig({
      BRIGADE_DATA_DIR: dataDir, BRIGADE_HUB_HOST: '127.0.0.1', BRIGADE_HUB_PORT: '0', BRIGADE_UI_DIST: join(dataDir, 'no-ui'),
      BRIGADE_CLOUD_URL: cloudUrl, BRIGADE_ENROL_CODE: code, BRIGADE_SYNC_HEARTBEAT_MS: '600000',
      BRIGADE_PRINTERS: JSON.stringify([{ id: 'front', role: 'receipt', host: '127.0.0.1', port: printer.port }]),
    });
    node = await startEdgeNode({ config, store: { seedDemo: true }, printRunner: { pollMs: 50, retryMs: 100, probeMs: 100 } });
    const owner = await signInAs(cloud, tenant.ownerEmail, tenant.ownerPassword);
    const shown = async () => (await owner.call<HealthBody>('GET', `/api/stores/${tenant.storeId}/sync-health`)).body.printers?.find((p) => p.id === 'front')?.status;
    await expect.poll(shown, { timeout: 10_000 }).toBe('ready');
    printer.setCondition('cover-open');
    await expect.poll(shown, { timeout: 10_000 }).toBe('cover-open');
  });

  it('refuses a malformed printer report with a 400 and records nothing', async () => {
    cloud = await createTestCloud('pglite');
    const tenant = await addTenant(cloud);
    const { nodeId, credential } = await enrolEdge(cloud, tenant);
    const good = { id: 'p1', name: 'Receipt printer', role: 'receipt', status: 'ready' };
    const bad: Record<string, unknown>[] = [
      { ...good, name: 'x'.repeat(81) },
      { ...good, status: '' },
      { ...good, colour: 'red' },
      { id: 'p1', name: 'No status', role: 'receipt' },
    ];
    const healthRow = () => cloud!.ctx.database.db.select().from(storeHealth).where(eq(storeHealth.storeId, tenant.storeId));
    const before = await healthRow();
    const reports: unknown[] = [...bad.map((p) => [p]), Array.from({ length: 33 }, (_, i) => ({ ...good, id: `p${i}` })), 'ready'];
    for (const printers of reports) {
      const response = await cloud.app.inject({
        method: 'POST',
        url: '/sync/push',
        headers: { authorization: `Bearer ${credential}` },
        payload: { storeId: tenant.storeId, nodeId, epoch: 1, mutations: [], status: { waiting: 0, oldestAgeSeconds: null, printers } },
      });
      expect(response.statusCode, JSON.stringify(printers).slice(0, 80)).toBe(400);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
    }
    // Not even the heartbeat: the store's health row is as enrolment left it.
    expect(await healthRow()).toEqual(before);

    // The same push with a well-formed report is taken, so the refusals above were about the report.
    const accepted = await cloud.app.inject({
      method: 'POST',
      url: '/sync/push',
      headers: { authorization: `Bearer ${credential}` },
      payload: { storeId: tenant.storeId, nodeId, epoch: 1, mutations: [], status: { waiting: 0, oldestAgeSeconds: null, printers: [good] } },
    });
    expect(accepted.statusCode).toBe(200);
    expect((await healthRow())[0]?.printers).toEqual([good]);
  });
});
