/**
 * Forward-only migrations, checked at boot. Drizzle's migrator applies every migration
 * newer than the last one recorded; it does not notice a database written by newer code.
 * We do: a recorded migration this code does not know means the code is older than the
 * data, and running it could corrupt money-bearing rows, so the store refuses to open.
 */
import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { sqliteMigrationsFolder } from '@brigade/sync/schema/sqlite';

export class DatabaseTooNewError extends Error {
  constructor(readonly unknownMigrations: readonly number[]) {
    super(
      `This database was written by a newer version of Brigade (unknown migrations: ${unknownMigrations.join(', ')}). ` +
        'Update the software, or restore a backup made by this version; the database was left untouched.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

const MIGRATIONS_TABLE = '__drizzle_migrations';

export function applyMigrations(sqlite: Database.Database, migrationsFolder = sqliteMigrationsFolder): void {
  const known = readMigrationFiles({ migrationsFolder });
  const knownMillis = new Set(known.map((m) => m.folderMillis));
  const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(MIGRATIONS_TABLE) !== undefined;
  if (hasTable) {
    const applied = sqlite.prepare(`SELECT created_at AS createdAt FROM ${MIGRATIONS_TABLE}`).all() as { createdAt: number | string }[];
    const unknown = applied.map((r) => Number(r.createdAt)).filter((millis) => !knownMillis.has(millis));
    if (unknown.length > 0) throw new DatabaseTooNewError(unknown);
  }
  migrate(drizzle(sqlite), { migrationsFolder, migrationsTable: MIGRATIONS_TABLE });
}
