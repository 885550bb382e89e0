/**
 * The vitest side of the simulator: one cloud per test file, `runs` trials through fast-check,
 * the totals printed, and on a violation the seed, the path and the shrunk plan in the
 * failure (fast-check's report) with the fault counts of the whole run.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimBackend, type SimCloud, startSimCloud } from './sim-cloud';
import { emptyStats, formatStats, replayParameters, simProperty } from './sim-property';

/** Generous: the trials share two cores with the rest of the suite. */
const FILE_TIMEOUT_MS = 25 * 60_000;

/** `BRIGADE_SIM_RUNS` scales every file's trials (more for a long local run, fewer while debugging). */
function runsFor(defaultRuns: number): number {
  const raw = process.env.BRIGADE_SIM_RUNS;
  if (raw === undefined) return defaultRuns;
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`BRIGADE_SIM_RUNS must be a positive integer, not "${raw}"`);
  return runs;
}

export function describeSimTrials(backend: SimBackend, defaultRuns: number): void {
  const runs = runsFor(defaultRuns);
  describe(`sync simulator on ${backend}`, () => {
    let sim: SimCloud | undefined;
    beforeAll(async () => {
      sim = await startSimCloud(backend);
    }, 120_000);
    afterAll(async () => {
      await sim?.close();
    });

    const replay = replayParameters();
    const title = replay.path ? `replays trial ${replay.path} of seed ${replay.seed ?? '?'}` : `keeps every invariant through ${runs} randomized trials of three edges under faults`;
    it(title, async () => {
      if (!sim) throw new Error('the simulated cloud did not start');
      const stats = emptyStats();
      // Chosen and printed up front, so even a run cut short by its timeout can be replayed.
      const seed = replay.seed ?? (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
      console.log(`simulator on ${backend}: seed ${seed}`);
      const details = await fc.check(simProperty(sim, stats), {
        seed,
        numRuns: replay.path ? 1 : runs,
        ...(replay.path ? { path: replay.path, endOnFailure: true } : {}),
        // Shrinking reruns trials; stop in time to report what was found rather than be killed silently.
        interruptAfterTimeLimit: FILE_TIMEOUT_MS - 3 * 60_000,
        markInterruptAsFailure: true,
      });
      console.log(`simulator on ${backend}:\n${formatStats(stats)}`);
      if (details.failed) {
        const report = fc.defaultReportMessage(details) ?? 'the property failed';
        throw new Error(`${report}\nReplay: BRIGADE_SIM_SEED=${details.seed} BRIGADE_SIM_PATH=${details.counterexamplePath ?? ''} npx vitest run <this file>\n${formatStats(stats)}`);
      }
      expect(stats.violations).toBe(0);
      expect(stats.trials).toBe(replay.path ? 1 : runs);
    }, FILE_TIMEOUT_MS);
  });
}
