/**
 * An edge node joining the cloud at start, both real: the node (SQLite file, hub) enrols
 * with a one-time code from BRIGADE_ENROL_CODE, keeps the credential in its database and
 * syncs with it; a refused code leaves a store that still sells and says why; a revoked
 * credential is noticed and shown while selling goes on; rotation replaces the credential
 * in the cloud and on the node.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubEvent } from '@brigade/sync/model';
import { orders } from '@brigade/sync/schema/pg';
import type { Cloud } from '@brigade/cloud';
import { loadConfig } from '../../edge/src/config';
import { type EdgeNode, startEdgeNode } from '../../edge/src/hub/start-edge-node';
import { cloudLinkRow } from '../../edge/src/sync/cloud-link-row';
import { MESSAGES } from '../../edge/src/sync/cloud-connection';
import { createOrder, payCash } from '../../edge/src/store/test-support';
import { createEnrolmentCode, revokeStoreCredentials } from '../../cloud/src/stores/enrolment';
import { type TestTenant, addTenant, createTestCloud } from '../../cloud/src/testing/harness';
import { freePort } from '../support/free-port';

const DAY_MS = 24 * 60 * 60 * 1000;
let cloud: Cloud | undefined;
let cloudUrl = '';
let tenant: TestTenant;
const nodes: EdgeNode[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const node of nodes.splice(0)) await node.close();
  await cloud?.close();
  cloud = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function startCloud(): Promise<void> {
  cloud = await createTestCloud('pglite');
  tenant = await addTenant(cloud);
  cloudUrl = await cloud.app.listen({ port: 0, host: '127.0.0.1' });
}

async function code(): Promise<string> {
  if (!cloud) throw new Error('no cloud');
  return (await createEnrolmentCode(cloud.ctx, tenant.organisationId, tenant.storeId, tenant.ownerId)).code;
}

async function startNode(dataDir: string, env: Record<string, string>, now?: () => Date): Promise<EdgeNode> {
  const config = loadConfig({
    BRIGADE_DATA_DIR: dataDir, BRIGADE_HUB_HOST: '127.0.0.1', BRIGADE_HUB_PORT: '0', BRIGADE_UI_DIST: join(dataDir, 'no-ui'),
    BRIGADE_CLOUD_URL: cloudUrl, BRIGADE_SYNC_HEARTBEAT_MS: '300', BRIGADE_SYNC_RETRY_MAX_MS: '500', ...env,
  });
  const node = await startEdgeNode({ config, store: { seedDemo: true }, cloud: { enrolRetryMs: 100, ...(now ? { now } : {}) } });
  nodes.push(node);
  await node.cloud.ready;
  return node;
}

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'brigade-enrol-'));
  dirs.push(dir);
  return dir;
}

async function cloudOrders(orderId: string): Promise<number> {
  if (!cloud) throw new Error('no cloud');
  return (await cloud.ctx.database.db.select({ id: orders.id }).from(orders).where(eq(orders.id, orderId))).length;
}

async function stopNode(node: EdgeNode): Promise<void> {
  nodes.splice(nodes.indexOf(node), 1);
  await node.close();
}

describe('an edge node joining the cloud at start', () => {
  it('enrols with a good code, keeps the credential, syncs a sale, and uses the stored credential after a restart', async () => {
    await startCloud();
    const dir = freshDir();
    // A heartbeat a minute apart: only the commit's wake can bring the sale up within the poll.
    const node = await startNode(dir, { BRIGADE_ENROL_CODE: await code(), BRIGADE_SYNC_HEARTBEAT_MS: '60000' });
    await expect.poll(() => node.cloud.status().state, { timeout: 10_000 }).toBe('online');
    expect(node.cloud.status().storeId).toBe(tenant.storeId);
    expect(node.store.queries.syncStatus()).toMatchObject({ cloud: 'online', online: true });

    const order = await payCash(node.store, await createOrder(node.store));
    // Woken by the commit, not by the next heartbeat: the outbox drains and the cloud holds the order once.
    await expect.poll(() => cloudOrders(order.id), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => node.store.queries.syncStatus().waiting, { timeout: 10_000 }).toBe(0);
    await stopNode(node);

    // The code was single-use: only the stored credential can link the node again.
    const again = await startNode(dir, { BRIGADE_ENROL_CODE: 'ZZZZZ-ZZZZZ' });
    await expect.poll(() => again.cloud.status().state, { timeout: 10_000 }).toBe('online');
    const second = await payCash(again.store, await createOrder(again.store));
    await expect.poll(() => cloudOrders(second.id), { timeout: 10_000 }).toBe(1);
  });

  it('refuses a bad code with a clear message and the store still starts and sells', async () => {
    await startCloud();
    const node = await startNode(freshDir(), { BRIGADE_ENROL_CODE: 'ABCDE-FGHJK' });
    const status = node.store.queries.syncStatus();
    expect(status.cloud).toBe('not-enrolled');
    expect(status.message).toContain('ENROLMENT_CODE_INVALID');
    const health = await fetch(`http://127.0.0.1:${node.port}/healthz`);
    expect(health.status).toBe(200);
    await payCash(node.store, await createOrder(node.store));
    expect(node.store.queries.syncStatus().waiting).toBeGreaterThan(0);
    expect(cloudLinkRow(node.store.db).read()).toBeNull();
  });

  it('says the store is not enrolled when there is a cloud but no code', async () => {
    await startCloud();
    const node = await startNode(freshDir(), {});
    expect(node.store.queries.syncStatus()).toMatchObject({ cloud: 'not-enrolled', online: false });
    expect(node.store.queries.syncStatus().message).toContain('BRIGADE_ENROL_CODE');
  });

  it('keeps trying to enrol while the cloud cannot be reached, and enrols by itself once it can', async () => {
    cloud = await createTestCloud('pglite');
    tenant = await addTenant(cloud);
    const port = await freePort();
    cloudUrl = `http://127.0.0.1:${port}`;
    const node = await startNode(freshDir(), { BRIGADE_ENROL_CODE: await code() });
    expect(node.store.queries.syncStatus()).toMatchObject({ cloud: 'not-enrolled', message: MESSAGES.unreachable });
    await cloud.app.listen({ port, host: '127.0.0.1' });
    await expect.poll(() => node.cloud.status().state, { timeout: 10_000 }).toBe('online');
    expect(node.cloud.status().storeId).toBe(tenant.storeId);
  });

  it('notices a revoked credential, tells the screens, keeps selling, and re-enrols with a new code', async () => {
    await startCloud();
    const dir = freshDir();
    const node = await startNode(dir, { BRIGADE_ENROL_CODE: await code() });
    await expect.poll(() => node.cloud.status().state, { timeout: 10_000 }).toBe('online');
    const events: HubEvent[] = [];
    node.store.onEvents((batch) => events.push(...batch));

    if (!cloud) throw new Error('no cloud');
    expect(await revokeStoreCredentials(cloud.ctx, tenant.organisationId, tenant.storeId)).toBe(1);
    await expect.poll(() => node.cloud.status().state, { timeout: 10_000 }).toBe('revoked');
    expect(events.some((e) => e.type === 'sync.status' && e.cloud === 'revoked')).toBe(true);
    const status = node.store.queries.syncStatus();
    expect(status).toMatchObject({ cloud: 'revoked', online: false });
    expect(status.message).toContain('re-enrol');

    const order = await payCash(node.store, await createOrder(node.store));
    expect(node.store.queries.syncStatus().waiting).toBeGreaterThan(0);
    await stopNode(node);

    // After a restart the node still knows, without asking the cloud.
    const stillRevoked = await startNode(dir, {});
    expect(stillRevoked.store.queries.syncStatus().cloud).toBe('revoked');
    await stopNode(stillRevoked);

    const reEnrolled = await startNode(dir, { BRIGADE_ENROL_CODE: await code() });
    await expect.poll(() => reEnrolled.cloud.status().state, { timeout: 10_000 }).toBe('online');
    await expect.poll(() => cloudOrders(order.id), { timeout: 10_000 }).toBe(1);
  });

  it('rotates the credential on demand and when it is older than the limit; the old one stops working', async () => {
    await startCloud();
    const dir = freshDir();
    const node = await startNode(dir, { BRIGADE_ENROL_CODE: await code() });
    await expect.poll(() => node.cloud.status().state, { timeout: 10_000 }).toBe('online');
    const first = cloudLinkRow(node.store.db).read();
    if (!first) throw new Error('no stored credential');

    await node.cloud.rotate();
    const second = cloudLinkRow(node.store.db).read();
    expect(second?.credentialId).not.toBe(first.credentialId);
    const oldRefused = await fetch(`${cloudUrl}/sync/credential/rotate`, { method: 'POST', headers: { authorization: `Bearer ${first.credential}` } });
    expect(oldRefused.status).toBe(401);
    const order = await payCash(node.store, await createOrder(node.store));
    await expect.poll(() => cloudOrders(order.id), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => node.cloud.status().state, { timeout: 10_000 }).toBe('online');
    await stopNode(node);

    // Forty days later the node rotates at start by itself.
    const later = () => new Date(Date.now() + 40 * DAY_MS);
    const aged = await startNode(dir, {}, later);
    await expect.poll(() => cloudLinkRow(aged.store.db).read()?.credentialId, { timeout: 10_000 }).not.toBe(second?.credentialId);
    const third = await payCash(aged.store, await createOrder(aged.store));
    await expect.poll(() => cloudOrders(third.id), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => aged.cloud.status().state, { timeout: 10_000 }).toBe('online');
  });

  it('the headless service prints a refused code in its banner, keeps running and says why in its log', async () => {
    await startCloud();
    const dir = freshDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'edge/src/main.ts'], {
      cwd: fileURLToPath(new URL('../../', import.meta.url)),
      env: { ...process.env, BRIGADE_DATA_DIR: dir, BRIGADE_HUB_HOST: '127.0.0.1', BRIGADE_HUB_PORT: '0', BRIGADE_UI_DIST: join(dir, 'no-ui'), BRIGADE_CLOUD_URL: cloudUrl, BRIGADE_ENROL_CODE: 'ABCDE-FGHJK', BRIGADE_LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    try {
      await expect.poll(() => out, { timeout: 20_000 }).toMatch(/Cloud\s+http:\/\/127\.0\.0\.1:\d+ — not-enrolled/);
      expect(out).toContain('ENROLMENT_CODE_INVALID');
      expect(out).toMatch(/POS\s+http:\/\/127\.0\.0\.1:\d+\/pos\//);
      // The log line an operator reads in the journal (pino writes it asynchronously, so it may follow the banner).
      await expect.poll(() => out, { timeout: 10_000 }).toMatch(/"msg":"enrolment with the cloud failed: That enrolment code is not valid/);
      expect(child.exitCode).toBeNull();
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
