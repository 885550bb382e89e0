/**
 * Validates a Shape API request. Only what our shapes need is accepted; everything else is a
 * 400 with a stable code, which the official client treats as fatal rather than retrying.
 * Cache-busting parameters the client adds (`cache-buster`, `expired_handle`, …) are ignored.
 */
import { CloudError, SHAPE_SCHEMA_PARAM } from '@brigade/sync/protocol';
import { SHAPE_TABLES, type ShapeTableName } from '@brigade/sync/schema/pg';

export interface ShapeRequest {
  readonly table: ShapeTableName;
  readonly storeId: string;
  /** -1 for a snapshot, 'now' to skip history, else the log offset to read after. */
  readonly offset: number | 'snapshot' | 'now';
  readonly handle: string | null;
  readonly live: boolean;
  readonly cursor: string | null;
  /** The follower's shape schema version (`schema_version`); 1 when not sent (edges from before versions). */
  readonly schemaVersion: number;
}

type Query = Readonly<Record<string, string | string[] | undefined>>;

function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw new CloudError('SHAPE_PARAMS_INVALID', `${name} was given more than once.`, { param: name });
  return value;
}

export function parseShapeRequest(query: Query): ShapeRequest {
  const table = single(query, 'table');
  if (!table || !Object.hasOwn(SHAPE_TABLES, table.replace(/^public\./, ''))) {
    throw new CloudError('SHAPE_TABLE_UNKNOWN', undefined, { table: table ?? null });
  }
  const where = single(query, 'where');
  if (!where || !/^\s*"?store_id"?\s*=\s*\$1\s*$/.test(where)) throw new CloudError('SHAPE_WHERE_UNSUPPORTED', undefined, { where: where ?? null });
  const storeId = single(query, 'params[1]') ?? single(query, 'params[0]');
  const extraParams = Object.keys(query).filter((k) => /^params\[(\d+)\]$/.test(k) && k !== 'params[1]');
  if (!storeId || storeId.length > 64 || extraParams.length > 0) throw new CloudError('SHAPE_PARAMS_INVALID', 'Give exactly one parameter, params[1], the store id.');
  for (const unsupported of ['columns', 'subset__where', 'subset__limit', 'subset__offset', 'subset__order_by', 'subset__params']) {
    if (query[unsupported] !== undefined) throw new CloudError('SHAPE_PARAMS_INVALID', `${unsupported} is not supported.`, { param: unsupported });
  }
  if (single(query, 'live_sse') === 'true' || single(query, 'experimental_live_sse') === 'true') {
    throw new CloudError('SHAPE_PARAMS_INVALID', 'Server-sent events are not supported; use long-polling.', { param: 'live_sse' });
  }
  const rawOffset = single(query, 'offset');
  let offset: ShapeRequest['offset'];
  if (rawOffset === '-1') offset = 'snapshot';
  else if (rawOffset === 'now') offset = 'now';
  else if (rawOffset && /^\d{1,18}_\d{1,9}$/.test(rawOffset)) offset = Number(rawOffset.split('_')[0]);
  else throw new CloudError('SHAPE_OFFSET_INVALID', undefined, { offset: rawOffset ?? null });
  const handle = single(query, 'handle') ?? null;
  if (handle !== null && !/^[0-9a-f]{1,64}-\d{1,24}(?:-v\d{1,4})?$/.test(handle)) throw new CloudError('SHAPE_PARAMS_INVALID', 'The handle is not valid.', { param: 'handle' });
  if (typeof offset === 'number' && handle === null) throw new CloudError('SHAPE_HANDLE_REQUIRED');
  const live = single(query, 'live');
  if (live !== undefined && live !== 'true' && live !== 'false') throw new CloudError('SHAPE_PARAMS_INVALID', 'live must be true or false.', { param: 'live' });
  if (live === 'true' && offset === 'snapshot') throw new CloudError('SHAPE_PARAMS_INVALID', 'A live request needs an offset from an earlier response.', { param: 'live' });
  const rawVersion = single(query, SHAPE_SCHEMA_PARAM);
  if (rawVersion !== undefined && !/^[1-9]\d{0,3}$/.test(rawVersion)) {
    throw new CloudError('SHAPE_PARAMS_INVALID', `${SHAPE_SCHEMA_PARAM} must be a whole number from 1.`, { param: SHAPE_SCHEMA_PARAM });
  }
  const schemaVersion = rawVersion === undefined ? 1 : Number(rawVersion);
  return { table: table.replace(/^public\./, '') as ShapeTableName, storeId, offset, handle, live: live === 'true', cursor: single(query, 'cursor') ?? null, schemaVersion };
}
