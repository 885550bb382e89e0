import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type HubEvent, type Order, newId } from '@brigade/sync/model';
import { GroupCommit } from './group-commit';
import { DATABASE_FILE } from './open-store';
import { type TestStore, actors, count, createArgs, openTestStore } from './test-support';

let t: TestStore | undefined;
let dir: string | undefined;
const opened: Database.Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  t?.cleanup();
  t = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A WAL database with one table, and a second connection that sees only what was committed. */
function openPair(): { db: Database.Database; reader: Database.Database } {
  dir = mkdtempSync(join(tmpdir(), 'brigade-group-'));
  const db = new Database(join(dir, 'group.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.exec('CREATE TABLE parent (id TEXT PRIMARY KEY); CREATE TABLE child (id TEXT PRIMARY KEY, parent_id TEXT NOT NULL REFERENCES parent(id))');
  const reader = new Database(join(dir, 'group.sqlite'), { readonly: true });
  opened.push(reader, db);
  return { db, reader };
}

const ids = (db: Database.Database): string[] => (db.prepare('SELECT id FROM parent ORDER BY id').all() as { id: string }[]).map((r) => r.id);

describe('group commit', () => {
  it('runs work submitted together in one transaction and answers only after it committed', async () => {
    const { db, reader } = openPair();
    const groups = new GroupCommit(db);
    const seenByReader: string[][] = [];
    const insert = (id: string) => groups.submit({
      run: () => {
        db.prepare('INSERT INTO parent (id) VALUES (?)').run(id);
        // Another connection sees nothing of the group until its one COMMIT.
        seenByReader.push(ids(reader));
        return id;
      },
    });
    const answers = await Promise.all([insert('a'), insert('b'), insert('c')]);
    expect(answers).toEqual(['a', 'b', 'c']);
    expect(seenByReader).toEqual([[], [], []]);
    expect(ids(reader)).toEqual(['a', 'b', 'c']);
  });

  it('rolls back only the failing work of a group; the others commit', async () => {
    const { db, reader } = openPair();
    const groups = new GroupCommit(db);
    const results = await Promise.allSettled([
      groups.submit({ run: () => db.prepare('INSERT INTO parent (id) VALUES (?)').run('a').changes }),
      groups.submit({
        run: () => {
          db.prepare('INSERT INTO parent (id) VALUES (?)').run('b');
          db.prepare('INSERT INTO child (id, parent_id) VALUES (?, ?)').run('b1', 'b');
          throw new Error('refused after writing');
        },
      }),
      groups.submit({ run: () => db.prepare('INSERT INTO parent (id) VALUES (?)').run('c').changes }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ message: 'refused after writing' });
    expect(ids(reader)).toEqual(['a', 'c']);
    expect(reader.prepare('SELECT count(*) AS n FROM child').get()).toEqual({ n: 0 });
  });

  it('lets a later work of the group see an earlier one: the same key twice is applied once', async () => {
    const { db, reader } = openPair();
    const groups = new GroupCommit(db);
    // The executor's exactly-once check has this shape: look for the id, else write it.
    const applyOnce = (id: string) => groups.submit({
      run: () => {
        if (db.prepare('SELECT id FROM parent WHERE id = ?').get(id)) return 'replayed';
        db.prepare('INSERT INTO parent (id) VALUES (?)').run(id);
        return 'applied';
      },
    });
    expect(await Promise.all([applyOnce('same'), applyOnce('same')])).toEqual(['applied', 'replayed']);
    expect(ids(reader)).toEqual(['same']);
  });

  it('answers nobody as stored when the group COMMIT fails', async () => {
    const { db, reader } = openPair();
    const groups = new GroupCommit(db);
    const results = await Promise.allSettled([
      groups.submit({ run: () => db.prepare('INSERT INTO parent (id) VALUES (?)').run('a').changes }),
      groups.submit({
        run: () => {
          // A deferred foreign key is checked at COMMIT, so the commit itself fails.
          db.pragma('defer_foreign_keys = ON');
          return db.prepare('INSERT INTO child (id, parent_id) VALUES (?, ?)').run('orphan', 'nobody').changes;
        },
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
    expect(ids(reader)).toEqual([]);
    expect(db.inTransaction).toBe(false);
  });

  it('runs the rest again when SQLite rolled the whole group back under one work', async () => {
    const { db, reader } = openPair();
    const groups = new GroupCommit(db);
    let runsOfA = 0;
    const results = await Promise.allSettled([
      groups.submit({
        run: () => {
          runsOfA += 1;
          return db.prepare('INSERT INTO parent (id) VALUES (?)').run('a').changes;
        },
      }),
      groups.submit({
        run: () => {
          // What an I/O error or a full disk does: the transaction is gone, savepoints with it.
          db.exec('ROLLBACK');
          throw new Error('disk trouble');
        },
      }),
      groups.submit({ run: () => db.prepare('INSERT INTO parent (id) VALUES (?)').run('c').changes }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(runsOfA).toBe(2);
    expect(ids(reader)).toEqual(['a', 'c']);
  });

  it('does its upkeep inside the group transaction, and a failing upkeep alone is rolled back', async () => {
    const { db, reader } = openPair();
    const seenByReader: string[][] = [];
    let fail = false;
    const groups = new GroupCommit(db, {
      beforeCommit: () => {
        db.prepare("INSERT INTO parent (id) VALUES ('upkeep-' || (SELECT count(*) FROM parent))").run();
        seenByReader.push(ids(reader));
        if (fail) throw new Error('upkeep failed');
      },
    });
    const insert = (id: string) => groups.submit({ run: () => db.prepare('INSERT INTO parent (id) VALUES (?)').run(id).changes });
    await Promise.all([insert('a'), insert('b')]);
    // The upkeep saw nothing committed yet: it ran in the group's transaction, and committed with it.
    expect(seenByReader).toEqual([[]]);
    expect(ids(reader)).toEqual(['a', 'b', 'upkeep-2']);
    fail = true;
    expect(await insert('c')).toBe(1);
    expect(ids(reader)).toEqual(['a', 'b', 'c', 'upkeep-2']);
  });

  it('keeps groups to the size asked for', async () => {
    const { db } = openPair();
    const sizes: number[] = [];
    const grouped = new GroupCommit(db, { maxGroup: 2, afterCommit: (values) => sizes.push(values.length) });
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => grouped.submit({ run: () => db.prepare('INSERT INTO parent (id) VALUES (?)').run(id).changes })));
    expect(sizes).toEqual([2, 2, 1]);
    expect(grouped.pending).toBe(0);
  });
});

describe('commands in a group', () => {
  it('commits the others and leaves nothing of a command that fails in the middle of a group', async () => {
    const failingId = newId();
    const failingOrder = newId();
    let reader: Database.Database | undefined;
    const visibleElsewhere: number[] = [];
    t = openTestStore({
      beforeCommit: (_name, commandId) => {
        reader ??= new Database(join(t?.dir ?? '', DATABASE_FILE), { readonly: true });
        // Inside the group: a second connection does not yet see the orders before this one.
        visibleElsewhere.push((reader.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n);
        if (commandId === failingId) throw new Error('power cut simulated before commit');
      },
    });
    const heard: HubEvent[] = [];
    t.store.onEvents((events) => heard.push(...events));
    const first = createArgs();
    const third = createArgs();
    const results = await Promise.allSettled([
      t.store.execute('order.create', newId(), first, actors.cashier),
      t.store.execute('order.create', failingId, createArgs({ orderId: failingOrder }), actors.cashier),
      t.store.execute('order.create', newId(), third, actors.cashier),
    ]);
    if (reader) opened.push(reader);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ message: 'power cut simulated before commit' });
    expect(visibleElsewhere).toEqual([0, 0, 0]);
    const numbers = results.flatMap((r) => (r.status === 'fulfilled' ? [(r.value.result as { order: Order }).order.number] : []));
    // The failed command's order number was rolled back with it, so the next order took it.
    expect(numbers).toEqual(['001', '002']);
    expect(count(t.store, 'orders')).toBe(2);
    expect(count(t.store, 'orders', 'id = ?', failingOrder)).toBe(0);
    expect(count(t.store, 'order_lines', 'order_id = ?', failingOrder)).toBe(0);
    expect(count(t.store, 'outbox', "args LIKE '%' || ? || '%'", failingOrder)).toBe(0);
    expect(count(t.store, 'audit_log', 'order_id = ?', failingOrder)).toBe(0);
    expect(count(t.store, 'hub_events', "payload LIKE '%' || ? || '%'", failingOrder)).toBe(0);
    expect(count(t.store, 'commands', 'command_id = ?', failingId)).toBe(0);
    const heardOrders = new Set(heard.flatMap((e) => (e.type === 'order.updated' ? [e.order.id] : [])));
    expect(heardOrders).toEqual(new Set([first.orderId, third.orderId]));
  });

  it('applies one order for the same commandId sent twice at once, and answers both with it', async () => {
    t = openTestStore();
    const commandId = newId();
    const args = createArgs();
    const [a, b] = await Promise.all([
      t.store.execute('order.create', commandId, args, actors.cashier),
      t.store.execute('order.create', commandId, args, actors.cashier),
    ]);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(b.result).toEqual(a.result);
    expect(count(t.store, 'orders')).toBe(1);
    expect(count(t.store, 'commands')).toBe(1);
  });

  it('tells listeners about a group only once it is on disk', async () => {
    t = openTestStore();
    const reader = new Database(join(t.dir, DATABASE_FILE), { readonly: true });
    opened.push(reader);
    const committedWhenHeard: number[] = [];
    t.store.onEvents(() => committedWhenHeard.push((reader.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n));
    const store = t.store;
    await Promise.all(Array.from({ length: 4 }, () => store.execute('order.create', newId(), createArgs(), actors.cashier)));
    expect(committedWhenHeard).toEqual([4]);
  });
});
