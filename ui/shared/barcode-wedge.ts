/**
 * Barcode scanners in keyboard-wedge mode type the code and press Enter, far faster than a
 * person can. This tells a scan from typing: characters arriving less than `maxGapMs`
 * apart, at least `minLength` of them, ended by Enter.
 */
export interface WedgeOptions {
  maxGapMs?: number;
  minLength?: number;
}

export class BarcodeWedge {
  private buffer = '';
  private lastAt = -Infinity;
  private readonly maxGapMs: number;
  private readonly minLength: number;

  constructor(options: WedgeOptions = {}) {
    this.maxGapMs = options.maxGapMs ?? 50;
    this.minLength = options.minLength ?? 6;
  }

  /** Feeds one key (`KeyboardEvent.key`) at `atMs`; returns the code when a scan completes. */
  feed(key: string, atMs: number): string | null {
    const gap = atMs - this.lastAt;
    this.lastAt = atMs;
    if (key === 'Enter') {
      const code = gap <= this.maxGapMs && this.buffer.length >= this.minLength ? this.buffer : null;
      this.buffer = '';
      return code;
    }
    if (key.length !== 1) {
      this.buffer = '';
      return null;
    }
    // A slow key starts a new candidate: people type, scanners burst.
    this.buffer = gap <= this.maxGapMs ? this.buffer + key : key;
    return null;
  }
}
