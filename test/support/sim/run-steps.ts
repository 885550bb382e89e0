/**
 * Carries out a trial's steps against the real components: edge work through the store's
 * command executor (as the POS, the KDS or a manager would send it), head-office work through
 * the cloud's owner and public routes, faults through the network and the cloud's shape log.
 * A business refusal (`BrigadeError`) is an outcome, not a failure: offline stores refuse
 * things too. Anything else thrown by a command is recorded as an error for the checker.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { SHAPE_NAMES } from '@brigade/sync/protocol';
import Stripe from 'stripe';
import { BrigadeError, DEMO, type ItemId, type Order, newId } from '@brigade/sync/model';
import { rotateShape } from '../../../cloud/src/shapes/shape-log';
import type { FaultNetwork } from './fault-network';
import { SIM_V2_COLUMN, SIM_WEBHOOK_SECRET, type SimCloud, type SimStore } from './sim-cloud';
import type { SimClock } from './sim-clock';
import { SIM_ACTORS, type SimEdge, startSimSync } from './sim-edge';
import type { Ingredient, SaleItem, SaleLine, Step } from './workload';

const ITEM: Record<SaleItem, { itemId: ItemId; options: string[] }> = {
  burger: { itemId: DEMO.burger, options: [DEMO.medium] },
  fries: { itemId: DEMO.fries, options: [DEMO.regular] },
  cola: { itemId: DEMO.cola, options: [DEMO.regular] },
};
const INGREDIENT_ID: Record<Ingredient, string> = { bun: newId(), patty: newId(), potato: newId() };
/** Simulated time between two steps; a partition adds its hours. */
const STEP_MS = 90_000;

export interface TrialContext {
  readonly sim: SimCloud;
  readonly network: FaultNetwork;
  readonly clock: SimClock;
  readonly edges: readonly SimEdge[];
  readonly stores: readonly SimStore[];
  /** Orders the steps made, per edge (sales, and online orders once the store has them). */
  readonly orders: string[][];
  /** Online orders placed, with the store they were placed at and whether they were paid. */
  readonly online: { orderId: string; storeId: string; paid: boolean }[];
  /** `<step kind>:ok`, `<step kind>:<refusal code>`, `<step kind>:skipped`. */
  readonly outcomes: Map<string, number>;
  /** Failures that are not business refusals: the checker reports them. */
  readonly errors: string[];
}

const count = (ctx: TrialContext, key: string) => ctx.outcomes.set(key, (ctx.outcomes.get(key) ?? 0) + 1);

