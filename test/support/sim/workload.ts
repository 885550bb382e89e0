/**
 * What a trial does, as plain data fast-check can generate, shrink and print: store work on
 * the edges (sales with payments, kitchen progress, refunds, voids, 86s, stock), head-office
 * work in the cloud (menu edits, online orders paid through Stripe), and the faults between
 * them (armed request faults, partitions of hours, shape rotations, held and stale requests).
 */
import fc from 'fast-check';
import { SHAPE_NAMES, type ShapeName } from '@brigade/sync/protocol';
import type { ArmedFault, Target } from './fault-network';

export const SALE_ITEMS = ['burger', 'fries', 'cola'] as const;
export type SaleItem = (typeof SALE_ITEMS)[number];
export const INGREDIENTS = ['bun', 'patty', 'potato'] as const;
export type Ingredient = (typeof INGREDIENTS)[number];

export interface SaleLine {
  readonly item: SaleItem;
  readonly quantity: number;
}

export type Step =
  | { readonly kind: 'sale'; readonly edge: number; readonly lines: readonly SaleLine[]; readonly tender: 'cash' | 'card' | 'split' | 'unpaid'; readonly fire: boolean }
  /** The order's next step: fire it, bump its tickets, or hand it over. */
  | { readonly kind: 'advance'; readonly edge: number; readonly pick: number }
  | { readonly kind: 'refund'; readonly edge: number; readonly pick: number; readonly all: boolean }
  | { readonly kind: 'void'; readonly edge: number; readonly pick: number }
  | { readonly kind: '86'; readonly edge: number; readonly item: SaleItem; readonly unavailable: boolean }
  | { readonly kind: 'stock'; readonly edge: number; readonly move: 'receive' | 'waste' | 'count'; readonly ingredient: Ingredient; readonly quantity: number }
  | { readonly kind: 'menu-edit'; readonly item: SaleItem; readonly price: number; readonly active: boolean }
  | { readonly kind: 'online'; readonly edge: number; readonly lines: readonly SaleLine[]; readonly paid: boolean; readonly webhookTwice: boolean }
  | { readonly kind: 'fault'; readonly edge: number; readonly target: Target; readonly fault: ArmedFault }
  | { readonly kind: 'partition'; readonly edge: number; readonly hours: number }
  | { readonly kind: 'heal'; readonly edge: number }
  | { readonly kind: 'rotate'; readonly edge: number; readonly table: ShapeName }
  /** The cloud starts serving shape schema version 2 and this edge is upgraded to it, both while it is cut off. */
  | { readonly kind: 'schema-bump'; readonly edge: number }
  | { readonly kind: 'release' }
  | { readonly kind: 'stale' }
  /** Lets sync run for a moment of real time. */
  | { readonly kind: 'wait'; readonly ms: number };

export interface TrialPlan {
  readonly edges: number;
  /** Seeds the network noise. */
  readonly noiseSeed: number;
  /** Chance of a random drop per request (0 = only the armed faults). */
  readonly noise: number;
  readonly steps: readonly Step[];
}

const line = fc.record({ item: fc.constantFrom(...SALE_ITEMS), quantity: fc.integer({ min: 1, max: 3 }) });
const lines = fc.array(line, { minLength: 1, maxLength: 3 });

export function stepArbitrary(edges: number): fc.Arbitrary<Step> {
  const edge = fc.integer({ min: 0, max: edges - 1 });
  const pick = fc.nat({ max: 50 });
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('sale' as const), edge, lines, tender: fc.constantFrom('cash' as const, 'card' as const, 'split' as const, 'unpaid' as const), fire: fc.boolean() }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('advance' as const), edge, pick }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('refund' as const), edge, pick, all: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('void' as const), edge, pick }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('86' as const), edge, item: fc.constantFrom(...SALE_ITEMS), unavailable: fc.boolean() }) },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('stock' as const), edge, move: fc.constantFrom('receive' as const, 'waste' as const, 'count' as const), ingredient: fc.constantFrom(...INGREDIENTS), quantity: fc.integer({ min: 1, max: 40 }) }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('menu-edit' as const), item: fc.constantFrom(...SALE_ITEMS), price: fc.integer({ min: 100, max: 2_000 }), active: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('online' as const), edge, lines, paid: fc.boolean(), webhookTwice: fc.boolean() }) },
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant('fault' as const),
        edge,
        target: fc.constantFrom('push' as const, 'shape' as const),
        fault: fc.constantFrom('drop-request' as const, 'drop-response' as const, 'duplicate' as const, 'delay' as const, 'stale-replay' as const),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('partition' as const), edge, hours: fc.integer({ min: 1, max: 14 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('heal' as const), edge }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('rotate' as const), edge, table: fc.constantFrom(...SHAPE_NAMES) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('schema-bump' as const), edge }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'release' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'stale' as const }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 40 }) }) },
  );
}

export interface PlanSize {
  readonly edges?: number;
  readonly minSteps?: number;
  readonly maxSteps?: number;
  readonly maxNoise?: number;
}

export function planArbitrary(size: PlanSize = {}): fc.Arbitrary<TrialPlan> {
  const edges = size.edges ?? 3;
  return fc.record({
    edges: fc.constant(edges),
    noiseSeed: fc.integer({ min: 0, max: 0x7fffffff }),
    noise: fc.oneof(fc.constant(0), fc.double({ min: 0, max: size.maxNoise ?? 0.08, noNaN: true })),
    steps: fc.array(stepArbitrary(edges), { minLength: size.minSteps ?? 6, maxLength: size.maxSteps ?? 24 }),
  });
}
