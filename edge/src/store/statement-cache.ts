/**
 * A cache of prepared statements by SQL text on the store's connection. drizzle over
 * better-sqlite3 calls `prepare` for every query it runs, and SQLite parses and plans the
 * SQL each time: about a tenth of an order's CPU before this cache. The same statement
 * object is handed out again, so its per-use modes are reset on the way out.
 */
import type Database from 'better-sqlite3';

/** Enough for every distinct query the store runs; a burst of one-off texts only evicts the oldest. */
export const STATEMENT_CACHE_SIZE = 512;

type Prepare = Database.Database['prepare'];

/** A statement of its own, never handed to anyone else: for statements kept for the connection's life. */
export function prepareUncached(db: Database.Database, source: string): Database.Statement {
  // The class's own method, which `cacheStatements` shadows on the connection.
  const proto = Object.getPrototypeOf(db) as Database.Database;
  return proto.prepare.call(db, source);
}

export function cacheStatements(db: Database.Database, size = STATEMENT_CACHE_SIZE): void {
  const uncached = db.prepare.bind(db) as (source: string) => Database.Statement;
  const cache = new Map<string, Database.Statement>();
  const prepare = (source: string): Database.Statement => {
    const cached = cache.get(source);
    // A statement still stepping through `iterate()` cannot run again until it is done.
    if (cached && !cached.busy) {
      if (cached.reader) {
        // drizzle switches its statements to raw rows; the next caller may want objects.
        cached.raw(false);
        cached.pluck(false);
        cached.expand(false);
      }
      return cached;
    }
    const statement = uncached(source);
    if (cached) return statement;
    if (cache.size >= size) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    cache.set(source, statement);
    return statement;
  };
  // An own property shadows the prototype's method for this connection only.
  db.prepare = prepare as Prepare;
}
