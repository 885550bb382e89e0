/**
 * The invariant checker can fail: after a real trial settles with no violation, each kind of
 * breach is planted in the real databases (a stock movement lost in the cloud, a ledger seq
 * gone, an order moved back, a shape row changed on the edge, a payment captured twice…) and
 * the checker must name the invariant it breaks. Every plant is undone before the next.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../cloud/src/db/database';
import { FaultNetwork } from '../support/sim/fault-network';
import { type InvariantName, checkInvariants } from '../support/sim/invariants';
import { type TrialContext, prepareEdge, runStep } from '../support/sim/run-steps';
import { settle } from '../support/sim/settle';
import { type SimCloud, startSimCloud } from '../support/sim/sim-cloud';
import { seededRandom, simClock } from '../support/sim/sim-clock';
import { type SimEdge, closeSimEdge, openSimStore, startSimSync } from '../support/sim/sim-edge';

describe('the invariant checker', () => {
  let sim: SimCloud;
  let edge: SimEdge;
  let ctx: TrialContext;

  beforeAll(async () => {
    sim = await startSimCloud('pglite');
    const clock = simClock('2026-03-10T15:00:00.000Z');
    const network = new FaultNetwork({ random: seededRandom(7) });
    const stores = await sim.createStores(1);
    const store = stores[0];
    if (!store) throw new Error('no store was created');
    const opened = openSimStore(clock);
    edge = { index: 0, dir: opened.dir, store: opened.store, storeId: store.storeId, credential: await sim.enrol(store.storeId, opened.store.outbox.nodeId), sync: null, schemaVersion: 1 };
    ctx = { sim, network, clock, edges: [edge], stores, orders: [[]], online: [], outcomes: new Map(), errors: [] };
    await prepareEdge(ctx, edge);
    startSimSync(edge, sim.url, network.fetchFor(0), clock);
    await runStep(ctx, { kind: 'sale', edge: 0, lines: [{ item: 'burger', quantity: 2 }, { item: 'fries', quantity: 1 }], tender: 'card', fire: true });
    await runStep(ctx, { kind: 'sale', edge: 0, lines: [{ item: 'cola', quantity: 1 }], tender: 'split', fire: false });
    await runStep(ctx, { kind: '86', edge: 0, item: 'cola', unavailable: true });
    await runStep(ctx, { kind: 'online', edge: 0, lines: [{ item: 'fries', quantity: 2 }], paid: true, webhookTwice: true });
    expect(await settle(sim, network, [edge])).toEqual([]);
    await edge.sync?.stop();
    expect(ctx.errors).toEqual([]);
  }, 120_000);
  afterAll(async () => {
    if (edge) await closeSimEdge(edge);
    await sim?.close();
  });

  const check = async () => checkInvariants({ cloud: sim.cloud.ctx.database.db, edges: [{ label: 'edge 0', db: edge.store.db, storeId: edge.storeId }], wire: ctx.network.wire });
  const names = async () => [...new Set((await check()).map((v) => v.invariant))].sort();
  const cloudExec = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) => queryRows<T>(sim.cloud.ctx.database.db, query);

  it('finds nothing wrong with a settled trial', async () => {
    expect(await check()).toEqual([]);
    // The trial did what the plants below rely on.
    expect(edge.store.db.prepare("SELECT count(*) AS n FROM payments WHERE tender = 'online'").get()).toEqual({ n: 1 });
    expect(ctx.network.wire.pushes.length).toBeGreaterThan(0);
  });

  async function planted(expected: InvariantName[], plant: () => Promise<void> | void, undo: () => Promise<void> | void): Promise<void> {
    await plant();
    try {
      expect(await names()).toEqual(expected);
    } finally {
      await undo();
    }
    expect(await check()).toEqual([]);
  }

  it('reports a stock movement the cloud lost', async () => {
    type Movement = { id: string; organisation_id: string; store_id: string; item_id: string; delta: number; reason: string; order_id: string | null; occurred_at: string };
    const [lost] = await cloudExec<Movement>(sql`SELECT id, organisation_id, store_id, item_id, delta, reason, order_id, occurred_at FROM stock_movements WHERE store_id = ${edge.storeId} LIMIT 1`);
    if (!lost) throw new Error('the trial moved no stock');
    await planted(
      ['stock-sums'],
      () => cloudExec(sql`DELETE FROM stock_movements WHERE id = ${lost.id}`).then(() => undefined),
      () => cloudExec(sql`INSERT INTO stock_movements (id, organisation_id, store_id, item_id, delta, reason, order_id, occurred_at) VALUES (${lost.id}, ${lost.organisation_id}, ${lost.store_id}, ${lost.item_id}, ${lost.delta}, ${lost.reason}, ${lost.order_id}, ${lost.occurred_at})`).then(() => undefined),
    );
  });

  it('reports a hole in the applied seqs', async () => {
    const nodeId = edge.store.outbox.nodeId;
    await planted(
      ['no-seq-gaps', 'acked-once'].sort() as InvariantName[],
      () => cloudExec(sql`UPDATE applied_mutations SET seq = seq + 100000 WHERE node_id = ${nodeId} AND seq = 2`).then(() => undefined),
      () => cloudExec(sql`UPDATE applied_mutations SET seq = seq - 100000 WHERE node_id = ${nodeId} AND seq = 100002`).then(() => undefined),
    );
  });

  it('reports an order that differs in the cloud', async () => {
    await planted(
      ['orders-equal'],
      () => cloudExec(sql`UPDATE orders SET paid = paid + 1 WHERE store_id = ${edge.storeId} AND channel = 'counter'`).then(() => undefined),
      () => cloudExec(sql`UPDATE orders SET paid = paid - 1 WHERE store_id = ${edge.storeId} AND channel = 'counter'`).then(() => undefined),
    );
  });

  it('reports an order status that went backwards on the edge', async () => {
    const order = edge.store.db.prepare("SELECT payload FROM hub_events WHERE type = 'order.updated' AND payload LIKE '%\"status\":\"preparing\"%' LIMIT 1").get() as { payload: string } | undefined;
    if (!order) throw new Error('no order was fired');
    const reopened = order.payload.replace('"status":"preparing"', '"status":"open"');
    let seq = 0;
    await planted(
      ['status-forward'],
      () => void (seq = Number(edge.store.db.prepare("INSERT INTO hub_events (type, topic, payload) VALUES ('order.updated', 'store', ?)").run(reopened).lastInsertRowid)),
      () => void edge.store.db.prepare('DELETE FROM hub_events WHERE seq = ?').run(seq),
    );
  });

  it('reports an edge shape row that is not the cloud row', async () => {
    const row = edge.store.db.prepare("SELECT key, value FROM shape_rows WHERE shape = 'menu_items' LIMIT 1").get() as { key: string; value: string };
    const changed = JSON.stringify({ ...(JSON.parse(row.value) as Record<string, unknown>), price: 1 });
    await planted(
      ['shapes-equal'],
      () => void edge.store.db.prepare("UPDATE shape_rows SET value = ? WHERE shape = 'menu_items' AND key = ?").run(changed, row.key),
      () => void edge.store.db.prepare("UPDATE shape_rows SET value = ? WHERE shape = 'menu_items' AND key = ?").run(row.value, row.key),
    );
  });

  it('reports a mutation left in the outbox', async () => {
    await planted(
      // Its seq was given out but never reached the cloud's ledger.
      ['acked-once', 'no-seq-gaps', 'outbox-drained'],
      () => void edge.store.db.prepare("INSERT INTO outbox (mutation_id, name, args, created_at) VALUES ('planted', 'audit.append', '{}', '2026-03-10T15:00:00.000Z')").run(),
      () => {
        edge.store.db.prepare("DELETE FROM outbox WHERE mutation_id = 'planted'").run();
        edge.store.db.prepare("UPDATE sqlite_sequence SET seq = seq - 1 WHERE name = 'outbox'").run();
      },
    );
  });

  it('reports an online payment recorded twice and an 86 the cloud does not have', async () => {
    const payment = edge.store.db.prepare("SELECT id, reference FROM payments WHERE tender = 'card' LIMIT 1").get() as { id: string; reference: string };
    const online = edge.store.db.prepare("SELECT reference FROM payments WHERE tender = 'online' LIMIT 1").get() as { reference: string };
    await planted(
      ['availability-equal', 'payments-once'],
      () => {
        edge.store.db.prepare('UPDATE payments SET reference = ? WHERE id = ?').run(online.reference, payment.id);
        edge.store.db.prepare("UPDATE item_availability SET unavailable = 0 WHERE item_id = 'item-cola'").run();
      },
      () => {
        edge.store.db.prepare('UPDATE payments SET reference = ? WHERE id = ?').run(payment.reference, payment.id);
        edge.store.db.prepare("UPDATE item_availability SET unavailable = 1 WHERE item_id = 'item-cola'").run();
      },
    );
  });

  it('reports a paid online order the store never took in', async () => {
    await planted(
      // The renamed row is also no longer what the edge's online_orders shape holds.
      ['online-once', 'shapes-equal'],
      () => cloudExec(sql`UPDATE online_orders SET id = id || '-x' WHERE store_id = ${edge.storeId}`).then(() => undefined),
      () => cloudExec(sql`UPDATE online_orders SET id = left(id, length(id) - 2) WHERE store_id = ${edge.storeId}`).then(() => undefined),
    );
  });
});
