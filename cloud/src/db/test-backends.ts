/**
 * The two database backends every cloud test runs against: embedded PGlite and a real
 * PostgreSQL 15 server (one throwaway cluster per test file, one database per test).
 */
import { afterAll } from 'vitest';
import { type PostgresCluster, startPostgres } from '../../../test/support/postgres';
import { type Database, openDatabase } from './database';

export const BACKENDS = ['pglite', 'postgres'] as const;
export type BackendKind = (typeof BACKENDS)[number];

let cluster: Promise<PostgresCluster> | undefined;

afterAll(async () => {
  if (cluster) await (await cluster).stop();
  cluster = undefined;
});

/** The URL of a fresh database on this file's cluster. */
export async function freshPostgresUrl(): Promise<string> {
  cluster ??= startPostgres();
  return (await cluster).createDatabase();
}

export async function openTestDatabase(kind: BackendKind): Promise<Database> {
  if (kind === 'pglite') return openDatabase({});
  return openDatabase({ databaseUrl: await freshPostgresUrl() });
}
