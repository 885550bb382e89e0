/**
 * `npm run soak -- --minutes 10 [--postgres] [--seed N] [--size small|large]`: runs simulator
 * trials until the time is up, then prints the trials, the faults injected by kind and the
 * violations found. On a violation fast-check shrinks the plan and the command exits 1 with
 * the seed and path that replay it (docs/reliability.md, "Reproducing a seed").
 */
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { type SimBackend, startSimCloud } from './sim-cloud';
import { emptyStats, formatStats, replayParameters, simProperty } from './sim-property';
import type { PlanSize } from './workload';

const SIZES: Record<string, PlanSize> = {
  small: { minSteps: 6, maxSteps: 24 },
  large: { minSteps: 30, maxSteps: 120, maxNoise: 0.12 },
};

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { minutes: { type: 'string', default: '10' }, postgres: { type: 'boolean', default: false }, seed: { type: 'string' }, path: { type: 'string' }, size: { type: 'string', default: 'small' } },
  });
  const minutes = Number(values.minutes);
  if (!Number.isFinite(minutes) || minutes <= 0) throw new Error('--minutes takes a positive number');
  const size = SIZES[values.size ?? 'small'];
  if (!size) throw new Error(`--size is small or large, not ${values.size}`);
  const backend: SimBackend = values.postgres ? 'postgres' : 'pglite';
  const replay = replayParameters({ ...process.env, ...(values.seed ? { BRIGADE_SIM_SEED: values.seed } : {}), ...(values.path ? { BRIGADE_SIM_PATH: values.path } : {}) });
  const seed = replay.seed ?? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  console.log(`soak: ${minutes} min on ${backend}, seed ${seed}, ${values.size} plans`);

  const sim = await startSimCloud(backend);
  const stats = emptyStats();
  const started = Date.now();
  const progress = setInterval(() => console.log(`… ${Math.round((Date.now() - started) / 1000)} s: ${stats.trials} trials, ${stats.violations} violations`), 60_000);
  try {
    const outcome = await fc.check(simProperty(sim, stats, size), {
      seed,
      ...(replay.path ? { path: replay.path, endOnFailure: true } : {}),
      numRuns: replay.path ? 1 : Number.MAX_SAFE_INTEGER,
      interruptAfterTimeLimit: minutes * 60_000,
      markInterruptAsFailure: false,
    });
    console.log(formatStats(stats));
    console.log(`elapsed ${((Date.now() - started) / 60_000).toFixed(1)} min on ${backend}`);
    if (outcome.failed) {
      console.log(fc.defaultReportMessage(outcome) ?? 'failed');
      console.log(`reproduce: npm run soak -- ${values.postgres ? '--postgres ' : ''}--seed ${outcome.seed} --path ${outcome.counterexamplePath ?? ''}`);
      return 1;
    }
    return 0;
  } finally {
    clearInterval(progress);
    await sim.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
