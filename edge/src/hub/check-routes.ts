/** Table service reads: the floor with its open checks, and one check priced line by line. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { indexMenu } from '@brigade/sync/model';
import { checkReads } from '../store/commands/check-reads';
import type { EdgeStore } from '../store/types';
import { ErrorReply } from './command-routes';
import { requireDevice } from './request-actor';

const errors = { '4xx': ErrorReply };

export function registerCheckRoutes(app: FastifyInstance, store: EdgeStore): void {
  const reads = checkReads(store.db);
  const security = [{ device: [] }];
  const pos = requireDevice(store, ['pos']);

  app.get('/api/floor', { onRequest: pos, schema: { tags: ['reads'], security, response: errors } }, () => reads.floor());

  app.get(
    '/api/checks/:id',
    { onRequest: pos, schema: { tags: ['reads'], security, params: Type.Object({ id: Type.String({ format: 'uuid', maxLength: 36 }) }), response: errors } },
    (request) => ({ check: reads.check((request.params as { id: string }).id, indexMenu(store.queries.menu().menu)) }),
  );
}
