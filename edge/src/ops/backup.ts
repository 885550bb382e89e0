/**
 * Backups of the store's database, and restoring one. A backup is taken online (the store
 * keeps selling) with SQLite's backup API. Restoring starts a new sync epoch, so the outbox
 * sequence numbers the restored copy will reuse can never be mistaken by the cloud for ones
 * it has already applied; the replaced database is kept beside it, never deleted.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE, openEdgeStore } from '../store/index';

export class BackupError extends Error {
  override readonly name = 'BackupError';
}

/** Copies the live database to `destination` while the store keeps running. */
export async function backupEdgeDatabase(dataDir: string, destination: string): Promise<{ pages: number }> {
  const source = join(dataDir, DATABASE_FILE);
  if (!existsSync(source)) throw new BackupError(`There is no store database in ${dataDir}.`);
  if (existsSync(destination)) throw new BackupError(`${destination} already exists; choose a new file name.`);
  mkdirSync(dirname(destination), { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const result = await db.backup(destination);
    return { pages: result.totalPages };
  } finally {
    db.close();
  }
}

function readEpoch(file: string): number | null {
  if (!existsSync(file)) return null;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const ok = db.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new BackupError(`${file} is damaged (${String(ok)}).`);
    const hasStore = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'store'").get() !== undefined;
    if (!hasStore) throw new BackupError(`${file} is not a Brigade store database.`);
    const row = db.prepare('SELECT epoch FROM store LIMIT 1').get() as { epoch: number } | undefined;
    return row?.epoch ?? 0;
  } finally {
    db.close();
  }
}

interface WaitingMutation {
  readonly mutation_id: string;
  readonly name: string;
  readonly args: string;
  readonly created_at: string;
}

interface LiveDatabase {
  readonly epoch: number | null;
  readonly nodeId: string | null;
  /** Mutations the cloud had not acknowledged; null when the file could not be trusted. */
  readonly waiting: readonly WaitingMutation[] | null;
  /** Each order's version; the cloud may hold any of them (empty when the file could not be trusted). */
  readonly versions: readonly { id: string; version: number }[];
}

/**
 * What can still be read from the database being replaced. It is often replaced because it is
 * damaged, so nothing here may refuse the restore: a damaged file gives its epoch if it can
 * (else none, and the clock floor applies) and no outbox.
 */
function readLive(file: string): LiveDatabase | null {
  if (!existsSync(file)) return null;
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const row = db.prepare('SELECT epoch, node_id AS nodeId FROM store LIMIT 1').get() as { epoch: number; nodeId: string } | undefined;
    const sound = db.pragma('integrity_check', { simple: true }) === 'ok';
    const waiting = sound ? (db.prepare('SELECT mutation_id, name, args, created_at FROM outbox ORDER BY seq').all() as WaitingMutation[]) : null;
    const versions = sound ? (db.prepare('SELECT id, version FROM orders').all() as { id: string; version: number }[]) : [];
    return { epoch: row?.epoch ?? null, nodeId: row?.nodeId ?? null, waiting, versions };
  } catch {
    return { epoch: null, nodeId: null, waiting: null, versions: [] };
  } finally {
    db?.close();
  }
}

export interface RestoreResult {
  /** The sync epoch the restored database continues in. */
  readonly epoch: number;
  /** Where the replaced database was kept, if there was one. */
  readonly previous: string | null;
  /** Mutations carried over from the replaced database's outbox (written after the backup, never acknowledged). */
  readonly carried: number;
  /** Orders whose version was raised to the replaced database's (they changed after the backup). */
  readonly versionsRaised: number;
}

/**
 * Replaces the store's database with `backupFile`. Stop the edge node first. The database it
 * replaces is renamed to `…before-restore-<time>` beside it; what its outbox still held for
 * the cloud (sales made after the backup and never acknowledged) is carried into the restored
 * outbox, so the cloud still learns of them — mutation ids dedupe whatever both copies hold —
 * and orders changed after the backup continue from the replaced database's version.
 */
export function restoreEdgeDatabase(dataDir: string, backupFile: string, now: Date = new Date()): RestoreResult {
  const backupEpoch = readEpoch(backupFile);
  if (backupEpoch === null) throw new BackupError(`${backupFile} does not exist.`);
  const live = join(dataDir, DATABASE_FILE);
  const replaced = readLive(live);
  let previous: string | null = null;
  if (replaced) {
    previous = `${live}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(live, previous);
    for (const suffix of ['-wal', '-shm']) if (existsSync(live + suffix)) renameSync(live + suffix, previous + suffix);
  }
  mkdirSync(dataDir, { recursive: true });
  copyFileSync(backupFile, live);
  for (const suffix of ['-wal', '-shm']) rmSync(live + suffix, { force: true });
  // Above every epoch this node used: the replaced database's when we have it, and otherwise
  // (the disk was lost or unreadable) a clock-based floor that no earlier epoch of this node can reach.
  const floor = Math.max(replaced?.epoch ?? Math.floor(now.getTime() / 1000), backupEpoch);
  const store = openEdgeStore({ dataDir });
  try {
    let carried = 0;
    let versionsRaised = 0;
    // Another node's database (a backup restored onto other hardware) keeps its own queue.
    if (replaced?.waiting && replaced.nodeId === store.outbox.nodeId) {
      const insert = store.db.prepare('INSERT OR IGNORE INTO outbox (mutation_id, name, args, created_at) VALUES (?, ?, ?, ?)');
      // The cloud keeps the highest version of an order it was sent: an order changed after the
      // backup must continue above the replaced database's version, or its next changes would be ignored.
      const raise = store.db.prepare('UPDATE orders SET version = ? WHERE id = ? AND version < ?');
      store.db.transaction(() => {
        for (const m of replaced.waiting ?? []) carried += insert.run(m.mutation_id, m.name, m.args, m.created_at).changes;
        for (const o of replaced.versions) versionsRaised += raise.run(o.version, o.id, o.version).changes;
      }).immediate();
    }
    return { epoch: store.outbox.startNewEpoch(floor + 1), previous, carried, versionsRaised };
  } finally {
    store.close();
  }
}
