import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteMigrationsFolder } from '@brigade/sync/schema/sqlite';
import { DatabaseTooNewError, applyMigrations } from './migrations';
import { DATABASE_FILE, openEdgeStore } from './open-store';
import { type TestStore, createOrder, openTestStore } from './test-support';

let t: TestStore | undefined;
const dirs: string[] = [];
afterEach(() => {
  t?.cleanup();
  t = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('migrations at boot', () => {
  it('opens with WAL, full sync and foreign keys, and keeps data across a reopen', async () => {
    t = openTestStore();
    expect(t.store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(t.store.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(t.store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    const order = await createOrder(t.store);
    const nodeId = t.store.outbox.nodeId;
    t.reopen();
    expect(t.store.queries.order(order.id).number).toBe(order.number);
    expect(t.store.outbox.nodeId).toBe(nodeId);
  });

  it('refuses to open a database written by newer code, and leaves it untouched', () => {
    t = openTestStore();
    const dataDir = t.dir;
    t.store.db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('from-the-future', 4_102_444_800_000);
    t.store.close();
    const before = readFileSync(join(dataDir, DATABASE_FILE));
    expect(() => openEdgeStore({ dataDir })).toThrow(DatabaseTooNewError);
    expect(() => openEdgeStore({ dataDir })).toThrow(/newer version of Brigade/);
    expect(readFileSync(join(dataDir, DATABASE_FILE)).equals(before)).toBe(true);
  });

  it('applies a migration added after the database was made', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brigade-migrations-'));
    dirs.push(dir);
    const folder = join(dir, 'migrations');
    cpSync(sqliteMigrationsFolder, folder, { recursive: true });
    const db = new Database(join(dir, 'db.sqlite'));
    applyMigrations(db, folder);
    const journalPath = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[] };
    const last = journal.entries.at(-1);
    if (!last) throw new Error('the shipped journal has no migrations');
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_test_extra' });
    writeFileSync(journalPath, JSON.stringify(journal));
    writeFileSync(join(folder, '9999_test_extra.sql'), 'CREATE TABLE test_extra (id TEXT PRIMARY KEY);');
    applyMigrations(db, folder);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'test_extra'").get()).toBeTruthy();
    // The shipped code no longer knows that migration: it must refuse this database.
    expect(() => applyMigrations(db)).toThrow(DatabaseTooNewError);
    db.close();
  });
});

describe('history is kept', () => {
  it('refuses to delete orders, lines and payments at the database level', async () => {
    t = openTestStore();
    const order = await createOrder(t.store);
    t.store.db.prepare("UPDATE orders SET paid = total, payment_status = 'paid' WHERE id = ?").run(order.id);
    t.store.db.prepare("INSERT INTO payments (id, order_id, tender, amount, tip, status, refunded, created_at) VALUES (?, ?, 'cash', 1, 0, 'captured', 0, '')")
      .run('0190a000-0000-7000-8000-0000000000ee', order.id);
    expect(() => t?.store.db.prepare('DELETE FROM payments').run()).toThrow(/never deleted/);
    expect(() => t?.store.db.prepare('DELETE FROM order_lines').run()).toThrow(/never deleted/);
    expect(() => t?.store.db.prepare('DELETE FROM orders WHERE id = ?').run(order.id)).toThrow(/never deleted/);
    expect(t.store.queries.order(order.id).lines).toHaveLength(order.lines.length);
  });
});
