import type { Transport } from './transport';
import { TransportClosedError } from './transport';

export class ReplyTimeoutError extends Error {
  constructor(ms: number) {
    super(`no reply within ${ms} ms`);
    this.name = 'ReplyTimeoutError';
  }
}

/**
 * Unsolicited frames a device pushes between replies (ESC/POS automatic status back): a byte
 * for which `length` answers a number starts a frame of that many bytes, handed whole to `onFrame`.
 */
export interface UnsolicitedFrames {
  length: (first: number) => number | null;
  onFrame: (frame: number[]) => void;
}

/**
 * Collects bytes a device sends back and hands them out on request, with a deadline.
 * `accept` filters out unsolicited bytes (e.g. automatic status frames); `frames`, when
 * given, collects such frames instead of dropping them.
 */
export class ReplyReader {
  private buffered: number[] = [];
  private waiter: { count: number; resolve: (b: number[]) => void; reject: (e: Error) => void; timer: NodeJS.Timeout } | null = null;
  private readonly unsubscribe: Array<() => void>;
  private frame: { bytes: number[]; length: number } | null = null;

  constructor(
    private readonly transport: Transport, private readonly accept: (b: number) => boolean = () => true,
    private readonly frames?: UnsolicitedFrames,
  ) {
    this.unsubscribe = [
      transport.onData((bytes) => {
        for (const b of bytes) this.take(b);
        this.settle();
      }),
      transport.onClose((err) => this.fail(err ?? new TransportClosedError(transport.address))),
    ];
  }

  /** Forgets bytes that arrived late for an earlier question. */
  discard(): void {
    this.buffered = [];
  }

  read(count: number, timeoutMs: number): Promise<number[]> {
    if (this.waiter) return Promise.reject(new Error('a read is already waiting'));
    if (!this.transport.isOpen) return Promise.reject(new TransportClosedError(this.transport.address));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new ReplyTimeoutError(timeoutMs));
      }, timeoutMs);
      this.waiter = { count, resolve, reject, timer };
      this.settle();
    });
  }

  dispose(): void {
    for (const u of this.unsubscribe) u();
    this.fail(new Error('reader disposed'));
  }

  private take(b: number): void {
    // A reply byte cannot sit inside a frame (ASB bodies have bit 4 clear, DLE EOT replies set):
    // the "frame" was noise, and the reply must not be swallowed with it.
    if (this.frame && this.accept(b)) this.frame = null;
    if (this.frame) {
      this.frame.bytes.push(b);
      if (this.frame.bytes.length < this.frame.length) return;
      const done = this.frame.bytes;
      this.frame = null;
      this.frames?.onFrame(done);
      return;
    }
    const length = this.frames?.length(b) ?? null;
    if (length !== null && length > 1) this.frame = { bytes: [b], length };
    else if (length === 1) this.frames?.onFrame([b]);
    else if (this.accept(b)) this.buffered.push(b);
  }

  private settle(): void {
    const w = this.waiter;
    if (!w || this.buffered.length < w.count) return;
    this.waiter = null;
    clearTimeout(w.timer);
    w.resolve(this.buffered.splice(0, w.count));
  }

  private fail(err: Error): void {
    const w = this.waiter;
    if (!w) return;
    this.waiter = null;
    clearTimeout(w.timer);
    w.reject(err);
  }
}
