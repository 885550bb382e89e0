/**
 * The POS's read of the online orders the store took over: which store orders came from the
 * cloud and what about them needs a person (an 86'd item that was paid for, an item the
 * store does not know, prices that moved). The orders themselves come from `/api/orders`.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { OnlineIntake, OnlineIntakeFlag } from '@brigade/sync/model';
import { ErrorReply } from '../hub/command-routes';
import { requireDevice } from '../hub/request-actor';
import type { EdgeStore } from '../store/types';

export function listOnlineIntake(store: EdgeStore, limit = 100): OnlineIntake[] {
  const rows = store.db.prepare(
    'SELECT order_id, accepted_at, flags, cloud_total, paid_online FROM online_intake ORDER BY accepted_at DESC, order_id LIMIT ?',
  ).all(limit) as { order_id: string; accepted_at: string; flags: string; cloud_total: number; paid_online: number }[];
  return rows.map((r) => ({ orderId: r.order_id, acceptedAt: r.accepted_at, flags: JSON.parse(r.flags) as OnlineIntakeFlag[], cloudTotal: r.cloud_total, paidOnline: r.paid_online }));
}

export function registerOnlineOrderRoutes(app: FastifyInstance, store: EdgeStore): void {
  app.get(
    '/api/online-orders',
    {
      onRequest: requireDevice(store, ['pos']),
      schema: {
        tags: ['reads'],
        security: [{ device: [] }],
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }, { additionalProperties: false }),
        response: { '4xx': ErrorReply },
      },
    },
    (request) => ({ orders: listOnlineIntake(store, (request.query as { limit?: number }).limit ?? 100) }),
  );
}
