/**
 * Owner API for a store's permission matrix: read it (owners and managers of the
 * organisation) and change cells (owners only). Another organisation's store answers 404.
 * Changes go down to the store as the `role_permissions` shape.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requireUser } from '../auth/sessions';
import type { CloudContext } from '../context';
import { requireStore } from '../stores/store-access';
import { changeStorePermissions, storePermissionView, validateChanges } from './store-permission-matrix';

const Params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
/** Names are checked by the handler, so an unknown one gets its own code rather than a schema error. */
const ChangeBody = Type.Object(
  {
    changes: Type.Array(
      Type.Object({ role: Type.String({ maxLength: 40 }), permission: Type.String({ maxLength: 60 }), granted: Type.Boolean() }, { additionalProperties: false }),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);

export function registerPermissionRoutes(app: FastifyInstance, ctx: CloudContext): void {
  const db = ctx.database.db;
  const tags = ['owner'];
  const security = [{ owner: [] }];

  app.get('/api/stores/:id/permissions', { schema: { tags, security, params: Params } }, async (request) => {
    const user = await requireUser(ctx, request);
    const store = await requireStore(db, user, (request.params as { id: string }).id);
    return storePermissionView(db, store.id);
  });

  app.put('/api/stores/:id/permissions', { schema: { tags, security, params: Params, body: ChangeBody } }, async (request) => {
    const user = await requireUser(ctx, request, 'owner');
    const store = await requireStore(db, user, (request.params as { id: string }).id);
    const changes = validateChanges((request.body as { changes: { role: string; permission: string; granted: boolean }[] }).changes);
    const at = ctx.now().toISOString();
    await db.transaction((tx) => changeStorePermissions(tx, { organisationId: user.organisationId, storeId: store.id, userId: user.userId }, changes, at));
    // The shape log learns of the new rows now, so the store's long-poll wakes at once.
    await ctx.changes.kick();
    return storePermissionView(db, store.id);
  });
}
