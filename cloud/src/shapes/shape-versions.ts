/**
 * Shape schema versions (sync.md §8.2: "bump a schema_version in the shape URL so old edges
 * keep the old shape until they upgrade"). Shape tables only grow by expand-only migrations;
 * each column added after version 1 is listed here with the version that added it. A follower
 * sends its version (`schema_version`); the cloud serves it exactly the columns that version
 * has, under a handle of its own, so:
 * - an edge that was not upgraded keeps its shape, its handle and its offset;
 * - an edge whose version changed presents a handle of its old version, gets 409 →
 *   `must-refetch` and rebuilds the table from a snapshot with its new columns;
 * - an edge newer than the cloud is refused with `SHAPE_SCHEMA_TOO_NEW` (it waits for the
 *   cloud's upgrade instead of reading rows it could not understand).
 */
import { CloudError, SHAPE_SCHEMA_VERSION } from '@brigade/sync/protocol';
import type { ShapeTableName } from '@brigade/sync/schema/pg';
import type { CloudSettings } from '../context';
import type { ChangeMessage } from './shape-log';
import type { ShapeTableInfo } from './shape-columns';

/** Columns added to a shape table after version 1, each with the version that added it. */
export type ShapeColumnsSince = Readonly<Partial<Record<ShapeTableName, Readonly<Record<string, number>>>>>;

/**
 * Every column added to a shape table since version 1. A migration that adds a column to a
 * shape table lists it here with the new `SHAPE_SCHEMA_VERSION`; a column not listed is sent
 * to every version (so list it, or old edges receive it too).
 */
export const SHAPE_COLUMNS_SINCE: ShapeColumnsSince = {};

export interface ShapeVersioning {
  /** The newest version this cloud serves. */
  readonly current: number;
  readonly since: ShapeColumnsSince;
}

export function shapeVersioning(settings: Pick<CloudSettings, 'shapeSchemaVersion' | 'shapeColumnsSince'>): ShapeVersioning {
  return { current: settings.shapeSchemaVersion ?? SHAPE_SCHEMA_VERSION, since: settings.shapeColumnsSince ?? SHAPE_COLUMNS_SINCE };
}

/** Refuses a follower on a version this cloud does not know yet. Call before anything is written. */
export function requireServedVersion(requested: number, versioning: ShapeVersioning): void {
  if (requested > versioning.current) {
    throw new CloudError('SHAPE_SCHEMA_TOO_NEW', undefined, { requested, served: versioning.current });
  }
}

/** The table as a follower on `version` sees it: only the columns that version has. */
export function infoForVersion(info: ShapeTableInfo, version: number, since: ShapeColumnsSince): ShapeTableInfo {
  const added = since[info.table];
  if (!added) return info;
  const hidden = new Set(Object.entries(added).filter(([, from]) => from > version).map(([column]) => column));
  if (hidden.size === 0) return info;
  const header = JSON.parse(info.schemaHeader) as Record<string, unknown>;
  for (const column of hidden) delete header[column];
  return { ...info, columns: info.columns.filter((c) => !hidden.has(c.name)), schemaHeader: JSON.stringify(header) };
}

/** Log entries hold whole rows as captured; a follower on an older version gets its columns only. */
export function projectMessages(messages: readonly ChangeMessage[], info: ShapeTableInfo): ChangeMessage[] {
  const columns = new Set(info.columns.map((c) => c.name));
  return messages.map((message) => {
    if (Object.keys(message.value).every((k) => columns.has(k))) return message;
    return { ...message, value: Object.fromEntries(Object.entries(message.value).filter(([k]) => columns.has(k))) };
  });
}

/**
 * The handle a follower on `version` is given. Version 1 keeps the stored handle, so edges
 * from before versions existed keep theirs; later versions add `-v<n>`. Rotation changes the
 * stored handle and with it every version's.
 */
export function versionedHandle(handle: string, version: number): string {
  return version === 1 ? handle : `${handle}-v${version}`;
}
