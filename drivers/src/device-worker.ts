/**
 * One worker per physical device. It owns the connection, runs jobs one at a time (most
 * devices serve one conversation at a time and interleaved bytes corrupt both), lets urgent
 * work such as a drawer kick jump the queue, and reconnects with exponential back-off and
 * jitter so a dozen devices coming back after a power cut do not retry in lockstep.
 */
import { EventEmitter } from 'node:events';
import type { Transport } from './transports/transport';

export type DeviceState = 'connecting' | 'online' | 'offline' | 'closed';

export interface Backoff {
  initialMs: number;
  maxMs: number;
  /** ± fraction of the delay chosen at random (0.2 = ±20 %). */
  jitter: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 250, maxMs: 10_000, jitter: 0.2 };

/** Delay before reconnect attempt `attempt` (0-based); `random` returns [0, 1). */
export function backoffDelay(attempt: number, b: Backoff = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const base = Math.min(b.maxMs, b.initialMs * 2 ** Math.min(attempt, 30));
  const spread = base * b.jitter * (2 * random() - 1);
  return Math.max(0, Math.round(base + spread));
}

export class DeviceOfflineError extends Error {
  constructor(id: string) {
    super(`device ${id} is offline`);
    this.name = 'DeviceOfflineError';
  }
}

export interface DeviceWorkerOptions {
  id: string;
  /** Makes a fresh transport for each connection attempt. */
  transport: () => Transport;
  backoff?: Partial<Backoff>;
  /** Run after each connect; a throw counts as a failed attempt (e.g. a printer that does not answer). */
  probe?: (t: Transport) => Promise<void>;
  random?: () => number;
}

type Job = () => Promise<void>;

export class DeviceWorker extends EventEmitter {
  readonly id: string;
  private current: Transport | null = null;
  private stateValue: DeviceState = 'offline';
  private attempt = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly queue: Job[] = [];
  private running = false;
  private readonly backoff: Backoff;
  private lastError: Error | undefined;

  constructor(private readonly opts: DeviceWorkerOptions) {
    super();
    this.id = opts.id;
    this.backoff = { ...DEFAULT_BACKOFF, ...opts.backoff };
  }

  get state(): DeviceState {
    return this.stateValue;
  }

  get error(): Error | undefined {
    return this.lastError;
  }

  /** Starts connecting; the worker keeps the device connected until `close`. */
  start(): void {
    if (this.stateValue === 'closed' || this.stateValue === 'connecting' || this.stateValue === 'online') return;
    void this.connect();
  }

  /** Resolves when the device is online (or rejects after `timeoutMs`). */
  waitFor(state: DeviceState, timeoutMs = 5000): Promise<void> {
    if (this.stateValue === state) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onState = (s: DeviceState): void => {
        if (s !== state) return;
        clearTimeout(timer);
        this.off('state', onState);
        resolve();
      };
      const timer = setTimeout(() => {
        this.off('state', onState);
        reject(new Error(`${this.id} did not become ${state} within ${timeoutMs} ms (now ${this.stateValue})`));
      }, timeoutMs);
      this.on('state', onState);
    });
  }

  /** Runs a job alone on the connection, after the jobs queued before it. */
  run<T>(job: (t: Transport) => Promise<T>): Promise<T> {
    return this.enqueue(job, false);
  }

  /** Runs a job next, ahead of queued jobs (drawer kicks, cancel requests). */
  urgent<T>(job: (t: Transport) => Promise<T>): Promise<T> {
    return this.enqueue(job, true);
  }

  /** Writes at once, even while another job waits for a reply: for real-time commands only. */
  async writeNow(bytes: Uint8Array): Promise<void> {
    const t = this.current;
    if (!t || this.stateValue !== 'online') throw new DeviceOfflineError(this.id);
    await t.write(bytes);
  }

  async close(): Promise<void> {
    this.setState('closed');
    if (this.timer) clearTimeout(this.timer);
    const t = this.current;
    this.current = null;
    if (t) await t.close().catch(() => undefined);
  }

  private enqueue<T>(job: (t: Transport) => Promise<T>, front: boolean): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const wrapped: Job = async () => {
        const t = this.current;
        if (!t || this.stateValue !== 'online') {
          reject(new DeviceOfflineError(this.id));
          return;
        }
        try {
          resolve(await job(t));
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      };
      if (front) this.queue.unshift(wrapped);
      else this.queue.push(wrapped);
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let job = this.queue.shift(); job; job = this.queue.shift()) await job();
    } finally {
      this.running = false;
    }
  }

  private async connect(): Promise<void> {
    if (this.stateValue === 'closed') return;
    this.setState('connecting');
    const t = this.opts.transport();
    try {
      await t.open();
      if (this.opts.probe) await this.opts.probe(t);
    } catch (err) {
      await t.close().catch(() => undefined);
      this.lastError = err instanceof Error ? err : new Error(String(err));
      this.scheduleReconnect();
      return;
    }
    if (this.closed()) {
      await t.close().catch(() => undefined);
      return;
    }
    this.current = t;
    this.attempt = 0;
    this.lastError = undefined;
    t.onData((b) => this.emit('data', b));
    t.onClose((err) => {
      if (this.current !== t) return;
      this.current = null;
      this.lastError = err;
      this.scheduleReconnect();
    });
    this.setState('online');
  }

  private scheduleReconnect(): void {
    if (this.stateValue === 'closed') return;
    this.setState('offline');
    const delay = backoffDelay(this.attempt, this.backoff, this.opts.random);
    this.attempt += 1;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.connect();
    }, delay);
  }

  // A method, not an inline comparison: the state can change while `connect` awaits.
  private closed(): boolean {
    return this.stateValue === 'closed';
  }

  private setState(s: DeviceState): void {
    if (this.stateValue === s) return;
    this.stateValue = s;
    this.emit('state', s, this.lastError);
  }
}