async function command(ctx: TrialContext, step: Step['kind'], edge: SimEdge, name: string, args: unknown, actor: keyof typeof SIM_ACTORS): Promise<unknown> {
  try {
    const outcome = await edge.store.execute(name, newId(), args, SIM_ACTORS[actor]);
    return outcome.result;
  } catch (error) {
    if (error instanceof BrigadeError) {
      count(ctx, `${step}:${name}:${error.code}`);
      return null;
    }
    ctx.errors.push(`${name} on edge ${edge.index} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return null;
  }
}

const requestLines = (lines: readonly SaleLine[]) =>
  lines.map((l) => ({ lineId: newId(), itemId: ITEM[l.item].itemId, quantity: l.quantity, modifierOptionIds: ITEM[l.item].options }));

/** Ingredients and recipes, and a first delivery: sales then move stock. */
export async function prepareEdge(ctx: TrialContext, edge: SimEdge): Promise<void> {
  const units: Record<Ingredient, 'each' | 'g'> = { bun: 'each', patty: 'each', potato: 'g' };
  for (const name of Object.keys(INGREDIENT_ID) as Ingredient[]) {
    await command(ctx, 'stock', edge, 'inventory.defineIngredient', { ingredientId: INGREDIENT_ID[name], name, unit: units[name], lowThreshold: 5 }, 'manager');
  }
  await command(ctx, 'stock', edge, 'inventory.setRecipe', { targetKind: 'item', targetId: DEMO.burger, components: [{ ingredientId: INGREDIENT_ID.bun, quantity: 1 }, { ingredientId: INGREDIENT_ID.patty, quantity: 1 }] }, 'manager');
  await command(ctx, 'stock', edge, 'inventory.setRecipe', { targetKind: 'item', targetId: DEMO.fries, components: [{ ingredientId: INGREDIENT_ID.potato, quantity: 150 }] }, 'manager');
  await command(ctx, 'stock', edge, 'inventory.receive', { lines: [{ ingredientId: INGREDIENT_ID.bun, quantity: 40 }, { ingredientId: INGREDIENT_ID.patty, quantity: 40 }, { ingredientId: INGREDIENT_ID.potato, quantity: 6_000 }] }, 'cashier');
}

function edgeOrder(edge: SimEdge, id: string): Order | null {
  try {
    return edge.store.queries.order(id);
  } catch {
    return null;
  }
}

function pickOrder(ctx: TrialContext, edgeIndex: number, pick: number, usable: (o: Order) => boolean): { edge: SimEdge; order: Order } | null {
  const edge = ctx.edges[edgeIndex];
  const ids = ctx.orders[edgeIndex];
  if (!edge || !ids) return null;
  const candidates = ids.map((id) => edgeOrder(edge, id)).filter((o): o is Order => o !== null && usable(o));
  const order = candidates[pick % Math.max(1, candidates.length)];
  return order ? { edge, order } : null;
}

/**
 * One step; the edge it worked on is told to push afterwards, as the store's cloud connection
 * does after a command (once per step here: a sale's create, fire and payment go up together).
 */
export async function runStep(ctx: TrialContext, step: Step): Promise<void> {
  ctx.clock.advance(STEP_MS);
  await applyStep(ctx, step);
  if ('edge' in step) ctx.edges[step.edge]?.sync?.wake();
}

async function applyStep(ctx: TrialContext, step: Step): Promise<void> {
  const edge = 'edge' in step ? ctx.edges[step.edge] : undefined;
  switch (step.kind) {
    case 'sale': {
      if (!edge) return;
      const orderId = newId();
      const created = (await command(ctx, 'sale', edge, 'order.create', { orderId, channel: 'counter', diningOption: 'take_out', lines: requestLines(step.lines) }, 'cashier')) as { order: Order } | null;
      if (!created) return;
      ctx.orders[step.edge]?.push(orderId);
      if (step.fire) await command(ctx, 'sale', edge, 'order.fire', { orderId }, 'cashier');
      const total = created.order.totals.total;
      const pay = (tender: 'cash' | 'card', amount: number) =>
        command(ctx, 'sale', edge, 'payment.capture', { orderId, paymentId: newId(), tender, amount, ...(tender === 'cash' ? { tendered: amount } : {}) }, 'cashier');
      if (step.tender === 'cash' || step.tender === 'card') await pay(step.tender, total);
      if (step.tender === 'split') {
        const half = Math.floor(total / 2);
        if (half > 0) await pay('cash', half);
        await pay('card', total - half);
      }
      count(ctx, 'sale:ok');
      return;
    }
    case 'advance': {
      const found = pickOrder(ctx, step.edge, step.pick, (o) => !['completed', 'cancelled', 'voided'].includes(o.status));
      if (!found) return void count(ctx, 'advance:skipped');
      const { edge: at, order } = found;
      if (order.status === 'open' || order.status === 'accepted') await command(ctx, 'advance', at, 'order.fire', { orderId: order.id }, 'cashier');
      else if (order.status === 'preparing') {
        for (const ticket of at.store.queries.tickets({ status: 'new' }).filter((t) => t.orderId === order.id)) {
          await command(ctx, 'advance', at, 'ticket.bump', { ticketId: ticket.id }, 'expo');
        }
      } else if (order.status === 'ready') await command(ctx, 'advance', at, 'order.complete', { orderId: order.id }, 'cashier');
      return void count(ctx, 'advance:ok');
    }
    case 'refund': {
      const found = pickOrder(ctx, step.edge, step.pick, (o) => o.payments.some((p) => p.amount > p.refunded && p.tender !== 'online'));
      const payment = found?.order.payments.find((p) => p.amount > p.refunded && p.tender !== 'online');
      if (!found || !payment) return void count(ctx, 'refund:skipped');
      const left = payment.amount - payment.refunded;
      await command(ctx, 'refund', found.edge, 'payment.refund', { orderId: found.order.id, paymentId: payment.id, amount: step.all ? left : Math.max(1, Math.floor(left / 3)), reason: 'customer changed their mind' }, 'manager');
      return void count(ctx, 'refund:ok');
    }
    case 'void': {
      const found = pickOrder(ctx, step.edge, step.pick, (o) => !['completed', 'cancelled', 'voided'].includes(o.status));
      if (!found) return void count(ctx, 'void:skipped');
      await command(ctx, 'void', found.edge, 'order.void', { orderId: found.order.id, reason: 'rung up by mistake' }, 'manager');
      return void count(ctx, 'void:ok');
    }
    case '86':
      if (edge) await command(ctx, '86', edge, 'item.set86', { itemId: ITEM[step.item].itemId, unavailable: step.unavailable }, 'manager');
      return;
    case 'stock': {
      if (!edge) return;
      const ingredientId = INGREDIENT_ID[step.ingredient];
      if (step.move === 'receive') await command(ctx, 'stock', edge, 'inventory.receive', { lines: [{ ingredientId, quantity: step.quantity }] }, 'cashier');
      if (step.move === 'waste') await command(ctx, 'stock', edge, 'inventory.waste', { ingredientId, quantity: step.quantity, reason: 'dropped' }, 'cashier');
      if (step.move === 'count') await command(ctx, 'stock', edge, 'inventory.count', { lines: [{ ingredientId, counted: step.quantity }] }, 'manager');
      return;
    }
    case 'menu-edit': {
      const menuId = ctx.stores[0]?.menuId;
      if (!menuId) return;
      const r = await ctx.sim.ownerCall('PATCH', `/api/menus/${menuId}/items/${ITEM[step.item].itemId}`, { price: step.price, active: step.active });
      if (r.status !== 200) ctx.errors.push(`menu edit refused with ${r.status}: ${JSON.stringify(r.body)}`);
      return void count(ctx, 'menu-edit:ok');
    }
    case 'online':
      return placeOnline(ctx, step);
    case 'fault':
      return ctx.network.arm(step.edge, step.target, step.fault);
    case 'partition':
      ctx.network.partition(step.edge);
      return ctx.clock.advance(step.hours * 3_600_000);
    case 'heal':
      return ctx.network.heal(step.edge);
    case 'rotate': {
      const store = ctx.stores[step.edge];
      if (!store) return;
      await rotateShape(ctx.sim.cloud.ctx.database.db, step.table, store.storeId);
      ctx.network.counts['rotate-shape'] += 1;
      ctx.network.expectRefetches(step.edge, 1);
      // The parked long-poll would sit out its 20 s; a reset connection asks again now and meets the 409.
      ctx.network.cutShapes(step.edge);
      return;
    }
    case 'schema-bump':
      return bumpSchema(ctx, step.edge);
    case 'release':
      return ctx.network.release();
    case 'stale':
      return ctx.network.deliverStale();
    case 'wait':
      await new Promise((resolve) => setTimeout(resolve, step.ms));
      return;
  }
}

/**
 * A release with a new shape column, mid-partition: the edge is cut off (if it was not), the
 * cloud starts serving version 2 and the owner fills the new column, and the edge is upgraded
 * (its sync client restarted on version 2) while still cut off. When the link returns its
 * followers present version-1 handles, get must-refetch and rebuild from version-2 snapshots;
 * the other edges stay on version 1 with their handles.
 */
async function bumpSchema(ctx: TrialContext, index: number): Promise<void> {
  const edge = ctx.edges[index];
  if (!edge || edge.schemaVersion >= 2) return;
  ctx.network.partition(index);
  ctx.network.counts['schema-bump'] += 1;
  ctx.network.expectRefetches(index, SHAPE_NAMES.length);
  ctx.sim.setShapeSchemaVersion(2);
  const db = ctx.sim.cloud.ctx.database.db;
  await db.execute(sql`UPDATE menu_items SET ${sql.raw(SIM_V2_COLUMN)} = 'https://img.example/' || id || '.jpg' WHERE store_id = ${edge.storeId}`);
  await ctx.sim.cloud.ctx.changes.kick();
  ctx.network.restart(index);
  await edge.sync?.stop();
  edge.schemaVersion = 2;
  startSimSync(edge, ctx.sim.url, ctx.network.fetchFor(index), ctx.clock);
}

/** The phone orders through the public API; Stripe's webhook (signed, maybe twice) says it was paid. */
async function placeOnline(ctx: TrialContext, step: Extract<Step, { kind: 'online' }>): Promise<void> {
  const store = ctx.stores[step.edge];
  if (!store) return;
  const app = ctx.sim.cloud.app;
  const orderId = randomUUID();
  const placed = await app.inject({
    method: 'POST',
    url: `/api/public/stores/${store.storeId}/orders`,
    payload: { orderId, lines: requestLines(step.lines), customerName: 'Sim customer', diningOption: 'take_out' },
  });
  if (placed.statusCode !== 201) {
    const code = placed.json<{ error?: { code?: string } }>().error?.code ?? String(placed.statusCode);
    if (placed.statusCode >= 500) ctx.errors.push(`online order failed with ${placed.statusCode}: ${placed.body}`);
    return void count(ctx, `online:${code}`);
  }
  ctx.online.push({ orderId, storeId: store.storeId, paid: step.paid });
  ctx.orders[step.edge]?.push(orderId);
  count(ctx, 'online:ok');
  if (!step.paid) return;
  const { payment } = placed.json<{ payment: { paymentIntentId: string } | null }>();
  if (!payment) return void ctx.errors.push(`online order ${orderId} has no payment intent`);
  const intent = ctx.sim.stripe.state.intent(payment.paymentIntentId);
  const event = JSON.stringify({
    id: `evt_${randomUUID()}`, object: 'event', type: 'payment_intent.succeeded', created: Math.floor(Date.now() / 1000),
    data: { object: { id: intent.id, object: 'payment_intent', amount: intent.amount, amount_received: intent.amount, currency: intent.currency, metadata: intent.metadata, status: 'succeeded' } },
  });
  for (let i = 0; i < (step.webhookTwice ? 2 : 1); i++) {
    const signature = Stripe.webhooks.generateTestHeaderString({ payload: event, secret: SIM_WEBHOOK_SECRET });
    const hook = await app.inject({ method: 'POST', url: '/webhooks/stripe', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, payload: event });
    if (hook.statusCode !== 200) ctx.errors.push(`webhook for ${orderId} answered ${hook.statusCode}: ${hook.body}`);
  }
}
