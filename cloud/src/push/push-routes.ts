/** `POST /sync/push`: an edge's outbox batch, authenticated by its store credential. */
import type { FastifyInstance } from 'fastify';
import { crashPoint } from '@brigade/sync/engine';
import { CloudError, type PushRequest, PushRequestSchema, PushResponseSchema } from '@brigade/sync/protocol';
import { authenticateStore, bearerToken } from '../auth/store-auth';
import type { CloudContext } from '../context';
import { recordHeartbeat } from '../stores/heartbeat';
import { applyPush } from './apply-push';

/** 500 order snapshots fit well inside this. */
export const PUSH_BODY_LIMIT = 16 * 1024 * 1024;

export function registerPushRoutes(app: FastifyInstance, ctx: CloudContext): void {
  app.post(
    '/sync/push',
    {
      bodyLimit: PUSH_BODY_LIMIT,
      schema: { tags: ['sync'], security: [{ store: [] }], body: PushRequestSchema, response: { 200: PushResponseSchema } },
    },
    async (request) => {
      const caller = await authenticateStore(ctx.database.db, bearerToken(request));
      const body = request.body as PushRequest;
      if (body.storeId !== caller.storeId) throw new CloudError('STORE_MISMATCH');
      // A credential is issued to one node: another node's queue cannot be moved with it.
      if (body.nodeId !== caller.nodeId) throw new CloudError('STORE_MISMATCH', 'This credential belongs to another node.');
      await recordHeartbeat(ctx, caller.storeId, caller.organisationId, body.nodeId, body.status);
      const { response, changed } = await applyPush(ctx.database.db, { storeId: caller.storeId, organisationId: caller.organisationId }, body);
      // Crash tests: mutations committed, the edge not told; it must send them again and get `duplicate`.
      if (changed) crashPoint('cloud.after-commit-before-ack');
      if (changed) await ctx.changes.kick();
      return response;
    },
  );
}
