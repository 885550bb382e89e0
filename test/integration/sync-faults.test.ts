/**
 * The push protocol under random faults (sync.md §8.4), driven by fast-check: requests lost,
 * responses lost after the cloud committed, requests duplicated and raced, batch sizes varied.
 * After the outbox drains, every mutation is in the cloud exactly once, with no seq gaps, the
 * stock deltas add up and every order holds its highest version.
 */
import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '@brigade/sync/model';
import type { OutboxMutation } from '@brigade/sync/protocol';
import { createPusher } from '@brigade/sync/engine';
import { appliedMutations, orders } from '@brigade/sync/schema/pg';
import type { Cloud } from '@brigade/cloud';
import { queryRows } from '../../cloud/src/db/database';
import { BACKENDS } from '../../cloud/src/db/test-backends';
import { type TestTenant, addTenant, createTestCloud, enrolEdge, makeOrder, snapshotMutation, stockMutation } from '../../cloud/src/testing/harness';

type Fault = 'none' | 'drop-request' | 'drop-response' | 'duplicate';

describe.each(BACKENDS)('push under random faults on %s', (kind) => {
  let cloud: Cloud;
  let tenant: TestTenant;
  let url: string;
  beforeAll(async () => {
    cloud = await createTestCloud(kind);
    tenant = await addTenant(cloud);
    url = await cloud.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await cloud.close();
  });

  it('applies every mutation exactly once whatever the network does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ kind: fc.constantFrom('stock', 'order', 'order-again'), delta: fc.integer({ min: -5, max: 5 }) }), { minLength: 5, maxLength: 40 }),
        fc.array(fc.constantFrom<Fault>('none', 'none', 'drop-request', 'drop-response', 'duplicate'), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 12 }),
        async (plan, faults, batchSize) => {
          const edge = await enrolEdge(cloud, tenant);
          let outbox: OutboxMutation[] = [];
          const versions = new Map<string, number>();
          let lastOrder = makeOrder();
          let expectedDelta = 0;
          const stockIds: string[] = [];
          plan.forEach((step, i) => {
            const seq = i + 1;
            if (step.kind === 'stock') {
              const m = stockMutation(seq, DEMO.cola, step.delta);
              expectedDelta += step.delta;
              stockIds.push((m.args as { id: string }).id);
              outbox.push(m);
            } else {
              if (step.kind === 'order') lastOrder = makeOrder();
              const version = (versions.get(lastOrder.id) ?? 0) + 1;
              versions.set(lastOrder.id, version);
              outbox.push(snapshotMutation(seq, { ...lastOrder, number: `V${version}` }, version));
            }
          });
          let call = 0;
          const faulty: typeof fetch = async (input, init) => {
            const fault = faults[call++ % faults.length];
            if (fault === 'drop-request') throw new TypeError('fetch failed: request lost');
            if (fault === 'duplicate') {
              const [first] = await Promise.all([fetch(input, init), fetch(input, init).then((r) => r.text())]);
              return first;
            }
            const response = await fetch(input, init);
            if (fault === 'drop-response') {
              await response.text();
              throw new TypeError('fetch failed: response lost');
            }
            return response;
          };
          const pusher = createPusher({
            peek: (limit) => outbox.slice(0, limit),
            ack: (upto) => {
              outbox = outbox.filter((m) => m.seq > upto);
            },
            nodeId: edge.nodeId,
            epoch: 1,
            storeId: tenant.storeId,
            url,
            credential: edge.credential,
            fetch: faulty,
            batchSize,
          });
          for (let round = 0; outbox.length > 0 && round < 500; round++) await pusher.pushOnce().catch(() => undefined);
          expect(outbox).toEqual([]);

          const db = cloud.ctx.database.db;
          const ledger = await db.select({ seq: appliedMutations.seq }).from(appliedMutations).where(and(eq(appliedMutations.nodeId, edge.nodeId), eq(appliedMutations.epoch, 1)));
          expect(ledger.map((l) => l.seq).sort((a, b) => a - b)).toEqual(plan.map((_, i) => i + 1));
          const stock = await queryRows<{ total: string; n: number }>(
            db,
            sql`SELECT coalesce(sum(delta), 0)::text AS total, count(*)::int AS n FROM stock_movements WHERE id IN (${sql.join(stockIds.length > 0 ? stockIds.map((id) => sql`${id}`) : [sql`''`], sql`, `)})`,
          );
          expect(stock[0]).toEqual({ total: String(expectedDelta), n: stockIds.length });
          for (const [orderId, version] of versions) {
            const row = (await db.select({ version: orders.version, number: orders.number }).from(orders).where(eq(orders.id, orderId)))[0];
            expect(row).toEqual({ version, number: `V${version}` });
          }
        },
      ),
      { numRuns: 6, seed: 20_261_122 },
    );
  });
});
