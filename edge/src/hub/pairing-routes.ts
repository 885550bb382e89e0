/**
 * Pairing screens and signing staff in: the calls that are not commands because they hand
 * out credentials. Rate-limited per address, since they are how someone would guess codes.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { BrigadeError } from '@brigade/sync/model';
import type { EdgeStore } from '../store/types';
import { ErrorReply } from './command-routes';
import { STAFF_SESSION_HEADER, requestDevice, requireDevice, requireManagerSession } from './request-actor';

export interface CredentialRateLimits {
  /** Requests per minute per address for pairing requests, setup codes and PIN sign-in. */
  readonly perMinute: number;
  /** Pairing polls per minute per address (a waiting screen polls every few seconds). */
  readonly pollsPerMinute: number;
}

export const defaultCredentialRateLimits: CredentialRateLimits = { perMinute: 20, pollsPerMinute: 120 };

const ScreenName = Type.String({ minLength: 1, maxLength: 60 });
const limit = (max: number) => ({ rateLimit: { max, timeWindow: 60_000 } });

export function registerPairingRoutes(app: FastifyInstance, store: EdgeStore, limits: CredentialRateLimits): void {
  app.post(
    '/api/pairing',
    {
      config: limit(limits.perMinute),
      schema: {
        tags: ['pairing'],
        summary: 'A new screen asks to be paired; it shows the returned 6-digit code',
        body: Type.Object({ name: ScreenName }, { additionalProperties: false }),
        response: {
          200: Type.Object({ requestId: Type.String(), code: Type.String(), pollToken: Type.String(), expiresAt: Type.String() }),
          '4xx': ErrorReply,
        },
      },
    },
    (request) => store.auth.createPairingRequest((request.body as { name: string }).name),
  );

  app.get(
    '/api/pairing/:requestId',
    {
      config: limit(limits.pollsPerMinute),
      schema: {
        tags: ['pairing'],
        summary: 'The waiting screen polls for its token',
        params: Type.Object({ requestId: Type.String({ minLength: 1, maxLength: 64 }) }),
        querystring: Type.Object({ pollToken: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false }),
        response: { '4xx': ErrorReply },
      },
    },
    (request) => {
      const { requestId } = request.params as { requestId: string };
      const { pollToken } = request.query as { pollToken: string };
      return store.auth.pollPairing(requestId, pollToken);
    },
  );

  app.get(
    '/api/pairing',
    { onRequest: requireDevice(store, ['pos']), schema: { tags: ['pairing'], summary: 'Pending pairing requests (POS, manager)', response: { '4xx': ErrorReply } } },
    (request) => {
      requireManagerSession(store, request);
      return { pending: store.queries.pendingPairings() };
    },
  );

  app.post(
    '/api/pairing/setup',
    {
      config: limit(limits.perMinute),
      schema: {
        tags: ['pairing'],
        summary: 'A screen opened with #setup=CODE claims its credentials',
        body: Type.Object({ setupCode: Type.String({ minLength: 4, maxLength: 64 }), name: ScreenName }, { additionalProperties: false }),
        response: { '4xx': ErrorReply },
      },
    },
    (request) => {
      const { setupCode, name } = request.body as { setupCode: string; name: string };
      return store.auth.claimSetupCode(setupCode, name);
    },
  );

  app.post(
    '/api/session',
    {
      config: limit(limits.perMinute),
      onRequest: requireDevice(store, ['pos']),
      schema: {
        tags: ['staff'],
        summary: 'Staff sign in with a PIN on a paired POS',
        body: Type.Object({ pin: Type.String({ pattern: '^[0-9]{4,8}$' }) }, { additionalProperties: false }),
        response: { '4xx': ErrorReply },
      },
    },
    (request) => {
      const device = requestDevice(store, request);
      const { sessionToken, staff, expiresAt } = store.auth.signIn(device.id, (request.body as { pin: string }).pin);
      return { sessionToken, expiresAt, staff: { id: staff.id, name: staff.name, role: staff.role } };
    },
  );

  app.delete(
    '/api/session',
    { onRequest: requireDevice(store, ['pos']), schema: { tags: ['staff'], summary: 'Sign out', response: { '4xx': ErrorReply } } },
    (request, reply) => {
      const token = request.headers[STAFF_SESSION_HEADER];
      if (typeof token !== 'string' || token === '') throw new BrigadeError('STAFF_SIGN_IN_REQUIRED');
      store.auth.signOut(token);
      return reply.status(204).send();
    },
  );
}
