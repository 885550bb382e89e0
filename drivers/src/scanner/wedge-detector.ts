/**
 * Tells a keyboard-wedge scanner from a person typing, by keystroke timing: a scanner
 * "types" a whole code in a few milliseconds per key and ends with Enter; people do not.
 * Pure and browser-safe (no timers, no DOM): the screen feeds it keys with their event time
 * and acts on the result. Keys that turn out to be typing are handed back to be replayed.
 */
export interface WedgeOptions {
  /** Longest gap between scanner keystrokes; 35 ms suits USB scanners at default speed. */
  maxGapMs?: number;
  /** Shortest code worth treating as a scan (EAN-8 is 8). */
  minLength?: number;
  /** Keys that end a scan. */
  terminators?: readonly string[];
}

export type WedgeResult =
  | { kind: 'pending' }
  | { kind: 'scan'; code: string }
  | { kind: 'typed'; keys: string[] };

export class WedgeDetector {
  private buffer: string[] = [];
  private lastAt = -Infinity;
  private readonly maxGapMs: number;
  private readonly minLength: number;
  private readonly terminators: readonly string[];

  constructor(opts: WedgeOptions = {}) {
    this.maxGapMs = opts.maxGapMs ?? 35;
    this.minLength = opts.minLength ?? 6;
    this.terminators = opts.terminators ?? ['Enter', 'Tab'];
  }

  /** Feeds one key (`KeyboardEvent.key`) pressed at `atMs` (`KeyboardEvent.timeStamp`). */
  key(key: string, atMs: number): WedgeResult {
    const gap = atMs - this.lastAt;
    this.lastAt = atMs;
    if (this.terminators.includes(key)) {
      const keys = this.buffer;
      this.buffer = [];
      if (keys.length >= this.minLength && gap <= this.maxGapMs) return { kind: 'scan', code: keys.join('') };
      return keys.length > 0 ? { kind: 'typed', keys: [...keys, key] } : { kind: 'typed', keys: [key] };
    }
    if (key.length !== 1) {
      // Shift, arrows and the like: never part of a code.
      const keys = [...this.buffer, key];
      this.buffer = [];
      return { kind: 'typed', keys };
    }
    if (this.buffer.length > 0 && gap > this.maxGapMs) {
      // Too slow for a scanner: what was held back is typing; this key may start a scan.
      const keys = this.buffer;
      this.buffer = [key];
      return { kind: 'typed', keys };
    }
    this.buffer.push(key);
    return { kind: 'pending' };
  }

  /** Call when no key came for a while (e.g. 100 ms): held keys were typing. */
  flush(): WedgeResult {
    const keys = this.buffer;
    this.buffer = [];
    return keys.length > 0 ? { kind: 'typed', keys } : { kind: 'pending' };
  }
}
