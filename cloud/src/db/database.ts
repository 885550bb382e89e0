/**
 * The cloud's one database handle: PGlite (Postgres in WASM, embedded default, data under
 * `./data/cloud/pg`) or a real PostgreSQL server when a URL is given. Both run the same
 * migrations and the same queries; only change notification differs (see notifier.ts).
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from '@brigade/sync/schema/pg';
import { type ChangeNotifier, emitterNotifier, postgresNotifier } from './notifier';
import { migrateDatabase } from './migrate';

export type CloudSchema = typeof schema;
export type CloudDb = PgDatabase<PgQueryResultHKT, CloudSchema>;
export type CloudTx = PgTransaction<PgQueryResultHKT, CloudSchema, ExtractTablesWithRelations<CloudSchema>>;
/** Anything that runs a query: the database or an open transaction. */
export type Executor = CloudDb | CloudTx;

export interface Database {
  readonly db: CloudDb;
  readonly kind: 'pglite' | 'postgres';
  readonly notifier: ChangeNotifier;
  close(): Promise<void>;
  /** PGlite only: a copy of the data folder (used to make test templates). */
  dump?: () => Promise<Blob>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; when absent, PGlite is used. */
  readonly databaseUrl?: string | undefined;
  /** PGlite data folder; when absent too, an in-memory database (tests). */
  readonly dataDir?: string | undefined;
  /** A PGlite data dump to start from (tests start from an already-migrated copy). */
  readonly pgliteTemplate?: Blob | undefined;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const database = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite(options.dataDir, options.pgliteTemplate);
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

const PGLITE_SHARED_BUFFERS = '16MB';

async function openPglite(dataDir: string | undefined, template: Blob | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite({
    ...(dataDir ? { dataDir } : {}),
    ...(template ? { loadDataDir: template } : {}),
    // Postgres' default 128 MB buffer pool lives in PGlite's WASM memory and was the largest
    // part of an idle cloud process (RSS 359 MB → 239 MB with 16 MB, measured in
    // docs/benchmarks.md). The embedded database is for one store or a demo; larger
    // deployments run on PostgreSQL (DATABASE_URL), which this does not touch.
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`, '-c', 'wal_buffers=1MB'],
  });
  await client.waitReady;
  // Shape values and reports are in UTC whatever the host says.
  await client.exec("SET TimeZone TO 'UTC'; SET DateStyle TO 'ISO, MDY';");
  const db = drizzlePglite({ client, schema }) as unknown as CloudDb;
  return { db, kind: 'pglite', notifier: emitterNotifier(), close: () => client.close(), dump: () => client.dumpDataDir('none') };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c TimeZone=UTC -c DateStyle=ISO,MDY' });
  // An idle client error (server restart) must not crash the process; the pool reconnects.
  pool.on('error', () => undefined);
  const db = drizzlePg({ client: pool, schema }) as unknown as CloudDb;
  const notifier = await postgresNotifier(url);
  return {
    db,
    kind: 'postgres',
    notifier,
    close: async () => {
      await notifier.close();
      await pool.end();
    },
  };
}

/** Runs raw SQL and returns its rows, on either driver. */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result: unknown = await executor.execute(query);
  return (result as { rows: T[] }).rows;
}
