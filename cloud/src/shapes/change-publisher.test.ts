/**
 * The change publisher on a real PostgreSQL server, where transactions really overlap (PGlite's
 * single connection cannot show this): a change committed by a transaction that started before
 * faster ones is never skipped by a reader that read the log meanwhile; once many concurrent
 * writers have each kicked after committing, all their changes are in the log; and a kick never
 * rides on a publish that took its snapshot before the kicker committed.
 */
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoMenu, newId } from '@brigade/sync/model';
import { type Database, openDatabase, queryRows } from '../db/database';
import { freshPostgresUrl } from '../db/test-backends';
import { seedTenant } from '../stores/seed';
import { type ChangePublisher, startChangePublisher } from './change-publisher';
import { headOffset } from './shape-log';

let database: Database | undefined;
let publisher: ChangePublisher | undefined;
let databaseUrl = '';
const storeId = newId();

beforeAll(async () => {
  databaseUrl = await freshPostgresUrl();
  database = await openDatabase({ databaseUrl });
  await seedTenant(database.db, {
    organisationId: newId(), organisationName: 'Publisher test', ownerId: newId(), ownerEmail: `publisher-${Date.now()}@example.test`,
    ownerPassword: 'publisher password', storeId, storeName: 'Publisher store', menuId: newId(), menu: demoMenu,
  });
  // Only explicit kicks: the interval would hide a kick that returned too early.
  publisher = startChangePublisher(database, 3_600_000);
  await publisher.kick();
});

afterAll(async () => {
  publisher?.stop();
  await database?.close();
});

/** The prices the log holds for an item of the store after `after`, in log order. */
async function loggedPrices(itemId: string, after: number): Promise<string[]> {
  const rows = await queryRows<{ price: string }>(database!.db, sql`
    SELECT "row"->>'price' AS price FROM shape_log
    WHERE table_name = 'menu_items' AND store_id = ${storeId} AND "row"->>'id' = ${itemId} AND "offset" > ${after} ORDER BY "offset"`);
  return rows.map((r) => r.price);
}

it('never lets a reader skip a change whose transaction began before faster ones and committed after them', async () => {
  const [slowItem, fastItem] = demoMenu.items.map((i) => i.id);
  const start = await headOffset(database!.db);
  const slow = new pg.Client({ connectionString: databaseUrl });
  await slow.connect();
  try {
    await slow.query('BEGIN');
    // Captured first (lower capture id and xid) but committed last.
    await slow.query('UPDATE menu_items SET price = 1111 WHERE store_id = $1 AND id = $2', [storeId, slowItem]);
    await database!.db.execute(sql`UPDATE menu_items SET price = 2222 WHERE store_id = ${storeId} AND id = ${fastItem}`);
    await publisher!.kick();
    // A follower reads the log now and remembers how far it got.
    const readerAt = await headOffset(database!.db);
    await slow.query('COMMIT');
    await publisher!.kick();
    // Whatever the reader saw before, the slow change is after its position, and the fast one is not lost.
    expect(await loggedPrices(slowItem!, readerAt)).toEqual(['1111']);
    expect(await loggedPrices(fastItem!, start)).toEqual(['2222']);
  } finally {
    await slow.end();
  }
});

it('has every change in the log once all of many concurrent writers have kicked after their commits', async () => {
  const items = demoMenu.items.map((i) => i.id);
  const start = await headOffset(database!.db);
  const written = await Promise.all(
    Array.from({ length: 40 }, async (_, n) => {
      const itemId = items[n % items.length]!;
      const price = 3000 + n;
      await database!.db.execute(sql`UPDATE menu_items SET price = ${price} WHERE store_id = ${storeId} AND id = ${itemId}`);
      // A single kick may leave a change behind an older writer still open (the xmin rule);
      // that writer's own kick, after its commit, publishes both.
      await publisher!.kick();
      return { itemId, price };
    }),
  );
  const missing: string[] = [];
  for (const { itemId, price } of written) if (!(await loggedPrices(itemId, start)).includes(String(price))) missing.push(`${itemId} at ${price}`);
  expect(missing).toEqual([]);
});

it('does not let a kick ride on a publish that took its snapshot before the kicker committed', async () => {
  const [first, second] = demoMenu.items.map((i) => i.id).slice(2);
  const start = await headOffset(database!.db);
  const locker = new pg.Client({ connectionString: databaseUrl });
  await locker.connect();
  try {
    await database!.db.execute(sql`UPDATE menu_items SET price = 4001 WHERE store_id = ${storeId} AND id = ${first}`);
    // Hold the first change's capture row: the publish takes its snapshot, then waits on that row.
    await locker.query('BEGIN');
    const held = await locker.query("SELECT id FROM change_capture WHERE \"row\"->>'id' = $1 AND \"row\"->>'price' = '4001' FOR UPDATE", [first]);
    expect(held.rowCount).toBe(1);
    const running = publisher!.kick();
    // Asked outside the locker's transaction, which would keep its first view of pg_stat_activity.
    const waiting = async () => (await queryRows<{ n: number }>(database!.db, sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'WITH moved AS%'`))[0]?.n;
    await expect.poll(waiting, { timeout: 10_000 }).toBe(1);
    await database!.db.execute(sql`UPDATE menu_items SET price = 4002 WHERE store_id = ${storeId} AND id = ${second}`);
    const later = publisher!.kick();
    await locker.query('COMMIT');
    await Promise.all([running, later]);
    // Both are in the log once the later kick returns: it did not ride on the run that was under way.
    expect(await loggedPrices(first!, start)).toContain('4001');
    expect(await loggedPrices(second!, start)).toContain('4002');
  } finally {
    await locker.end();
  }
});
