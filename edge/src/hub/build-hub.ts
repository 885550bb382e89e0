/**
 * The store's LAN hub: one Fastify app serving the commands, reads, pairing, the live event
 * socket, the built screens, the API docs and the operations endpoints.
 */
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { EdgeConfig } from '../config';
import type { EdgeStore } from '../store/types';
import { type InFlight, registerCommandRoutes, whenIdle } from './command-routes';
import { type HardwareOptions, registerDeviceRoutes } from './device-routes';
import { registerCheckRoutes } from './check-routes';
import { registerErrorHandling } from './error-handler';
import { storeEventSource } from './event-source';
import { type LiveEventSource, registerLiveEvents } from './live-events';
import { type HubMetrics, createHubMetrics } from './metrics';
import { registerInventoryRoutes } from './inventory-routes';
import { redactedRequest } from './log-redaction';
import { type HealthChecks, registerOpsRoutes } from './ops-routes';
import { type CredentialRateLimits, defaultCredentialRateLimits, registerPairingRoutes } from './pairing-routes';
import { type PrinterStatusSource, registerReadRoutes } from './read-routes';
import { registerStaffCashRoutes } from './staff-cash-routes';
import { registerStaticScreens } from './static-screens';
import { registerOnlineOrderRoutes } from '../sync/online-order-routes';

/** The body limit from the API contract (docs/api.md). */
export const BODY_LIMIT_BYTES = 256 * 1024;

export interface HubOptions {
  readonly store: EdgeStore;
  readonly config: Pick<EdgeConfig, 'uiDistDir'>;
  /** A pino logger; false for silence (tests). */
  readonly logger?: Logger | false;
  readonly printers?: PrinterStatusSource;
  readonly rateLimits?: CredentialRateLimits;
  readonly healthChecks?: HealthChecks;
  readonly heartbeatMs?: number;
  readonly maxBufferedBytes?: number;
  /** Where live events come from; the store's by default. */
  readonly events?: LiveEventSource;
  /** Devices and the card reader behind the hardware routes; without them those routes are absent. */
  readonly hardware?: HardwareOptions;
}

const noPrinters: PrinterStatusSource = { statuses: () => [] };

export async function buildHub(options: HubOptions): Promise<FastifyInstance> {
  const { store } = options;
  // Typed as Fastify's base logger so the app's type matches the plugins' and routes'.
  const loggerInstance: FastifyBaseLogger | undefined = options.logger ? options.logger.child({}, { serializers: { req: redactedRequest } }) : undefined;
  const app: FastifyInstance = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    ...(loggerInstance ? { loggerInstance } : { logger: false }),
    // Lets shutdown finish without waiting for idle keep-alive sockets of screens.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  // Only JSON bodies: anything else is refused as unreadable rather than parsed as a string.
  app.removeContentTypeParser('text/plain');
  registerErrorHandling(app);

  const printers = options.printers ?? noPrinters;
  const metrics: HubMetrics = createHubMetrics({
    outboxDepth: () => store.queries.syncStatus().waiting,
    printJobsByStatus: () => countByStatus(store),
  });

  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Brigade store hub', version: '0.1.0', description: 'The edge node API used by the POS, kiosks and kitchen displays. See docs/api.md.' },
      components: {
        securitySchemes: {
          device: { type: 'http', scheme: 'bearer', description: 'The device token of a paired screen' },
          staff: { type: 'apiKey', in: 'header', name: 'X-Staff-Session', description: 'The session of the member of staff signed in with a PIN' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  // No per-message compression on the LAN: it would cost CPU per socket for every event sent.
  await app.register(websocket, { options: { maxPayload: 64 * 1024, perMessageDeflate: false } });

  const inFlight: InFlight = { count: 0, idle: null, resolveIdle: null };
  registerCommandRoutes(app, store, metrics, inFlight);
  registerPairingRoutes(app, store, options.rateLimits ?? defaultCredentialRateLimits);
  registerReadRoutes(app, store, printers);
  registerCheckRoutes(app, store);
  registerInventoryRoutes(app, store);
  registerStaffCashRoutes(app, store);
  registerOnlineOrderRoutes(app, store);
  registerOpsRoutes(app, store, metrics, printers, options.healthChecks ?? {});
  if (options.hardware) registerDeviceRoutes(app, store, printers, options.hardware);
  const live = registerLiveEvents(app, {
    source: options.events ?? storeEventSource(store),
    ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
    ...(options.maxBufferedBytes ? { maxBufferedBytes: options.maxBufferedBytes } : {}),
    onScreenCount: (role, delta) => metrics.connectedScreens.inc({ role }, delta),
  });
  await registerStaticScreens(app, options.config.uiDistDir);

  // Running commands are answered before the server closes its connections, and every answer
  // given while closing says `Connection: close`: commands commit in groups a moment later (group
  // commit), and a keep-alive connection still answering when server.close() ran would otherwise
  // stay open and keep the shutdown waiting for the client to hang up.
  let closing = false;
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
  app.addHook('preClose', async () => {
    closing = true;
    live.closeAll();
    await whenIdle(inFlight);
    // server.close() counts a connection a client opened but never used as busy, and waits for it
    // (clients open spare connections when many requests are in flight); once every command is
    // answered, what is left after a moment is dropped.
    setTimeout(() => app.server.closeAllConnections(), 1000).unref();
  });
  // New requests were refused (503) since closing began; let anything still running commit before the store closes.
  app.addHook('onClose', () => whenIdle(inFlight));
  app.decorate('hubMetrics', metrics);
  return app;
}

/**
 * Counted in SQL: a day's printed jobs are many, and loading them on every scrape would
 * make /metrics the slowest call of the hub. (The store has no count method yet.)
 */
function countByStatus(store: EdgeStore): Record<string, number> {
  const rows = store.db.prepare('SELECT status, count(*) AS n FROM print_jobs GROUP BY status').all() as { status: string; n: number }[];
  // Every status is reported, zeros included, so dashboards see a series from the start.
  const counts: Record<string, number> = { queued: 0, sending: 0, held: 0, uncertain: 0, printed: 0, failed: 0, cancelled: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

declare module 'fastify' {
  interface FastifyInstance {
    hubMetrics: HubMetrics;
  }
}
