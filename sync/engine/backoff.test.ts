import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sleeper, backoffDelay } from './backoff';

describe('backoff with full jitter', () => {
  it('stays between zero and the doubled base, capped at the maximum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.double({ min: 0, max: 0.999_999, noNaN: true }), (failures, r) => {
        const delay = backoffDelay({ baseMs: 500, maxMs: 60_000 }, failures, () => r);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(Math.min(60_000, 500 * 2 ** Math.min(failures, 20)));
      }),
    );
  });

  it('spreads retries instead of sending them in lockstep', () => {
    const delays = [0.1, 0.5, 0.9].map((r) => backoffDelay({ baseMs: 1_000, maxMs: 60_000 }, 3, () => r));
    expect(new Set(delays).size).toBe(3);
  });
});

describe('sleeper', () => {
  it('ends a sleep early on wake, and keeps a wake that came while awake for the next sleep', async () => {
    const sleeper = new Sleeper();
    const long = sleeper.sleep(60_000);
    sleeper.wake();
    await long;
    sleeper.wake();
    let done = false;
    await Promise.race([sleeper.sleep(60_000).then(() => (done = true)), new Promise((r) => setTimeout(r, 1_000))]);
    expect(done).toBe(true);
  });
});
