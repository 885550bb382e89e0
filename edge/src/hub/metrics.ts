/**
 * The hub's Prometheus metrics. One registry per hub (not prom-client's global one) so
 * several hubs in one process — tests, the demo — do not collide.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface MetricsSources {
  /** Mutations waiting to go up to the cloud. */
  outboxDepth(): number;
  /** Print jobs by status (`queued`, `sending`, `held`, `uncertain`, `printed`, …). */
  printJobsByStatus(): Record<string, number>;
}

export interface HubMetrics {
  readonly registry: Registry;
  readonly ordersCreated: Counter;
  readonly commandDuration: Histogram<'command' | 'outcome'>;
  readonly connectedScreens: Gauge<'role'>;
}

export function createHubMetrics(sources: MetricsSources, options: { defaultMetrics?: boolean } = {}): HubMetrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'brigade_edge_' });
  const ordersCreated = new Counter({ name: 'brigade_orders_created_total', help: 'Orders created on this edge node', registers: [registry] });
  const commandDuration = new Histogram({
    name: 'brigade_command_duration_seconds',
    help: 'Time to handle a command, by command name and outcome',
    labelNames: ['command', 'outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });
  const connectedScreens = new Gauge({ name: 'brigade_connected_screens', help: 'Screens connected to the live event socket, by device role', labelNames: ['role'] as const, registers: [registry] });
  new Gauge({
    name: 'brigade_outbox_depth',
    help: 'Mutations waiting to be pushed to the cloud',
    registers: [registry],
    collect() {
      this.set(sources.outboxDepth());
    },
  });
  new Gauge({
    name: 'brigade_print_jobs',
    help: 'Print jobs by status',
    labelNames: ['status'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [status, count] of Object.entries(sources.printJobsByStatus())) this.set({ status }, count);
    },
  });
  return { registry, ordersCreated, commandDuration, connectedScreens };
}
