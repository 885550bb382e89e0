/**
 * The edge's outbox pusher (sync.md §8.1): one loop sends the outbox in `seq` order in
 * batches of at most 500, acks only what the cloud's response confirms (`lastSeq`), and on
 * network or server errors backs off with jitter and sends the same batch again — safe,
 * because the cloud answers a replayed seq with its stored result. A push with no mutations
 * is the heartbeat that keeps the store's online ordering open, so the loop pushes at least
 * every `heartbeatMs` even when the outbox is empty.
 */
import { type OutboxMutation, PUSH_BATCH_MAX, type PushRequest, type PushResponse, type PushResult, type PushStatusReport } from '../protocol/push';
import { type BackoffPolicy, DEFAULT_BACKOFF, Sleeper, backoffDelay } from './backoff';

type MaybePromise<T> = T | Promise<T>;

export interface PusherOptions {
  /** The oldest `limit` outbox rows, in seq order. */
  readonly peek: (limit: number) => MaybePromise<readonly OutboxMutation[]>;
  /** Forget every outbox row with seq ≤ uptoSeq. */
  readonly ack: (uptoSeq: number) => MaybePromise<void>;
  /** How many rows wait in total (for the status shown on screens and sent to the cloud). */
  readonly count?: () => MaybePromise<number>;
  readonly nodeId: string;
  readonly epoch: number;
  readonly storeId: string;
  /** The cloud's base URL, e.g. `https://cloud.example.com`. */
  readonly url: string;
  /** The store credential; a function so a rotated credential is picked up. */
  readonly credential: string | (() => string);
  readonly fetch?: typeof fetch;
  readonly batchSize?: number;
  readonly heartbeatMs?: number;
  readonly requestTimeoutMs?: number;
  readonly backoff?: BackoffPolicy;
  readonly random?: () => number;
  readonly now?: () => number;
  /** Called with the cloud's business rejections so the edge can show them to a manager. */
  readonly onRejected?: (rejected: readonly PushResult[]) => MaybePromise<void>;
  /** More for the status report sent with every push (the edge's printers); merged after the outbox figures. */
  readonly report?: () => MaybePromise<Omit<Partial<PushStatusReport>, 'waiting' | 'oldestAgeSeconds'>>;
  /** Called after every round with the new status (the edge shows it on its screens). */
  readonly onStatus?: (status: PusherStatus) => void;
}

export interface PusherStatus {
  /** The last push reached the cloud. */
  readonly online: boolean;
  readonly waiting: number;
  readonly oldestAgeSeconds: number | null;
  readonly lastError: string | null;
  readonly lastPushAt: string | null;
  readonly lastAckedSeq: number;
  readonly consecutiveFailures: number;
}

export interface Pusher {
  start(): void;
  stop(): Promise<void>;
  /** New rows are in the outbox: push now rather than at the next heartbeat. */
  wake(): void;
  /** One push round (a batch, or a heartbeat when empty); throws on failure. For tests and tools. */
  pushOnce(): Promise<PushResponse>;
  status(): PusherStatus;
}

export class PushHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'PushHttpError';
  }
}

export function createPusher(options: PusherOptions): Pusher {
  const batchSize = Math.min(options.batchSize ?? PUSH_BATCH_MAX, PUSH_BATCH_MAX);
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? fetch;
  const sleeper = new Sleeper();
  let running: Promise<void> | null = null;
  let stopping = false;
  let state: PusherStatus = { online: false, waiting: 0, oldestAgeSeconds: null, lastError: null, lastPushAt: null, lastAckedSeq: 0, consecutiveFailures: 0 };

  async function pushOnce(): Promise<PushResponse> {
    const batch = await options.peek(batchSize);
    const waiting = options.count ? await options.count() : batch.length;
    const oldest = batch[0] ? Math.max(0, Math.floor((now() - Date.parse(batch[0].createdAt)) / 1000)) : null;
    state = { ...state, waiting, oldestAgeSeconds: oldest };
    const extra = options.report ? await options.report() : {};
    const status: PushStatusReport = { ...extra, waiting, oldestAgeSeconds: oldest };
    const body: PushRequest = { storeId: options.storeId as PushRequest['storeId'], nodeId: options.nodeId, epoch: options.epoch, mutations: batch, status };
    const response = await post(body);
    // Everything up to lastSeq is held by the cloud (applied, duplicate or recorded as rejected).
    const first = batch[0];
    if (first && response.lastSeq >= first.seq) {
      await options.ack(response.lastSeq);
      state = { ...state, lastAckedSeq: Math.max(state.lastAckedSeq, response.lastSeq) };
    }
    const rejected = response.results.filter((r) => r.status === 'rejected');
    if (rejected.length > 0) await options.onRejected?.(rejected);
    if (response.expectedSeq !== undefined && batch[0] && response.expectedSeq < batch[0].seq) {
      // The cloud misses seqs the edge no longer holds: nothing can fix that by retrying.
      throw new PushHttpError(409, 'OUTBOX_GAP', `the cloud expects seq ${response.expectedSeq} but the outbox starts at ${batch[0].seq}`);
    }
    const after = options.count ? await options.count() : Math.max(0, waiting - response.results.length);
    state = { ...state, online: true, lastError: null, consecutiveFailures: 0, lastPushAt: new Date(now()).toISOString(), waiting: after };
    return response;
  }

  async function post(body: PushRequest): Promise<PushResponse> {
    const credential = typeof options.credential === 'function' ? options.credential() : options.credential;
    const response = await doFetch(new URL('/sync/push', options.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.requestTimeoutMs ?? 30_000),
    });
    const text = await response.text();
    if (!response.ok) {
      let code: string | null = null;
      try {
        code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? null;
      } catch {
        code = null;
      }
      throw new PushHttpError(response.status, code, `push refused with ${response.status}${code ? ` ${code}` : ''}`);
    }
    return JSON.parse(text) as PushResponse;
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      let delay = heartbeatMs;
      try {
        const response = await pushOnce();
        // A full batch means more is waiting: go again at once.
        if (response.results.length >= batchSize && response.expectedSeq === undefined) delay = 0;
      } catch (error) {
        const failures = state.consecutiveFailures + 1;
        state = { ...state, online: false, consecutiveFailures: failures, lastError: error instanceof Error ? error.message : String(error) };
        delay = backoffDelay(options.backoff ?? DEFAULT_BACKOFF, failures, options.random);
      }
      options.onStatus?.(state);
      if (delay > 0 && !stopping) await sleeper.sleep(delay);
    }
  }

  return {
    start() {
      if (running) return;
      stopping = false;
      running = loop().finally(() => {
        running = null;
      });
    },
    async stop() {
      stopping = true;
      sleeper.wake();
      await running;
    },
    wake: () => sleeper.wake(),
    pushOnce,
    status: () => state,
  };
}
