import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { type Database, queryRows } from './database';
import { MigrationMismatchError, migrateDatabase } from './migrate';
import { BACKENDS, openTestDatabase } from './test-backends';
import { startPostgres } from '../../../test/support/postgres';

describe.each(BACKENDS)('cloud database on %s', (kind) => {
  let database: Database | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  it('applies every migration and is idempotent on a second boot', async () => {
    database = await openTestDatabase(kind);
    await migrateDatabase(database);
    const tables = await queryRows<{ name: string }>(database.db, sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`);
    const names = tables.map((t) => t.name);
    for (const expected of ['organisations', 'stores', 'menu_items', 'orders', 'sync_clients', 'applied_mutations', 'shape_log', 'change_capture']) {
      expect(names).toContain(expected);
    }
    const applied = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
    expect(applied[0]?.n).toBeGreaterThanOrEqual(2);
  });

  it('refuses to boot on a database that holds a migration this code does not know', async () => {
    database = await openTestDatabase(kind);
    await database.db.execute(sql`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('from-the-future', 99999999999999)`);
    await expect(migrateDatabase(database)).rejects.toBeInstanceOf(MigrationMismatchError);
  });

  it('captures a change of a synced table with every value as Postgres display text', async () => {
    database = await openTestDatabase(kind);
    const db = database.db;
    await db.execute(sql`INSERT INTO organisations (id, name) VALUES ('org-1', 'Org')`);
    await db.execute(sql`INSERT INTO stores (id, organisation_id, name, timezone, currency, enrolled_at)
      VALUES ('store-1', 'org-1', 'Diner', 'Europe/London', 'GBP', '2026-01-02T03:04:05.5Z')`);
    const rows = await queryRows<{ table_name: string; store_id: string; op: string; row: Record<string, string | null> }>(
      db,
      sql`SELECT table_name, store_id, op, "row" FROM change_capture ORDER BY id`,
    );
    expect(rows).toHaveLength(1);
    const change = rows[0];
    expect(change?.table_name).toBe('stores');
    expect(change?.store_id).toBe('store-1');
    expect(change?.op).toBe('insert');
    expect(change?.row.enrolled_at).toBe('2026-01-02 03:04:05.5+00');
    expect(change?.row.tax_inclusive).toBe('false');
    expect(change?.row.stations).toBe('[]');
    expect(change?.row.paused_reason).toBeNull();
  });

  it('does not capture an update that changes nothing', async () => {
    database = await openTestDatabase(kind);
    const db = database.db;
    await db.execute(sql`INSERT INTO organisations (id, name) VALUES ('org-1', 'Org')`);
    await db.execute(sql`INSERT INTO stores (id, organisation_id, name, timezone, currency) VALUES ('store-1', 'org-1', 'Diner', 'UTC', 'USD')`);
    await db.execute(sql`UPDATE stores SET name = 'Diner' WHERE id = 'store-1'`);
    await db.execute(sql`UPDATE stores SET name = 'Diner 2' WHERE id = 'store-1'`);
    const ops = await queryRows<{ op: string }>(db, sql`SELECT op FROM change_capture ORDER BY id`);
    expect(ops.map((o) => o.op)).toEqual(['insert', 'update']);
  });
});

describe('throwaway PostgreSQL cluster', () => {
  it('names the Debian package to install when the server binaries are missing', async () => {
    await expect(startPostgres({ bin: '/nonexistent/postgresql/bin' })).rejects.toThrow(/install the Debian package postgresql/);
  });
});
