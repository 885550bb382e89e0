/** Dashboard sign-in: login (rate-limited), refresh, logout, who am I. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { CloudContext } from '../context';
import { refresh, requireUser, signIn, signOut } from './sessions';

const LoginBody = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
const RefreshBody = Type.Object({ refreshToken: Type.String({ minLength: 10, maxLength: 200 }) }, { additionalProperties: false });

export function registerAuthRoutes(app: FastifyInstance, ctx: CloudContext): void {
  app.post(
    '/api/auth/login',
    {
      // Password guessing is slowed per address; scrypt makes each guess cost the guesser too.
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], body: LoginBody },
    },
    async (request) => {
      const body = request.body as { email: string; password: string };
      return signIn(ctx, body.email, body.password);
    },
  );
  app.post('/api/auth/refresh', { config: { rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { tags: ['auth'], body: RefreshBody } }, async (request) => {
    return refresh(ctx, (request.body as { refreshToken: string }).refreshToken);
  });
  app.post('/api/auth/logout', { schema: { tags: ['auth'], security: [{ owner: [] }] } }, async (request, reply) => {
    await signOut(ctx, await requireUser(ctx, request));
    return reply.status(204).send();
  });
  app.get('/api/me', { schema: { tags: ['auth'], security: [{ owner: [] }] } }, async (request) => {
    const user = await requireUser(ctx, request);
    return { id: user.userId, organisationId: user.organisationId, role: user.role };
  });
}
