/**
 * The cloud service's entry point: `startCloud` for the demo and production, `createCloud`
 * for tests (the same app, not listening), and the pieces other packages may use.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { eq } from 'drizzle-orm';
import { cloudSecrets } from '@brigade/sync/schema/pg';
import { type BuildAppOptions, buildCloudApp } from './app';
import type { CloudContext, CloudSettings } from './context';
import { type Database, openDatabase } from './db/database';
import { startChangePublisher } from './shapes/change-publisher';
import { startShapeCompaction } from './shapes/shape-log-compaction';
import { startHeartbeatMonitor } from './stores/heartbeat';
import { seedDemo } from './stores/seed';

export { DEMO_CLOUD, seedDemo, seedTenant, type TenantSeed } from './stores/seed';
export type { CloudContext, CloudSettings, StripeSettings } from './context';
export { openDatabase, type Database } from './db/database';
export { registeredRoutes } from './app';

export interface CloudOptions {
  /** Root data folder; PGlite keeps its files in `<dataDir>/cloud/pg`. Omit for in-memory. */
  readonly dataDir?: string;
  readonly port?: number;
  readonly host?: string;
  /** A PostgreSQL URL; when set, PGlite is not used. */
  readonly databaseUrl?: string;
  /** PGlite only: start from this data dump (tests). */
  readonly pgliteTemplate?: Blob;
  /** Seed the demo organisation, owner and store (idempotent). */
  readonly seedDemo?: boolean;
  readonly logger?: Logger | false;
  readonly now?: () => Date;
  readonly settings?: Partial<CloudSettings>;
  readonly extraRoutes?: BuildAppOptions['extraRoutes'];
}

export interface Cloud {
  readonly app: FastifyInstance;
  readonly ctx: CloudContext;
  /** The listening URL (only from startCloud). */
  readonly url: string;
  close(): Promise<void>;
}

export async function createCloud(options: CloudOptions = {}): Promise<Cloud> {
  const database: Database = await openDatabase({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir ? join(options.dataDir, 'cloud', 'pg') : undefined,
    pgliteTemplate: options.pgliteTemplate,
  });
  const changes = startChangePublisher(database);
  const settings: CloudSettings = {
    heartbeatTimeoutMs: 60_000,
    longPollMs: 20_000,
    rotationFactor: 10,
    stripe: null,
    tableTokenSecret: options.settings?.tableTokenSecret ?? (await tableSecret(database)),
    publicUrl: process.env.BRIGADE_CLOUD_PUBLIC_URL ?? `http://localhost:${options.port ?? 8080}`,
    ...options.settings,
  };
  const ctx: CloudContext = { database, now: options.now ?? (() => new Date()), changes, settings };
  if (options.seedDemo) {
    await seedDemo(database.db);
    await changes.kick();
  }
  // A short timeout (tests, demos) is checked more often, so a silent store is paused soon after it.
  const stopHeartbeat = startHeartbeatMonitor(ctx, Math.min(5_000, Math.max(250, Math.floor(settings.heartbeatTimeoutMs / 4))));
  const compaction = startShapeCompaction(ctx, settings.compactionIntervalMs ?? 600_000);
  const app = await buildCloudApp(ctx, { logger: options.logger ?? false, ...(options.extraRoutes ? { extraRoutes: options.extraRoutes } : {}) });
  return {
    app,
    ctx,
    url: '',
    close: async () => {
      stopHeartbeat();
      await compaction.stop();
      changes.stop();
      await app.close();
      await database.close();
    },
  };
}

/** Starts the cloud on a port (8080 by default) and returns its URL. */
export async function startCloud(options: CloudOptions = {}): Promise<Cloud> {
  const logger = options.logger ?? pino({ name: 'brigade-cloud', level: process.env.LOG_LEVEL ?? 'info' });
  const cloud = await createCloud({ ...options, logger });
  const address = await cloud.app.listen({ port: options.port ?? 8080, host: options.host ?? '127.0.0.1' });
  return { ...cloud, url: address };
}

async function tableSecret(database: Database): Promise<string> {
  const fresh = randomBytes(32).toString('base64url');
  await database.db.insert(cloudSecrets).values({ name: 'table-token', value: fresh }).onConflictDoNothing();
  const row = (await database.db.select().from(cloudSecrets).where(eq(cloudSecrets.name, 'table-token')).limit(1))[0];
  return row?.value ?? fresh;
}
