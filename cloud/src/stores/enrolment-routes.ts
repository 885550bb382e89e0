/** The edge's side of enrolment: trade a one-time code for a credential; rotate it later. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { authenticateStore, bearerToken } from '../auth/store-auth';
import type { CloudContext } from '../context';
import { enrolWithCode, rotateCredential } from './enrolment';

const EnrolBody = Type.Object(
  { code: Type.String({ minLength: 6, maxLength: 20 }), nodeId: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
const Credential = Type.Object({ storeId: Type.String(), credentialId: Type.String(), credential: Type.String() });

export function registerEnrolmentRoutes(app: FastifyInstance, ctx: CloudContext): void {
  app.post(
    '/sync/enrol',
    {
      // Codes are guessable only by brute force: keep it slow.
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['sync'], body: EnrolBody, response: { 200: Credential } },
    },
    async (request) => {
      const body = request.body as { code: string; nodeId: string };
      const enrolment = await enrolWithCode(ctx, body.code, body.nodeId);
      return { storeId: enrolment.storeId, credentialId: enrolment.credentialId, credential: enrolment.credential };
    },
  );
  app.post('/sync/credential/rotate', { schema: { tags: ['sync'], security: [{ store: [] }], response: { 200: Credential } } }, async (request) => {
    const caller = await authenticateStore(ctx.database.db, bearerToken(request));
    const next = await rotateCredential(ctx, caller);
    return { storeId: next.storeId, credentialId: next.credentialId, credential: next.credential };
  });
}
