/**
 * Simulated time for the edges of a trial: the store's `now` and the pusher's `now` read this
 * clock, and the simulator moves it (minutes between orders, hours across a partition) while
 * the real waiting stays in milliseconds. It only moves forward.
 */
export interface SimClock {
  readonly now: () => Date;
  readonly nowMs: () => number;
  readonly advance: (ms: number) => void;
}

export function simClock(startIso: string): SimClock {
  let current = Date.parse(startIso);
  if (!Number.isFinite(current)) throw new Error(`not a time: ${startIso}`);
  return {
    now: () => new Date(current),
    nowMs: () => current,
    advance(ms) {
      if (ms < 0) throw new Error('simulated time only moves forward');
      current += ms;
    },
  };
}

/** mulberry32: a small seeded generator, so a seed replays the same fault decisions. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
