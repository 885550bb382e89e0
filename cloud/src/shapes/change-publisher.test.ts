/**
 * The change publisher on a real PostgreSQL server, where transactions really overlap (PGlite's
 * single connection cannot show this): a change committed by a transaction that started before
 * faster ones is never skipped by a reader that read the log meanwhile, and a kick resolves only
 * once everything committed before it is in the log, however many requests kick at once.
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

it('resolves every kick only after the changes committed before it are published, with many kicks at once', async () => {
  const items = demoMenu.items.map((i) => i.id);
  const start = await headOffset(database!.db);
  const missing = await Promise.all(
    Array.from({ length: 40 }, async (_, n) => {
      const itemId = items[n % items.length]!;
      const price = 3000 + n;
      await database!.db.execute(sql`UPDATE menu_items SET price = ${price} WHERE store_id = ${storeId} AND id = ${itemId}`);
      await publisher!.kick();
      return (await loggedPrices(itemId, start)).includes(String(price)) ? null : `${itemId} at ${price}`;
    }),
  );
  expect(missing.filter((m) => m !== null)).toEqual([]);
});
