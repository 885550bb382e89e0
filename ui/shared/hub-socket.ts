/**
 * One WebSocket per screen. It reconnects with growing back-off and asks for what it missed
 * with `since=<last seq>`; when the hub can no longer replay that far it sends `resync` and
 * the screen reloads its state over HTTP.
 */
import type { HubEvent } from '@brigade/sync/model';
import type { HubMessage } from './hub-types';

export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'offline';

export interface HubSocketOptions {
  url: (since: number | null) => string;
  onEvent: (event: HubEvent) => void;
  onResync: () => void;
  onState?: (state: ConnectionState) => void;
  onHello?: (hello: Extract<HubMessage, { type: 'hello' }>) => void;
  /** After this many failed attempts in a row the badge says offline (we keep trying). */
  offlineAfterAttempts?: number;
  WebSocketImpl?: typeof WebSocket;
  /** Wait before reconnect attempt n (0-based); defaults to `backoffMs`. */
  backoff?: (attempt: number) => number;
}

/** 0.5 s, 1 s, 2 s … capped at 15 s: fast when the hub restarts, gentle when it is gone. */
export function backoffMs(attempt: number): number {
  return Math.min(15_000, 500 * 2 ** Math.max(0, attempt));
}

export class HubSocket {
  private socket: WebSocket | null = null;
  private lastSeq: number | null = null;
  private attempts = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private readonly options: HubSocketOptions;

  constructor(options: HubSocketOptions) {
    this.options = options;
  }

  get seq(): number | null {
    return this.lastSeq;
  }

  start(): void {
    this.closed = false;
    this.connect();
  }

  stop(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.socket?.close();
    this.socket = null;
  }

  private connect(): void {
    const Impl = this.options.WebSocketImpl ?? WebSocket;
    const socket = new Impl(this.options.url(this.lastSeq));
    this.socket = socket;
    this.setState(this.attempts === 0 ? 'connecting' : this.stateWhileRetrying());
    socket.onmessage = (message: MessageEvent) => this.receive(String(message.data));
    // An error is always followed by `close`, which reconnects. Listening here also keeps a
    // socket stopped while still connecting from raising an unhandled error (Node's `ws`).
    socket.onerror = () => undefined;
    socket.onclose = () => {
      if (this.socket !== socket || this.closed) return;
      this.socket = null;
      this.attempts += 1;
      this.setState(this.stateWhileRetrying());
      this.timer = setTimeout(() => this.connect(), (this.options.backoff ?? backoffMs)(this.attempts - 1));
    };
  }

  private stateWhileRetrying(): ConnectionState {
    return this.attempts >= (this.options.offlineAfterAttempts ?? 4) ? 'offline' : 'reconnecting';
  }

  private receive(data: string): void {
    let message: HubMessage;
    try {
      message = JSON.parse(data) as HubMessage;
    } catch {
      return;
    }
    if (message.type === 'hello') {
      this.attempts = 0;
      this.setState('online');
      // A hub whose sequence went backwards was reset: everything we hold may be stale.
      if (this.lastSeq !== null && message.seq < this.lastSeq) {
        this.lastSeq = message.seq;
        this.options.onResync();
      } else if (this.lastSeq === null) {
        this.lastSeq = message.seq;
      }
      this.options.onHello?.(message);
      return;
    }
    if (message.type === 'resync') {
      this.lastSeq = null;
      this.options.onResync();
      return;
    }
    if (this.lastSeq !== null && message.seq <= this.lastSeq) return;
    this.lastSeq = message.seq;
    this.options.onEvent(message);
  }

  private setState(state: ConnectionState): void {
    this.options.onState?.(state);
  }
}
