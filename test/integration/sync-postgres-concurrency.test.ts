/**
 * Concurrency on a real PostgreSQL server (PGlite's single connection hides it): 20 enrolled
 * edge stores (real SQLite files) each write ≥ 500 mutations — paid orders, stock movements,
 * 86s — through their own commands while two pushers per node (the edge's own to one cloud
 * process, a racing one with smaller batches to another) push overlapping batches; shape
 * followers (the edge's own into SQLite and in-memory ones on the other process) follow every
 * store while the owners edit menus, some in slow transactions that commit after faster ones.
 * Afterwards: each mutation applied exactly once with no seq gap, the stores' orders, stock
 * and 86s equal in the cloud, every follower holds exactly the cloud's rows, and each
 * follower's offsets only grew.
 */
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO } from '@brigade/sync/model';
import type { ShapeName } from '@brigade/sync/protocol';
import { type Cloud, createCloud } from '@brigade/cloud';
import { queryRows } from '../../cloud/src/db/database';
import { type EdgeSync, startEdgeSync } from '../../edge/src/sync';
import { type TestStore, openTestStore } from '../../edge/src/store/test-support';
import { type PostgresCluster, startPostgres } from '../support/postgres';
import { type FleetTenant, type MemoryFollower, type RacingPusher, generatedSeq, memoryFollower, racingPusher, runStoreWorkload, seedFleetTenant } from '../support/pg-fleet';
import { canonicalRows, freshShapeRows } from '../support/shape-rows';
import { checkInvariants } from '../support/sim/invariants';

const EDGES = 20;
const MUTATIONS = 500;
const EDIT_ROUNDS = 6;
const FOLLOWED_IN_MEMORY: readonly ShapeName[] = ['menu_items'];

interface FleetStore {
  readonly n: number;
  readonly tenant: FleetTenant;
  readonly credential: string;
  readonly edge: TestStore;
  sync?: EdgeSync;
  racer?: RacingPusher;
  readonly followers: MemoryFollower[];
}

let cluster: PostgresCluster | undefined;
let clouds: Cloud[] = [];
let urls: string[] = [];
let direct: pg.Pool | undefined;
const fleet: FleetStore[] = [];

beforeAll(async () => {
  cluster = await startPostgres();
  const databaseUrl = await cluster.createDatabase();
  // Two cloud processes on one database: their publishers, pools and LISTEN connections compete.
  clouds = [await createCloud({ databaseUrl, settings: { longPollMs: 5_000 } }), await createCloud({ databaseUrl, settings: { longPollMs: 5_000 } })];
  urls = await Promise.all(clouds.map((c) => c.app.listen({ port: 0, host: '127.0.0.1' })));
  direct = new pg.Pool({ connectionString: databaseUrl, max: EDGES });
  for (let n = 0; n < EDGES; n++) {
    const edge = openTestStore({ now: () => new Date() });
    const { tenant, credential } = await seedFleetTenant(clouds[0]!, n, edge.store.outbox.nodeId);
    fleet.push({ n, tenant, credential, edge, followers: [] });
  }
}, 240_000);

afterAll(async () => {
  for (const s of fleet) {
    for (const f of s.followers) f.follower.stop();
    await s.racer?.pusher.stop();
    await s.sync?.stop();
    s.edge.cleanup();
  }
  await direct?.end();
  for (const c of clouds) await c.close();
  await cluster?.stop();
});

