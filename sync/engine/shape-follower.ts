/**
 * The edge's side of a cloud → edge shape (sync.md §8.2): wraps the official `ShapeStream`,
 * buffers change messages until the server says `up-to-date`, then hands the whole batch
 * with the `{handle, offset}` to resume from to `onBatch`, which the edge applies together
 * with that offset in one SQLite transaction. After a `must-refetch` (the shape was rotated)
 * the next batch comes with `reset: true`: it is the complete new snapshot, so the caller
 * replaces that table's rows instead of merging.
 */
import { type ChangeMessage, FetchError, type Message, type Offset, type Row, ShapeStream, isChangeMessage, isControlMessage } from '@electric-sql/client';
import { SHAPE_SCHEMA_PARAM, SHAPE_SCHEMA_VERSION, STORE_WHERE, type ShapeName } from '../protocol/shapes';
import type { BackoffPolicy } from './backoff';

export interface ShapeBatchInfo {
  readonly handle: string;
  readonly offset: string;
  /** The batch is a fresh full snapshot: replace the table's rows with it. */
  readonly reset: boolean;
}

export interface ShapeFollowerOptions<T extends Row<unknown> = Row> {
  /** The cloud's base URL; the follower adds `/v1/shape`. */
  readonly url: string;
  readonly table: ShapeName;
  readonly storeId: string;
  readonly credential: string | (() => string);
  /** Where a previous run stopped (both or neither). */
  readonly offset?: string;
  readonly handle?: string;
  readonly fetch?: typeof fetch;
  /** The shape schema version to follow (default SHAPE_SCHEMA_VERSION); the simulator sets older or newer ones. */
  readonly schemaVersion?: number;
  /** How long to wait before asking again when the cloud refused the version as too new (default 5 minutes). */
  readonly schemaRetryMs?: number;
  /** How the client backs off after a failed request (the client's own default: 1 s growing to 32 s). */
  readonly backoff?: BackoffPolicy;
  readonly onBatch: (messages: readonly ChangeMessage<T>[], info: ShapeBatchInfo) => void | Promise<void>;
  readonly onError?: (error: Error) => void;
}

export interface ShapeFollowerStatus {
  readonly upToDate: boolean;
  readonly handle: string | null;
  readonly offset: string | null;
  readonly lastError: string | null;
  /** The stable code of the cloud's last refusal (e.g. `SHAPE_SCHEMA_TOO_NEW`); null once a batch arrives. */
  readonly refused: string | null;
  readonly batches: number;
}

export interface ShapeFollower {
  stop(): void;
  status(): ShapeFollowerStatus;
}

export function followShape<T extends Row<unknown> = Row>(options: ShapeFollowerOptions<T>): ShapeFollower {
  const abort = new AbortController();
  const resuming = options.offset !== undefined && options.handle !== undefined;
  const stream = new ShapeStream<T>({
    url: new URL('/v1/shape', options.url).toString(),
    params: { table: options.table, where: STORE_WHERE, params: [options.storeId], [SHAPE_SCHEMA_PARAM]: String(options.schemaVersion ?? SHAPE_SCHEMA_VERSION) },
    headers: { authorization: () => `Bearer ${typeof options.credential === 'function' ? options.credential() : options.credential}` },
    ...(resuming ? { offset: options.offset as Offset, handle: options.handle } : {}),
    ...(options.fetch ? { fetchClient: options.fetch } : {}),
    ...(options.backoff ? { backoffOptions: { initialDelay: options.backoff.baseMs, maxDelay: options.backoff.maxMs, multiplier: 2 } } : {}),
    signal: abort.signal,
    onError: async (error) => {
      const refused = refusalCode(error);
      state = { ...state, lastError: error.message, refused };
      options.onError?.(error);
      // The cloud will be upgraded sooner or later: ask again, slowly, rather than stop for good or spin.
      if (refused === 'SHAPE_SCHEMA_TOO_NEW' && (await pause(options.schemaRetryMs ?? SCHEMA_RETRY_MS, abort.signal))) return {};
      return undefined;
    },
  });
  let buffer: ChangeMessage<T>[] = [];
  // A first sync from offset -1 is a full snapshot as well: let the caller replace its rows.
  let reset = !resuming;
  let state: ShapeFollowerStatus = { upToDate: false, handle: options.handle ?? null, offset: options.offset ?? null, lastError: null, refused: null, batches: 0 };

  const handle = async (messages: Message<T>[]): Promise<void> => {
    for (const message of messages) {
      if (isChangeMessage(message)) {
        buffer.push(message);
        state = { ...state, upToDate: false };
      } else if (isControlMessage(message)) {
        if (message.headers.control === 'must-refetch') {
          buffer = [];
          reset = true;
          state = { ...state, upToDate: false };
        } else if (message.headers.control === 'up-to-date') {
          const info: ShapeBatchInfo = { handle: stream.shapeHandle ?? '', offset: stream.lastOffset, reset };
          const batch = buffer;
          buffer = [];
          if (batch.length > 0 || reset || info.offset !== state.offset) {
            await options.onBatch(batch, info);
            state = { ...state, batches: state.batches + 1 };
          }
          reset = false;
          state = { ...state, upToDate: true, handle: info.handle, offset: info.offset, lastError: null, refused: null };
        }
      }
    }
  };
  stream.subscribe(handle, (error) => {
    state = { ...state, lastError: error.message };
  });
  return {
    stop: () => {
      stream.unsubscribeAll();
      abort.abort();
    },
    status: () => state,
  };
}

const SCHEMA_RETRY_MS = 300_000;

/** The cloud's stable code of a 4xx refusal (`{ error: { code } }`), or null. */
function refusalCode(error: Error): string | null {
  if (!(error instanceof FetchError) || error.status < 400 || error.status >= 500) return null;
  const code = (error.json as { error?: { code?: unknown } } | undefined)?.error?.code;
  return typeof code === 'string' ? code : null;
}

/** Resolves true after `ms`, or false as soon as the follower is stopped. */
function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
