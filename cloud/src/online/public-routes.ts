/**
 * The public online-ordering API the PWA uses: a store's page (menu, open or paused), placing
 * an order, following it live (server-sent events) and resolving a table's QR code.
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { BrigadeError, LineRequestSchema, MAX_LINES_PER_ORDER } from '@brigade/sync/model';
import { onlineOrders, orders } from '@brigade/sync/schema/pg';
import type { CloudContext } from '../context';
import { type OnlineOrderRequest, attachPaymentIntent, createOnlineOrder } from './online-orders';
import { loadStoreMenu } from './store-menu';
import { createOrderPayment, stripeClient } from './stripe-payments';
import { verifyTableToken } from './table-tokens';

const StoreParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const OrderParams = Type.Object({ id: Type.String({ format: 'uuid', maxLength: 36 }) });
const OrderBody = Type.Object(
  {
    orderId: Type.String({ format: 'uuid', maxLength: 36 }),
    lines: Type.Array(LineRequestSchema, { minItems: 1, maxItems: MAX_LINES_PER_ORDER }),
    customerName: Type.String({ minLength: 1, maxLength: 60 }),
    diningOption: Type.Union([Type.Literal('take_out'), Type.Literal('delivery'), Type.Literal('eat_in')]),
    tableToken: Type.Optional(Type.String({ minLength: 10, maxLength: 120 })),
    note: Type.Optional(Type.String({ maxLength: 280 })),
    expectedTotal: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
  },
  { additionalProperties: false },
);

export function registerPublicRoutes(app: FastifyInstance, ctx: CloudContext): void {
  const tags = ['online ordering'];
  const db = ctx.database.db;
  const stripe = ctx.settings.stripe ? stripeClient(ctx.settings.stripe) : null;

  app.get('/api/public/stores/:id', { config: { rateLimit: { max: 300, timeWindow: '1 minute' } }, schema: { tags, params: StoreParams } }, async (request) => {
    const { store, menu, unavailable } = await loadStoreMenu(db, (request.params as { id: string }).id);
    return {
      store: { id: store.id, name: store.name, currency: store.currency, timezone: store.timezone, open: !store.onlineOrderingPaused, pausedReason: store.pausedReason },
      menu: { ...menu, items: menu.items.filter((i) => i.active).map((i) => ({ ...i, available: !unavailable.has(i.id) })) },
      payment: stripe ? 'card' : 'at_pickup',
    };
  });

  app.post(
    '/api/public/stores/:id/orders',
    { config: { rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { tags, params: StoreParams, body: OrderBody } },
    async (request, reply) => {
      const storeId = (request.params as { id: string }).id;
      const { row, created } = await createOnlineOrder(ctx, storeId, request.body as OnlineOrderRequest, stripe !== null);
      let payment: { paymentIntentId: string; clientSecret: string | null } | null = null;
      if (stripe && row.status === 'pending_payment') {
        // Same idempotency key on a retry: Stripe answers with the first intent, never a second charge.
        const intent = await createOrderPayment(stripe, { id: row.id, storeId, total: row.total, currency: row.currency });
        if (row.paymentIntentId !== intent.id) await attachPaymentIntent(ctx, row.id, intent.id);
        payment = { paymentIntentId: intent.id, clientSecret: intent.clientSecret };
      }
      return reply.status(created ? 201 : 200).send({ order: row.document, status: row.status, payment });
    },
  );

  app.get('/api/public/orders/:id', { schema: { tags, params: OrderParams } }, async (request) => {
    return orderStatus(ctx, (request.params as { id: string }).id);
  });

  app.get('/api/public/orders/:id/events', { schema: { tags, params: OrderParams } }, async (request, reply) => {
    const id = (request.params as { id: string }).id;
    let last = JSON.stringify(await orderStatus(ctx, id));
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    raw.write(`event: status\ndata: ${last}\n\n`);
    let closed = false;
    const check = async () => {
      if (closed) return;
      const next = JSON.stringify(await orderStatus(ctx, id).catch(() => null));
      if (next !== 'null' && next !== last) {
        last = next;
        raw.write(`event: status\ndata: ${next}\n\n`);
      }
    };
    // The store's progress arrives by push, which does not notify: a slow poll covers it.
    const unsubscribe = ctx.database.notifier.subscribe(() => void check());
    const poll = setInterval(() => void check(), 2_000);
    const keepAlive = setInterval(() => raw.write(': keep-alive\n\n'), 15_000);
    request.raw.once('close', () => {
      closed = true;
      unsubscribe();
      clearInterval(poll);
      clearInterval(keepAlive);
    });
  });

  app.get('/api/public/stores/:id/tables/:token', { schema: { tags, params: Type.Object({ id: Type.String({ maxLength: 64 }), token: Type.String({ maxLength: 120 }) }) } }, async (request) => {
    const { id, token } = request.params as { id: string; token: string };
    const table = await verifyTableToken(db, ctx.settings.tableTokenSecret, id, token);
    return { storeId: table.storeId, table: table.label };
  });
}

async function orderStatus(ctx: CloudContext, id: string) {
  const db = ctx.database.db;
  const online = (await db.select().from(onlineOrders).where(eq(onlineOrders.id, id)).limit(1))[0];
  if (!online) throw new BrigadeError('ORDER_NOT_FOUND');
  const order = (await db.select({ status: orders.status, owner: orders.owner, paymentStatus: orders.paymentStatus }).from(orders).where(eq(orders.id, id)).limit(1))[0];
  // Once the store owns the order, its kitchen status is the truth.
  const status = order?.owner === 'edge' ? order.status : online.status;
  return { id, status, paymentStatus: order?.paymentStatus ?? online.paymentStatus, total: online.total, currency: online.currency };
}