/** The owner's edits of one store: menu PATCHes through the API, and slow transactions that commit after faster ones. */
async function ownerEdits(s: FleetStore): Promise<void> {
  const cloud = clouds[1]!;
  const login = await cloud.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: s.tenant.ownerEmail, password: s.tenant.ownerPassword }, remoteAddress: `10.1.0.${s.n + 1}` });
  const token = login.json<{ accessToken: string }>().accessToken;
  const slow = async (statement: string, values: unknown[]) => {
    const client = await direct!.connect();
    try {
      await client.query('BEGIN');
      await client.query(statement, values);
      // Held open while other stores' pushes and this owner's API edit commit and get published.
      await client.query('SELECT pg_sleep(0.25)');
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  };
  for (let round = 0; round < EDIT_ROUNDS; round++) {
    const patch = cloud.app.inject({
      method: 'PATCH', url: `/api/menus/${s.tenant.menuId}/items/${DEMO.fries}`,
      headers: { authorization: `Bearer ${token}` }, payload: { price: 400 + 10 * s.n + round },
    });
    const edits = [
      slow('UPDATE stores SET name = $1 WHERE id = $2', [`Fleet store ${s.n} r${round}`, s.tenant.storeId]),
      slow('UPDATE menu_items SET description = $1 WHERE store_id = $2 AND id = $3', [`round ${round}`, s.tenant.storeId, DEMO.lemonade]),
    ];
    if (round === 2) edits.push(slow('DELETE FROM menu_items WHERE store_id = $1 AND id = $2', [s.tenant.storeId, DEMO.brulee]));
    const [patched] = await Promise.all([patch, ...edits]);
    expect(patched.statusCode).toBe(200);
  }
}

async function cloudCounts(s: FleetStore) {
  const db = clouds[0]!.ctx.database.db;
  const node = s.edge.store.outbox.nodeId;
  const ledger = (await queryRows<{ n: number; ids: number; lo: number; hi: number; rejected: number }>(db, sql`
    SELECT count(*)::int AS n, count(DISTINCT mutation_id)::int AS ids, min(seq)::int AS lo, max(seq)::int AS hi,
           count(*) FILTER (WHERE status <> 'applied')::int AS rejected
    FROM applied_mutations WHERE node_id = ${node} AND epoch = ${s.edge.store.outbox.epoch}`))[0];
  const client = (await queryRows<{ last_seq: number }>(db, sql`SELECT last_seq::int AS last_seq FROM sync_clients WHERE node_id = ${node}`))[0];
  const orderRows = await queryRows<{ o: string }>(db, sql`
    SELECT id || '|' || status || '|' || payment_status || '|' || total || '|' || paid || '|' || version AS o FROM orders WHERE store_id = ${s.tenant.storeId}`);
  const stock = await queryRows<{ item: string; sum: number; n: number }>(db, sql`
    SELECT item_id AS item, sum(delta)::int AS sum, count(*)::int AS n FROM stock_movements WHERE store_id = ${s.tenant.storeId} GROUP BY item_id ORDER BY item_id`);
  const beer = (await queryRows<{ unavailable: boolean }>(db, sql`SELECT unavailable FROM item_availability WHERE store_id = ${s.tenant.storeId} AND item_id = ${DEMO.beer}`))[0];
  const menu = await queryRows<{ r: string }>(db, sql`SELECT id || '|' || price || '|' || coalesce(description, '') AS r FROM menu_items WHERE store_id = ${s.tenant.storeId} ORDER BY id`);
  return { ledger, lastSeq: client?.last_seq, orders: orderRows.map((r) => r.o).sort(), stock, beer: beer?.unavailable ?? null, menu: menu.map((r) => r.r).sort() };
}

function edgeCounts(s: FleetStore) {
  const db = s.edge.store.db;
  const orders = (db.prepare("SELECT id || '|' || status || '|' || payment_status || '|' || total || '|' || paid || '|' || version AS o FROM orders").all() as { o: string }[]).map((r) => r.o).sort();
  const stock = db.prepare('SELECT ingredient_id AS item, sum(delta) AS sum, count(*) AS n FROM stock_moves GROUP BY ingredient_id ORDER BY ingredient_id').all();
  const beer = db.prepare('SELECT unavailable FROM item_availability WHERE item_id = ?').get(DEMO.beer) as { unavailable: number } | undefined;
  const menu = menuLines(s.edge.store.shapes.rows('menu_items'));
  return { orders, stock, beer: beer ? beer.unavailable === 1 : null, menu };
}

function menuLines(rows: Iterable<Record<string, unknown>>): string[] {
  return [...rows].map((r) => `${String(r.id)}|${String(r.price)}|${typeof r.description === 'string' ? r.description : ''}`).sort();
}

