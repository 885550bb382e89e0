/**
 * The simulator as a fast-check property: a plan is generated, run as a trial, and any
 * violation fails the run, so fast-check shrinks the plan and prints the seed and path that
 * replay it. `BRIGADE_SIM_SEED` (and `BRIGADE_SIM_PATH` for the shrunk case) replays a
 * failure: the same plan — steps, armed faults and noise seed — runs again.
 */
import fc from 'fast-check';
import { FAULT_KINDS, type FaultCounts, addFaultCounts, emptyFaultCounts, formatFaultCounts } from './fault-kinds';
import type { SimCloud } from './sim-cloud';
import { describeViolations, runTrial } from './trial';
import { type PlanSize, planArbitrary } from './workload';

export interface SimStats {
  trials: number;
  steps: number;
  pushes: number;
  shapeRequests: number;
  violations: number;
  readonly faults: FaultCounts;
  readonly outcomes: Map<string, number>;
}

export function emptyStats(): SimStats {
  return { trials: 0, steps: 0, pushes: 0, shapeRequests: 0, violations: 0, faults: emptyFaultCounts(), outcomes: new Map() };
}

export function simProperty(sim: SimCloud, stats: SimStats, size: PlanSize = {}) {
  return fc.asyncProperty(planArbitrary(size), async (plan) => {
    const result = await runTrial(sim, plan);
    stats.trials += 1;
    stats.steps += result.steps;
    stats.pushes += result.requests.push;
    stats.shapeRequests += result.requests.shape;
    stats.violations += result.violations.length;
    addFaultCounts(stats.faults, result.faults);
    for (const [key, n] of result.outcomes) stats.outcomes.set(key, (stats.outcomes.get(key) ?? 0) + n);
    if (result.violations.length > 0) {
      throw new Error(`${result.violations.length} invariant violations on ${sim.backend} (faults: ${formatFaultCounts(result.faults)}):\n${describeViolations(result.violations)}`);
    }
  });
}

/** Seed and path from the environment, to replay a reported failure. */
export function replayParameters(env: NodeJS.ProcessEnv = process.env): { seed?: number; path?: string } {
  const seed = env.BRIGADE_SIM_SEED;
  const path = env.BRIGADE_SIM_PATH;
  if (seed !== undefined && !/^-?\d+$/.test(seed)) throw new Error(`BRIGADE_SIM_SEED must be an integer, not "${seed}"`);
  return { ...(seed !== undefined ? { seed: Number(seed) } : {}), ...(path ? { path } : {}) };
}

export function formatStats(stats: SimStats): string {
  const outcomes = [...stats.outcomes].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
  const injected = FAULT_KINDS.reduce((sum, k) => sum + stats.faults[k], 0);
  return [
    `trials ${stats.trials}, steps ${stats.steps}, violations ${stats.violations}`,
    `requests: ${stats.pushes} pushes, ${stats.shapeRequests} shape requests`,
    `faults injected ${injected}: ${formatFaultCounts(stats.faults)}`,
    `outcomes: ${outcomes}`,
  ].join('\n');
}
