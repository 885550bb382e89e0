/**
 * The outbox pusher against a real cloud over real HTTP (PGlite and PostgreSQL), with faults
 * injected into fetch: requests lost before they arrive, responses lost after the cloud
 * committed. Every mutation must land exactly once and be acked only after the cloud has it.
 */
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DEMO } from '@brigade/sync/model';
import type { OutboxMutation } from '@brigade/sync/protocol';
import { createPusher } from '@brigade/sync/engine';
import { appliedMutations, orders, stockMovements, storeHealth, stores } from '@brigade/sync/schema/pg';
import { BACKENDS } from '../../cloud/src/db/test-backends';
import { enrolEdge, makeOrder, snapshotMutation, stockMutation, tenantClouds } from '../../cloud/src/testing/harness';

/** An outbox as the edge keeps it: rows in seq order, forgotten only on ack. */
class MemoryOutbox {
  rows: OutboxMutation[] = [];
  acks: number[] = [];
  peek = (limit: number) => this.rows.slice(0, limit);
  ack = (upto: number) => {
    this.acks.push(upto);
    this.rows = this.rows.filter((r) => r.seq > upto);
  };
  count = () => this.rows.length;
}

describe.each(BACKENDS)('outbox pusher against the cloud on %s', (kind) => {
  const clouds = tenantClouds(kind);

  async function setup() {
    const { cloud, tenant, db } = await clouds.withTenant();
    const edge = await enrolEdge(cloud, tenant);
    const url = await cloud.app.listen({ port: 0, host: '127.0.0.1' });
    return { cloud, tenant, edge, url, db };
  }

  it('drains a backlog larger than one batch, acking only what the cloud confirmed', async () => {
    const { tenant, edge, url, db } = await setup();
    const outbox = new MemoryOutbox();
    for (let seq = 1; seq <= 600; seq++) outbox.rows.push(seq % 10 === 0 ? snapshotMutation(seq, makeOrder()) : stockMutation(seq, DEMO.cola, -1));
    const pusher = createPusher({ ...outbox, nodeId: edge.nodeId, epoch: 1, storeId: tenant.storeId, url, credential: edge.credential });
    while (outbox.rows.length > 0) await pusher.pushOnce();
    expect(outbox.acks).toEqual([500, 600]);
    expect((await db.select({ n: count() }).from(stockMovements))[0]?.n).toBe(540);
    expect((await db.select({ n: count() }).from(orders))[0]?.n).toBe(60);
    expect(pusher.status()).toMatchObject({ online: true, waiting: 0, lastError: null, lastAckedSeq: 600 });
  });

  it('applies nothing twice when responses are lost after the cloud committed', async () => {
    const { tenant, edge, url, db } = await setup();
    const outbox = new MemoryOutbox();
    for (let seq = 1; seq <= 30; seq++) outbox.rows.push(snapshotMutation(seq, makeOrder()));
    let calls = 0;
    const lossy: typeof fetch = async (input, init) => {
      calls++;
      if (calls % 3 === 1) throw new TypeError('fetch failed: request lost');
      const response = await fetch(input, init);
      if (calls % 3 === 2) {
        await response.text();
        throw new TypeError('fetch failed: response lost');
      }
      return response;
    };
    const pusher = createPusher({ ...outbox, nodeId: edge.nodeId, epoch: 1, storeId: tenant.storeId, url, credential: edge.credential, fetch: lossy, batchSize: 7, backoff: { baseMs: 1, maxMs: 5 } });
    pusher.start();
    await expect.poll(() => outbox.rows.length, { timeout: 20_000 }).toBe(0);
    await pusher.stop();
    expect((await db.select({ n: count() }).from(orders))[0]?.n).toBe(30);
    expect((await db.select({ n: count() }).from(appliedMutations))[0]?.n).toBe(30);
    expect(calls).toBeGreaterThan(10);
  });

  it('shows the store offline with the waiting count while the cloud cannot be reached', async () => {
    const { tenant, edge } = await setup();
    const outbox = new MemoryOutbox();
    outbox.rows.push({ ...stockMutation(1, DEMO.cola, -1), createdAt: new Date(Date.now() - 90_000).toISOString() });
    const pusher = createPusher({ ...outbox, nodeId: edge.nodeId, epoch: 1, storeId: tenant.storeId, url: 'http://127.0.0.1:9', credential: edge.credential, backoff: { baseMs: 1, maxMs: 5 } });
    pusher.start();
    await expect.poll(() => pusher.status().consecutiveFailures, { timeout: 10_000 }).toBeGreaterThan(2);
    await pusher.stop();
    const status = pusher.status();
    expect(status.online).toBe(false);
    expect(status.waiting).toBe(1);
    expect(status.oldestAgeSeconds).toBeGreaterThanOrEqual(90);
    expect(status.lastError).toMatch(/fetch failed/);
    expect(outbox.acks).toEqual([]);
  });

  it('reports a refused credential without acking anything', async () => {
    const { tenant, edge, url } = await setup();
    const outbox = new MemoryOutbox();
    outbox.rows.push(stockMutation(1, DEMO.cola, -1));
    const pusher = createPusher({ ...outbox, nodeId: edge.nodeId, epoch: 1, storeId: tenant.storeId, url, credential: 'bsc_revokedrevokedrevoked' });
    await expect(pusher.pushOnce()).rejects.toMatchObject({ status: 401, code: 'CREDENTIAL_INVALID' });
    expect(outbox.acks).toEqual([]);
  });

  it('sends a heartbeat with an empty outbox that resumes a store paused for silence', async () => {
    const { cloud: c, tenant, edge, url, db } = await setup();
    await db.update(stores).set({ onlineOrderingPaused: true, pausedReason: 'offline' }).where(eq(stores.id, tenant.storeId));
    const outbox = new MemoryOutbox();
    const pusher = createPusher({ ...outbox, nodeId: edge.nodeId, epoch: 1, storeId: tenant.storeId, url, credential: edge.credential });
    const before = Date.now();
    await pusher.pushOnce();
    const store = (await db.select().from(stores).where(eq(stores.id, tenant.storeId)))[0];
    expect(store?.onlineOrderingPaused).toBe(false);
    const health = (await db.select().from(storeHealth).where(eq(storeHealth.storeId, tenant.storeId)))[0];
    expect(Date.parse(health?.lastHeardAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
    expect(health?.changesWaiting).toBe(0);
    expect(c.ctx.settings.heartbeatTimeoutMs).toBe(60_000);
  });
});
