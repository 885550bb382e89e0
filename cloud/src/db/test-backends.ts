/**
 * The two database backends every cloud test runs against: embedded PGlite and a real
 * PostgreSQL 15 server (one throwaway cluster per test file, one database per test).
 */
import { afterAll, beforeAll } from 'vitest';
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

let template: Promise<Blob> | undefined;

/** A migrated, empty PGlite data folder, made once per test file: booting from it is faster. */
export function pgliteTemplate(): Promise<Blob> {
  template ??= openDatabase({}).then(async (database) => {
    const dump = await database.dump?.();
    await database.close();
    if (!dump) throw new Error('PGlite could not dump its data folder');
    return dump;
  });
  return template;
}

// Made before the first test so its cost lands in a hook (with the hook timeout), not in a test.
beforeAll(async () => {
  await pgliteTemplate();
});

export async function openTestDatabase(kind: BackendKind): Promise<Database> {
  if (kind === 'pglite') return openDatabase({ pgliteTemplate: await pgliteTemplate() });
  return openDatabase({ databaseUrl: await freshPostgresUrl() });
}
