/**
 * What a shape follower must end up holding, for convergence checks: a fresh snapshot of the
 * shape read from the cloud's tables now, parsed by the official client exactly as a follower
 * parses it, and a canonical form to compare rows however they were stored (the edge keeps
 * them as JSON with BigInts turned into numbers).
 */
import { Shape, ShapeStream, type Row } from '@electric-sql/client';
import { SHAPE_SCHEMA_PARAM, STORE_WHERE } from '@brigade/sync/protocol';

export interface SnapshotRequest {
  readonly url: string;
  readonly table: string;
  readonly storeId: string;
  readonly credential: string;
  readonly schemaVersion?: number;
}

/** The shape's rows as a fresh follower would get them now: a snapshot, never the log. */
export async function freshShapeRows(request: SnapshotRequest): Promise<Record<string, unknown>[]> {
  // Aborted once read: the client would otherwise go on with a parked live request.
  const abort = new AbortController();
  const stream = new ShapeStream<Row>({
    signal: abort.signal,
    url: `${request.url}/v1/shape`,
    params: {
      table: request.table,
      where: STORE_WHERE,
      params: [request.storeId],
      ...(request.schemaVersion ? { [SHAPE_SCHEMA_PARAM]: String(request.schemaVersion) } : {}),
    },
    headers: { authorization: `Bearer ${request.credential}` },
  });
  const shape = new Shape(stream);
  try {
    return await shape.rows;
  } finally {
    stream.unsubscribeAll();
    abort.abort();
  }
}

/** One row as canonical JSON: keys sorted, BigInts as numbers (what the edge stores). */
export function canonicalRow(row: Readonly<Record<string, unknown>>): string {
  const sorted = Object.fromEntries(Object.keys(row).sort().map((k) => [k, row[k]]));
  return JSON.stringify(sorted, (_key, value: unknown) => (typeof value === 'bigint' ? Number(value) : value));
}

/** A table's rows in canonical form, sorted, so two holders of the same rows compare equal. */
export function canonicalRows(rows: Iterable<Readonly<Record<string, unknown>>>): string[] {
  return [...rows].map(canonicalRow).sort();
}
