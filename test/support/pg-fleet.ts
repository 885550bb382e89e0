/**
 * A fleet of real edge stores around one cloud database, for the PostgreSQL concurrency test:
 * tenants seeded and edges enrolled through the real routes, a store workload that writes
 * orders with payments, stock movements and 86s through the store's own commands, a second
 * pusher per node that races the edge's own, and shape followers that materialise what they
 * receive in memory, recording every batch's offset.
 */
import type { ChangeMessage, Row } from '@electric-sql/client';
import { DEMO, newId } from '@brigade/sync/model';
import { type Pusher, type ShapeFollower, createPusher, followShape } from '@brigade/sync/engine';
import type { ShapeName } from '@brigade/sync/protocol';
import { type Cloud, seedTenant } from '@brigade/cloud';
import { demoMenu } from '@brigade/sync/model';
import type { EdgeStore } from '../../edge/src/store/types';
import { actors, createOrder, payCash } from '../../edge/src/store/test-support';
import { createEnrolmentCode } from '../../cloud/src/stores/enrolment';
import type { TestTenant } from '../../cloud/src/testing/harness';

/** A fleet tenant is seeded like the test harness's, only with a number in its names. */
export type FleetTenant = TestTenant;

/** A tenant with one store on the demo menu, and a credential enrolled for `nodeId`. */
export async function seedFleetTenant(cloud: Cloud, n: number, nodeId: string): Promise<{ tenant: FleetTenant; credential: string }> {
  const tenant: FleetTenant = {
    organisationId: newId(), storeId: newId(), ownerId: newId(), menuId: newId(),
    ownerEmail: `fleet-owner-${n}-${Date.now()}@example.test`, ownerPassword: `fleet password ${n}`,
  };
  await seedTenant(cloud.ctx.database.db, { ...tenant, organisationName: `Fleet ${n}`, storeName: `Fleet store ${n}`, menu: demoMenu });
  const { code } = await createEnrolmentCode(cloud.ctx, tenant.organisationId, tenant.storeId, tenant.ownerId);
  // Each store enrols from an address of its own, as stores do (enrolment is rate limited per address).
  const response = await cloud.app.inject({ method: 'POST', url: '/sync/enrol', payload: { code, nodeId }, remoteAddress: `10.0.${Math.floor(n / 250)}.${(n % 250) + 1}` });
  if (response.statusCode !== 200) throw new Error(`enrolment failed: ${response.body}`);
  return { tenant, credential: response.json<{ credential: string }>().credential };
}

/** The highest outbox seq the store ever gave out (acked rows are deleted, the sequence is not). */
export function generatedSeq(store: EdgeStore): number {
  const row = store.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").get() as { seq: number } | undefined;
  return row?.seq ?? 0;
}

export interface RacingPusher {
  readonly pusher: Pusher;
  /** Mutations the cloud answered `duplicate` to this pusher: the other pusher had applied them (the lock path). */
  duplicates(): number;
}

/** A second pusher on the same outbox and node, to another cloud process: its batches overlap the edge's own. */
export function racingPusher(store: EdgeStore, url: string, storeId: string, credential: string): RacingPusher {
  let duplicates = 0;
  const counting: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const body = (await response.clone().json().catch(() => null)) as { results?: { status?: string }[] } | null;
    duplicates += body?.results?.filter((r) => r.status === 'duplicate').length ?? 0;
    return response;
  };
  const pusher = createPusher({
    peek: (limit) => store.outbox.peek(limit),
    ack: (upto) => store.outbox.ack(upto),
    nodeId: store.outbox.nodeId,
    epoch: store.outbox.epoch,
    storeId,
    url,
    credential,
    fetch: counting,
    batchSize: 60,
    heartbeatMs: 100,
    backoff: { baseMs: 20, maxMs: 200 },
  });
  pusher.start();
  return { pusher, duplicates: () => duplicates };
}

const INGREDIENTS = 20;
const SOLD: readonly { itemId: string; modifierOptionIds: string[] }[] = [
  { itemId: DEMO.burger, modifierOptionIds: [DEMO.medium] },
  { itemId: DEMO.cola, modifierOptionIds: [DEMO.regular] },
  { itemId: DEMO.fries, modifierOptionIds: [DEMO.regular] },
];

/**
 * Writes at least `target` outbox mutations through the store's own commands: paid orders of
 * items with recipes (each payment moves stock), deliveries of every ingredient (a stock
 * movement each) and a manager toggling the beer's 86. Deliveries carry many movements per
 * command, so the fleet stays quick on a small machine. `wake` is called after every command
 * so the pushers send while the store sells.
 */
export async function runStoreWorkload(store: EdgeStore, target: number, wake: () => void): Promise<void> {
  const ingredients = Array.from({ length: INGREDIENTS }, () => newId());
  const run = async (name: string, args: Record<string, unknown>) => {
    await store.execute(name, newId(), args, actors.manager);
    wake();
  };
  for (const [i, ingredientId] of ingredients.entries()) await run('inventory.defineIngredient', { ingredientId, name: `Ingredient ${i}`, unit: 'each', lowThreshold: 0 });
  for (const [i, sold] of SOLD.entries()) {
    await run('inventory.setRecipe', { targetKind: 'item', targetId: sold.itemId, components: [{ ingredientId: ingredients[i], quantity: 1 }] });
  }
  for (let round = 0; generatedSeq(store) < target; round++) {
    await run('inventory.receive', { lines: ingredients.map((ingredientId) => ({ ingredientId, quantity: 50 + round })) });
    const order = await createOrder(store, { lines: SOLD.map((line) => ({ lineId: newId(), quantity: 1, ...line })) });
    wake();
    await payCash(store, order);
    wake();
    if (generatedSeq(store) < target) await run('item.set86', { itemId: DEMO.beer, unavailable: round % 2 === 0 });
  }
}

export interface MemoryFollower {
  readonly table: ShapeName;
  readonly rows: Map<string, Record<string, unknown>>;
  /** Every batch handed over: its log offset and whether it was a full snapshot. */
  readonly batches: { offset: number; reset: boolean }[];
  readonly follower: ShapeFollower;
}

/** Follows a shape with the edge's follower and keeps the rows it would hold, in memory. */
export function memoryFollower(url: string, table: ShapeName, storeId: string, credential: string): MemoryFollower {
  const rows = new Map<string, Record<string, unknown>>();
  const batches: { offset: number; reset: boolean }[] = [];
  const follower = followShape({
    url, table, storeId, credential, backoff: { baseMs: 50, maxMs: 500 },
    onBatch: (messages: readonly ChangeMessage<Row>[], info) => {
      if (info.reset) rows.clear();
      for (const m of messages) {
        if (m.headers.operation === 'delete') rows.delete(m.key);
        else rows.set(m.key, { ...(m.headers.operation === 'update' ? rows.get(m.key) : {}), ...m.value });
      }
      batches.push({ offset: Number(info.offset.split('_')[0]), reset: info.reset });
    },
  });
  return { table, rows, batches, follower };
}
