/**
 * "Every synced table on the edge equals its shape in the cloud": the edge's stored rows of
 * each shape against the cloud's rows of that store now (the shape's snapshot query), both
 * reduced to what the Electric client makes of a row — numbers, booleans and JSON parsed
 * from the text the cloud sends, int8 stored as a number by the edge — and keyed by the
 * shape's primary key.
 */
import type Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { SHAPE_NAMES } from '@brigade/sync/protocol';
import { SHAPE_TABLES, type ShapeTableName } from '@brigade/sync/schema/pg';
import type { CloudDb } from '../../../cloud/src/db/database';
import { queryRows } from '../../../cloud/src/db/database';

const NUMERIC = new Set(['int2', 'int4', 'int8', 'float4', 'float8']);

export interface ShapeDifference {
  readonly table: string;
  readonly key: string;
  readonly edge: unknown;
  readonly cloud: unknown;
}

function parseText(type: string, value: string | null): unknown {
  if (value === null) return null;
  if (NUMERIC.has(type)) return Number(value);
  if (type === 'bool') return value === 't' || value === 'true';
  if (type === 'json' || type === 'jsonb') return JSON.parse(value) as unknown;
  return value;
}

/** JSON with sorted keys, so two equal values print the same. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** Columns per table, read from the catalog once per database (migrations do not run under a trial). */
const catalog = new WeakMap<CloudDb, Map<string, Promise<{ name: string; type: string }[]>>>();

function columnsOf(db: CloudDb, table: ShapeTableName): Promise<{ name: string; type: string }[]> {
  const tables = catalog.get(db) ?? new Map<string, Promise<{ name: string; type: string }[]>>();
  catalog.set(db, tables);
  let columns = tables.get(table);
  if (!columns) {
    columns = queryRows<{ name: string; type: string }>(
      db,
      sql`SELECT a.attname AS name, t.typname AS type FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
          WHERE a.attrelid = ${`public.${table}`}::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    );
    tables.set(table, columns);
  }
  return columns;
}

async function cloudRows(db: CloudDb, table: ShapeTableName, storeId: string): Promise<Map<string, Record<string, unknown>>> {
  const columns = await columnsOf(db, table);
  const select = sql.raw(columns.map((c) => `"${c.name}"::text AS "${c.name}"`).join(', '));
  const rows = await queryRows<Record<string, string | null>>(db, sql`SELECT ${select} FROM ${sql.raw(`"${table}"`)} WHERE store_id = ${storeId}`);
  const out = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const parsed = Object.fromEntries(columns.map((c) => [c.name, parseText(c.type, row[c.name] ?? null)]));
    out.set(keyOf(table, parsed), parsed);
  }
  return out;
}

function keyOf(table: ShapeTableName, row: Record<string, unknown>): string {
  return SHAPE_TABLES[table].primaryKey.map((c) => String(row[c])).join('/');
}

/** Differences between the edge's shapes and the cloud's rows for the store; empty when equal. */
export async function compareShapes(cloud: CloudDb, edge: Database.Database, storeId: string): Promise<ShapeDifference[]> {
  const differences: ShapeDifference[] = [];
  const stored = edge.prepare('SELECT shape, value FROM shape_rows').all() as { shape: string; value: string }[];
  for (const table of SHAPE_NAMES) {
    const expected = await cloudRows(cloud, table, storeId);
    const actual = new Map<string, Record<string, unknown>>();
    for (const row of stored.filter((r) => r.shape === table)) {
      const value = JSON.parse(row.value) as Record<string, unknown>;
      actual.set(keyOf(table, value), value);
    }
    for (const [key, value] of expected) {
      const mine = actual.get(key);
      // Only the columns the edge was sent: an edge on an older shape schema keeps fewer.
      const shown = mine ? Object.fromEntries(Object.keys(mine).map((c) => [c, value[c]])) : undefined;
      const extra = mine ? Object.keys(mine).filter((c) => !(c in value)) : [];
      if (!mine || canonical(shown) !== canonical(mine) || extra.length > 0) differences.push({ table, key, edge: mine ?? null, cloud: value });
    }
    for (const [key, value] of actual) if (!expected.has(key)) differences.push({ table, key, edge: value, cloud: null });
  }
  return differences;
}
