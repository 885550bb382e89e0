/** Operations endpoints: `/healthz` for supervisors and `/metrics` for Prometheus. */
import type { FastifyInstance } from 'fastify';
import type { EdgeStore } from '../store/types';
import type { HubMetrics } from './metrics';
import type { PrinterStatusSource } from './read-routes';

export interface HealthChecks {
  /** True when the database schema is at the newest migration the code knows. */
  readonly migrationsCurrent?: () => boolean;
}

function databaseOpen(store: EdgeStore): boolean {
  try {
    return store.db.open && store.db.prepare('select 1 as ok').get() !== undefined;
  } catch {
    return false;
  }
}

export function registerOpsRoutes(app: FastifyInstance, store: EdgeStore, metrics: HubMetrics, printers: PrinterStatusSource, checks: HealthChecks): void {
  app.get('/healthz', { schema: { tags: ['operations'], summary: 'Liveness: database open, migrations current, printers' } }, (_request, reply) => {
    const database = databaseOpen(store);
    const migrations = checks.migrationsCurrent ? safely(checks.migrationsCurrent) : database;
    const printerList = printers.statuses();
    const summary = {
      total: printerList.length,
      ready: printerList.filter((printer) => printer.status === 'ready').length,
      problems: printerList.filter((printer) => printer.status !== 'ready').map((printer) => ({ id: printer.id, status: printer.status, message: printer.message })),
    };
    const ok = database && migrations;
    // Printer trouble is reported but is not "unhealthy": the store keeps selling and jobs wait.
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', database: database ? 'open' : 'closed', migrations: migrations ? 'current' : 'behind', printers: summary });
  });

  app.get('/metrics', { schema: { tags: ['operations'], summary: 'Prometheus metrics' } }, async (_request, reply) => {
    const body = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(body);
  });
}

function safely(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}
