/** Owner API for stores: list, create, pause online ordering, enrolment codes, credentials, sync health. */
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { newId } from '@brigade/sync/model';
import { menus, pushRejections, storeHealth, stores } from '@brigade/sync/schema/pg';
import { requireUser } from '../auth/sessions';
import type { CloudContext } from '../context';
import { materialiseMenu } from '../menu/menu-materialise';
import type { Menu } from '@brigade/sync/model';
import { createEnrolmentCode, revokeStoreCredentials } from './enrolment';
import { requireMenu, requireStore } from './store-access';

const StoreParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const CreateStore = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80 }),
    timezone: Type.String({ minLength: 1, maxLength: 64 }),
    menuId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
const PauseBody = Type.Object({ paused: Type.Boolean() }, { additionalProperties: false });

export function registerStoreRoutes(app: FastifyInstance, ctx: CloudContext): void {
  const db = ctx.database.db;
  const tags = ['owner'];
  const security = [{ owner: [] }];

  app.get('/api/stores', { schema: { tags, security } }, async (request) => {
    const user = await requireUser(ctx, request);
    const rows = await db
      .select({ store: stores, health: storeHealth })
      .from(stores)
      .leftJoin(storeHealth, eq(storeHealth.storeId, stores.id))
      .where(eq(stores.organisationId, user.organisationId))
      .orderBy(stores.name);
    return { stores: rows.map((r) => publicStore(ctx, r.store, r.health)) };
  });

  app.post('/api/stores', { schema: { tags, security, body: CreateStore } }, async (request, reply) => {
    const user = await requireUser(ctx, request, 'owner');
    const body = request.body as { name: string; timezone: string; menuId?: string };
    if (!isTimeZone(body.timezone)) return reply.status(400).send({ error: { code: 'VALIDATION_FAILED', message: 'That time zone is not known.', details: { path: '/timezone' } } });
    const menu = body.menuId ? await requireMenu(db, user, body.menuId) : null;
    const id = newId();
    await db.transaction(async (tx) => {
      const document = menu?.document as Menu | undefined;
      await tx.insert(stores).values({ id, organisationId: user.organisationId, name: body.name, timezone: body.timezone, currency: document?.currency ?? 'USD', menuId: menu?.id ?? null });
      if (menu && document) await materialiseMenu(tx, menu.id, user.organisationId, document, [id]);
    });
    await ctx.changes.kick();
    return reply.status(201).send({ store: publicStore(ctx, await requireStore(db, user, id), null) });
  });

  app.get('/api/stores/:id', { schema: { tags, security, params: StoreParams } }, async (request) => {
    const user = await requireUser(ctx, request);
    const store = await requireStore(db, user, (request.params as { id: string }).id);
    const health = (await db.select().from(storeHealth).where(eq(storeHealth.storeId, store.id)).limit(1))[0] ?? null;
    return { store: publicStore(ctx, store, health) };
  });

  app.put('/api/stores/:id/online-ordering', { schema: { tags, security, params: StoreParams, body: PauseBody } }, async (request) => {
    const user = await requireUser(ctx, request);
    const store = await requireStore(db, user, (request.params as { id: string }).id);
    const { paused } = request.body as { paused: boolean };
    await db.update(stores).set({ onlineOrderingPaused: paused, pausedReason: paused ? 'owner' : null }).where(eq(stores.id, store.id));
    await ctx.changes.kick();
    return { paused };
  });

  app.post('/api/stores/:id/enrolment-codes', { schema: { tags, security, params: StoreParams } }, async (request, reply) => {
    const user = await requireUser(ctx, request, 'owner');
    const store = await requireStore(db, user, (request.params as { id: string }).id);
    return reply.status(201).send(await createEnrolmentCode(ctx, user.organisationId, store.id, user.userId));
  });

  app.delete('/api/stores/:id/credentials', { schema: { tags, security, params: StoreParams } }, async (request) => {
    const user = await requireUser(ctx, request, 'owner');
    const store = await requireStore(db, user, (request.params as { id: string }).id);
    return { revoked: await revokeStoreCredentials(ctx, user.organisationId, store.id) };
  });

  app.get('/api/stores/:id/sync-health', { schema: { tags, security, params: StoreParams } }, async (request) => {
    const user = await requireUser(ctx, request);
    const store = await requireStore(db, user, (request.params as { id: string }).id);
    const health = (await db.select().from(storeHealth).where(eq(storeHealth.storeId, store.id)).limit(1))[0] ?? null;
    const rejections = await db
      .select({ at: pushRejections.at, name: pushRejections.name, code: pushRejections.code, message: pushRejections.message, mutationId: pushRejections.mutationId })
      .from(pushRejections)
      .where(and(eq(pushRejections.storeId, store.id), eq(pushRejections.organisationId, user.organisationId)))
      .orderBy(desc(pushRejections.id))
      .limit(50);
    return { ...healthOf(ctx, health), onlineOrderingPaused: store.onlineOrderingPaused, pausedReason: store.pausedReason, rejections };
  });

  app.get('/api/menus', { schema: { tags, security } }, async (request) => {
    const user = await requireUser(ctx, request);
    const rows = await db.select({ id: menus.id, name: menus.name, version: menus.version, updatedAt: menus.updatedAt }).from(menus).where(eq(menus.organisationId, user.organisationId));
    return { menus: rows };
  });
}

function healthOf(ctx: CloudContext, health: typeof storeHealth.$inferSelect | null) {
  const last = health?.lastHeardAt ? Date.parse(health.lastHeardAt) : null;
  return {
    lastHeardAt: health?.lastHeardAt ?? null,
    online: last !== null && ctx.now().getTime() - last < ctx.settings.heartbeatTimeoutMs,
    changesWaiting: health?.changesWaiting ?? null,
    oldestWaitingSeconds: health?.oldestWaitingSeconds ?? null,
    /** null until the store has reported its printers. */
    printers: health?.printers ?? null,
  };
}

function publicStore(ctx: CloudContext, store: typeof stores.$inferSelect, health: typeof storeHealth.$inferSelect | null) {
  return {
    id: store.id,
    name: store.name,
    timezone: store.timezone,
    currency: store.currency,
    menuId: store.menuId,
    onlineOrderingPaused: store.onlineOrderingPaused,
    pausedReason: store.pausedReason,
    enrolledAt: store.enrolledAt,
    health: healthOf(ctx, health),
  };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
