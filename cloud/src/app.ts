/**
 * The cloud service as one Fastify app: sync (push, shapes, enrolment), the owner API, the
 * public online-ordering API, webhooks, `/healthz`, `/metrics` and the OpenAPI docs at `/docs`.
 */
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { sql } from 'drizzle-orm';
import type { CloudContext } from './context';
import { registerErrorHandling } from './http/error-handler';
import { registerMetrics } from './http/metrics';
import { registerPushRoutes } from './push/push-routes';
import { registerEnrolmentRoutes } from './stores/enrolment-routes';
import { type RouteModule, cloudRouteModules } from './routes';
import { registerStaticApps } from './static-apps';

export const BODY_LIMIT_BYTES = 256 * 1024;

const routeTables = new WeakMap<FastifyInstance, { method: string; url: string }[]>();

/** Every route the app registered (the tenancy test walks them all). */
export function registeredRoutes(app: FastifyInstance): readonly { method: string; url: string }[] {
  return routeTables.get(app) ?? [];
}

export interface BuildAppOptions {
  readonly logger?: Logger | false;
  /** Extra route modules (tests, later features). */
  readonly extraRoutes?: readonly RouteModule[];
}

export async function buildCloudApp(ctx: CloudContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const loggerInstance: FastifyBaseLogger | undefined = options.logger || undefined;
  const app: FastifyInstance = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    ...(loggerInstance ? { loggerInstance } : { logger: false }),
    forceCloseConnections: true,
    return503OnClosing: true,
    // `params[1]=…` must reach the shape route as a flat key, as Electric clients send it.
    routerOptions: { maxParamLength: 200 },
  });
  const routes: { method: string; url: string }[] = [];
  routeTables.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  app.removeContentTypeParser('text/plain');
  registerErrorHandling(app);

  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Brigade cloud', version: '0.1.0', description: 'Sync, owner dashboard and online ordering API. See docs/cloud.md.' },
      components: {
        securitySchemes: {
          store: { type: 'http', scheme: 'bearer', description: 'The store credential of an enrolled edge node' },
          owner: { type: 'http', scheme: 'bearer', description: 'The access token of a signed-in owner or manager' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  registerMetrics(app);

  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await ctx.database.db.execute(sql`SELECT 1`);
      return { status: 'ok', database: ctx.database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: ctx.database.kind });
    }
  });
  registerPushRoutes(app, ctx);
  registerEnrolmentRoutes(app, ctx);
  await registerStaticApps(app);
  for (const register of [...cloudRouteModules, ...(options.extraRoutes ?? [])]) await register(app, ctx);
  return app;
}
