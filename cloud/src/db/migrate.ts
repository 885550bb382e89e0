/**
 * Forward-only migrations, applied at boot by drizzle's migrator on either driver. Before
 * applying, the boot refuses a database that holds a migration this code does not know, or
 * one whose SQL was edited after it ran: both mean the code and the data disagree.
 */
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Database } from './database';
import { queryRows } from './database';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../sync/schema/pg/migrations', import.meta.url));

export class MigrationMismatchError extends Error {
  override readonly name = 'MigrationMismatchError';
}

export async function migrateDatabase(database: Pick<Database, 'db' | 'kind'>): Promise<void> {
  await checkAppliedMigrations(database);
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}

export async function checkAppliedMigrations(database: Pick<Database, 'db'>): Promise<void> {
  const known = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  const exists = await queryRows<{ present: boolean }>(
    database.db,
    sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`,
  );
  if (!exists[0]?.present) return;
  const applied = await queryRows<{ hash: string; created_at: string }>(
    database.db,
    sql`SELECT hash, created_at::text AS created_at FROM drizzle.__drizzle_migrations ORDER BY created_at`,
  );
  const knownHashes = new Map(known.map((m) => [m.hash, m]));
  for (const row of applied) {
    if (!knownHashes.has(row.hash)) {
      const sameTime = known.find((m) => String(m.folderMillis) === row.created_at);
      throw new MigrationMismatchError(
        sameTime
          ? `Migration ${row.created_at} was edited after it was applied; migrations are forward-only.`
          : `The database holds migration ${row.created_at}, which this version does not know; run a newer version.`,
      );
    }
  }
}
