/**
 * Column descriptions of the shape tables, read once from the catalog: the `electric-schema`
 * header (how the client parses text values) and the select list of snapshots, which casts
 * every column to text exactly as the capture trigger does.
 */
import { sql } from 'drizzle-orm';
import { SHAPE_TABLES, type ShapeTableName } from '@brigade/sync/schema/pg';
import type { CloudDb } from '../db/database';
import { queryRows } from '../db/database';

export interface ShapeColumn {
  readonly name: string;
  readonly type: string;
  readonly notNull: boolean;
}

export interface ShapeTableInfo {
  readonly table: ShapeTableName;
  readonly columns: readonly ShapeColumn[];
  readonly primaryKey: readonly string[];
  /** JSON for the `electric-schema` header. */
  readonly schemaHeader: string;
}

const cache = new WeakMap<CloudDb, Map<ShapeTableName, Promise<ShapeTableInfo>>>();

export function shapeTableInfo(db: CloudDb, table: ShapeTableName): Promise<ShapeTableInfo> {
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  let info = perDb.get(table);
  if (!info) {
    info = loadInfo(db, table);
    perDb.set(table, info);
  }
  return info;
}

async function loadInfo(db: CloudDb, table: ShapeTableName): Promise<ShapeTableInfo> {
  const rows = await queryRows<{ name: string; type: string; not_null: boolean }>(
    db,
    sql`SELECT a.attname AS name, t.typname AS type, a.attnotnull AS not_null
        FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
        WHERE a.attrelid = ${`public.${table}`}::regclass AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum`,
  );
  const primaryKey = SHAPE_TABLES[table].primaryKey;
  const schema: Record<string, { type: string; not_null?: boolean; pk_index?: number }> = {};
  for (const column of rows) {
    const pkIndex = (primaryKey as readonly string[]).indexOf(column.name);
    schema[column.name] = { type: column.type, ...(column.not_null ? { not_null: true } : {}), ...(pkIndex >= 0 ? { pk_index: pkIndex } : {}) };
  }
  return {
    table,
    columns: rows.map((r) => ({ name: r.name, type: r.type, notNull: r.not_null })),
    primaryKey,
    schemaHeader: JSON.stringify(schema),
  };
}

/** Electric's row key: `"public"."table"/"pk1"/"pk2"`. */
export function rowKey(info: ShapeTableInfo, row: Readonly<Record<string, string | null>>): string {
  return `"public"."${info.table}"/${info.primaryKey.map((c) => `"${(row[c] ?? '').replaceAll('"', '""')}"`).join('/')}`;
}