it(`${EDGES} edges push ${MUTATIONS} mutations each at once, racing, while followers follow and owners edit: exactly once, no gaps, followers equal the cloud`, async () => {
  for (const s of fleet) {
    const cloudUrl = urls[s.n % 2]!;
    s.sync = startEdgeSync({ store: s.edge.store, cloudUrl, storeId: s.tenant.storeId, credential: s.credential, heartbeatMs: 150, backoff: { baseMs: 20, maxMs: 200 }, shapeBackoff: { baseMs: 50, maxMs: 500 } });
    s.racer = racingPusher(s.edge.store, urls[(s.n + 1) % 2]!, s.tenant.storeId, s.credential);
    for (const table of FOLLOWED_IN_MEMORY) for (const url of urls) s.followers.push(memoryFollower(url, table, s.tenant.storeId, s.credential));
  }
  await expect.poll(() => fleet.every((s) => s.followers.every((f) => f.follower.status().upToDate)), { timeout: 60_000, interval: 250 }).toBe(true);

  await Promise.all([
    ...fleet.map((s) => runStoreWorkload(s.edge.store, MUTATIONS, () => {
      s.sync?.wake();
      s.racer?.pusher.wake();
    })),
    ...fleet.map((s) => ownerEdits(s)),
  ]);
  await expect.poll(() => fleet.every((s) => s.edge.store.outbox.peek(1).length === 0), { timeout: 60_000, interval: 200 }).toBe(true);
  // The race happened: the racing pushers were answered `duplicate` for mutations the edges' own pushers had applied.
  expect(fleet.reduce((n, s) => n + (s.racer?.duplicates() ?? 0), 0)).toBeGreaterThan(0);

  for (const s of fleet) {
    const generated = generatedSeq(s.edge.store);
    expect(generated).toBeGreaterThanOrEqual(MUTATIONS);
    const cloud = await cloudCounts(s);
    // Exactly once, no gap: seqs 1..N each once, every one applied, last_seq at N.
    expect(cloud.ledger).toEqual({ n: generated, ids: generated, lo: 1, hi: generated, rejected: 0 });
    expect(cloud.lastSeq).toBe(generated);
    const edge = edgeCounts(s);
    expect(cloud.orders).toEqual(edge.orders);
    expect(cloud.stock).toEqual(edge.stock);
    expect(cloud.beer).toBe(edge.beer);
  }

  await Promise.all(clouds.map((c) => c.ctx.changes.kick()));
  // Cheap first (the menu rows against the table), then every synced table against a fresh snapshot.
  for (const s of fleet) {
    const truth = (await cloudCounts(s)).menu;
    await expect.poll(() => [edgeCounts(s).menu, ...s.followers.map((f) => menuLines(f.rows.values()))], { timeout: 30_000, interval: 250 }).toEqual([truth, ...s.followers.map(() => truth)]);
  }
  // The shared invariant checker: acked once, no seq gaps, outbox drained, orders, stock, 86s and every synced table equal.
  const checked = fleet.map((s) => ({ label: `edge ${s.n}`, db: s.edge.store.db, storeId: s.tenant.storeId }));
  await expect.poll(() => checkInvariants({ cloud: clouds[0]!.ctx.database.db, edges: checked }), { timeout: 30_000, interval: 1_000 }).toEqual([]);
  // The in-memory followers (on both cloud processes) against a fresh snapshot of the table.
  for (const s of fleet) {
    const truth = canonicalRows(await freshShapeRows({ url: urls[0]!, table: 'menu_items', storeId: s.tenant.storeId, credential: s.credential }));
    for (const f of s.followers) expect(canonicalRows(f.rows.values())).toEqual(truth);
  }
  for (const s of fleet) {
    for (const f of s.followers) {
      for (let i = 1; i < f.batches.length; i++) {
        const [before, batch] = [f.batches[i - 1]!, f.batches[i]!];
        if (batch.reset) expect(batch.offset).toBeGreaterThanOrEqual(before.offset);
        else expect(batch.offset).toBeGreaterThan(before.offset);
      }
    }
  }
}, 480_000);
