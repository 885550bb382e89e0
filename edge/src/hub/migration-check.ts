/** Whether the open database has every migration this code ships (for /healthz). */
import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { sqliteMigrationsFolder } from '@brigade/sync/schema/sqlite';

const MIGRATIONS_TABLE = '__drizzle_migrations';

export function migrationsCurrent(db: Database.Database, migrationsFolder: string = sqliteMigrationsFolder): boolean {
  const known = readMigrationFiles({ migrationsFolder }).map((migration) => migration.folderMillis);
  const applied = new Set(
    (db.prepare(`SELECT created_at AS createdAt FROM ${MIGRATIONS_TABLE}`).all() as { createdAt: number | string }[]).map((row) => Number(row.createdAt)),
  );
  return known.every((millis) => applied.has(millis));
}
