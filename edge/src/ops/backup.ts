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

/**
 * Replaces the store's database with `backupFile`. Stop the edge node first. The database it
 * replaces is renamed to `…before-restore-<time>` beside it.
 */
export function restoreEdgeDatabase(dataDir: string, backupFile: string, now: Date = new Date()): { epoch: number; previous: string | null } {
  const backupEpoch = readEpoch(backupFile);
  if (backupEpoch === null) throw new BackupError(`${backupFile} does not exist.`);
  const live = join(dataDir, DATABASE_FILE);
  const liveEpoch = readEpoch(live);
  let previous: string | null = null;
  if (liveEpoch !== null) {
    previous = `${live}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(live, previous);
    for (const suffix of ['-wal', '-shm']) if (existsSync(live + suffix)) renameSync(live + suffix, previous + suffix);
  }
  mkdirSync(dataDir, { recursive: true });
  copyFileSync(backupFile, live);
  for (const suffix of ['-wal', '-shm']) rmSync(live + suffix, { force: true });
  // Above every epoch this node used: the replaced database's when we have it, and otherwise
  // (the disk was lost) a clock-based floor that no earlier epoch of this node can reach.
  const floor = liveEpoch ?? Math.floor(now.getTime() / 1000);
  const store = openEdgeStore({ dataDir });
  try {
    return { epoch: store.outbox.startNewEpoch(floor + 1), previous };
  } finally {
    store.close();
  }
}
