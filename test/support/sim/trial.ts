/**
 * One simulator trial: fresh stores in the shared cloud, three (or `plan.edges`) fresh edge
 * nodes enrolled for them, the plan's steps, then settle and check. Returns what happened
 * rather than throwing, so a property test and the soak can both report it.
 */
import { FaultNetwork } from './fault-network';
import type { FaultCounts } from './fault-kinds';
import { type TrialContext, prepareEdge, runStep } from './run-steps';
import { type SimCloud } from './sim-cloud';
import { seededRandom, simClock } from './sim-clock';
import { type SimEdge, closeSimEdge, openSimStore, startSimSync } from './sim-edge';
import { checkInvariants, type Violation } from './invariants';
import { settle } from './settle';
import type { TrialPlan } from './workload';

export interface TrialResult {
  readonly violations: readonly Violation[];
  readonly faults: FaultCounts;
  readonly outcomes: ReadonlyMap<string, number>;
  readonly steps: number;
  readonly requests: { readonly push: number; readonly shape: number };
}

/** Simulated days start here (a Tuesday afternoon) and move on by the plan's steps. */
const SIM_START = '2026-03-10T15:00:00.000Z';

export async function runTrial(sim: SimCloud, plan: TrialPlan): Promise<TrialResult> {
  const clock = simClock(SIM_START);
  const network = new FaultNetwork({ random: seededRandom(plan.noiseSeed), noise: plan.noise });
  // Each trial starts before the release: the cloud serves version 1 until a schema-bump step.
  sim.setShapeSchemaVersion(1);
  const stores = await sim.createStores(plan.edges);
  const edges: SimEdge[] = [];
  const ctx: TrialContext = { sim, network, clock, edges, stores, orders: stores.map(() => []), online: [], outcomes: new Map(), errors: [] };
  const violations: Violation[] = [];
  try {
    for (const [index, simStore] of stores.entries()) {
      const { dir, store } = openSimStore(clock);
      const credential = await sim.enrol(simStore.storeId, store.outbox.nodeId);
      const edge: SimEdge = { index, dir, store, storeId: simStore.storeId, credential, sync: null, schemaVersion: 1 };
      edges.push(edge);
      await prepareEdge(ctx, edge);
      startSimSync(edge, sim.url, network.fetchFor(index), clock);
    }
    for (const step of plan.steps) await runStep(ctx, step);
    const pending = await settle(sim, network, edges);
    for (const p of pending) violations.push({ invariant: 'settled', edge: null, detail: p });
    for (const e of ctx.errors) violations.push({ invariant: 'no-command-errors', edge: null, detail: e });
    for (const [index, r] of network.refetches) {
      // Each rotation or upgrade costs a follower one 409, two if a live request was parked; more is a refetch loop.
      if (r.seen > 2 * r.explained + 2) violations.push({ invariant: 'no-refetch-loop', edge: `edge ${index}`, detail: `${r.seen} must-refetch answers for ${r.explained} rotated or upgraded shapes` });
    }
    // Checked with sync stopped: nothing moves underneath the queries.
    for (const edge of edges) await edge.sync?.stop();
    violations.push(
      ...(await checkInvariants({ cloud: sim.cloud.ctx.database.db, edges: edges.map((e) => ({ label: `edge ${e.index}`, db: e.store.db, storeId: e.storeId })), wire: network.wire })),
    );
  } finally {
    await network.calm();
    for (const edge of edges) await closeSimEdge(edge);
  }
  return { violations, faults: network.counts, outcomes: ctx.outcomes, steps: plan.steps.length, requests: network.requests };
}

export function describeViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `[${v.invariant}]${v.edge ? ` ${v.edge}:` : ''} ${v.detail}${v.data === undefined ? '' : ` ${JSON.stringify(v.data).slice(0, 600)}`}`).join('\n');
}
