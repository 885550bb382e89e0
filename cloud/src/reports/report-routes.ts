/** Owner reports. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requireUser } from '../auth/sessions';
import type { CloudContext } from '../context';
import { requireStore } from '../stores/store-access';
import { salesSummary } from './sales-summary';

export function registerReportRoutes(app: FastifyInstance, ctx: CloudContext): void {
  app.get(
    '/api/stores/:id/sales/today',
    { schema: { tags: ['owner'], security: [{ owner: [] }], params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }) } },
    async (request) => {
      const user = await requireUser(ctx, request);
      const store = await requireStore(ctx.database.db, user, (request.params as { id: string }).id);
      return salesSummary(ctx.database.db, store, ctx.now());
    },
  );
}
