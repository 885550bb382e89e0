/**
 * Cloud settings from the environment, for `startCloud` when run as a process:
 * PORT / BRIGADE_CLOUD_PORT, BRIGADE_CLOUD_HOST, DATABASE_URL, BRIGADE_DATA_DIR,
 * BRIGADE_SEED_DEMO=1, BRIGADE_CLOUD_PUBLIC_URL, STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET,
 * STRIPE_API_HOST / STRIPE_API_PORT / STRIPE_API_PROTOCOL (to reach a Stripe stand-in),
 * BRIGADE_HEARTBEAT_TIMEOUT_MS (how long a silent store keeps online ordering; 60000).
 */
import type { CloudOptions } from './index';
import type { StripeSettings } from './context';

export function cloudOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): CloudOptions {
  const stripe: StripeSettings | null =
    env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET
      ? {
          secretKey: env.STRIPE_SECRET_KEY,
          webhookSecret: env.STRIPE_WEBHOOK_SECRET,
          ...(env.STRIPE_API_HOST ? { host: env.STRIPE_API_HOST } : {}),
          ...(env.STRIPE_API_PORT ? { port: Number(env.STRIPE_API_PORT) } : {}),
          ...(env.STRIPE_API_PROTOCOL === 'http' || env.STRIPE_API_PROTOCOL === 'https' ? { protocol: env.STRIPE_API_PROTOCOL } : {}),
        }
      : null;
  const port = Number(env.BRIGADE_CLOUD_PORT ?? env.PORT ?? 8080);
  const heartbeat = Number(env.BRIGADE_HEARTBEAT_TIMEOUT_MS);
  return {
    dataDir: env.BRIGADE_DATA_DIR ?? './data',
    port,
    host: env.BRIGADE_CLOUD_HOST ?? '127.0.0.1',
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    seedDemo: env.BRIGADE_SEED_DEMO === '1',
    settings: {
      stripe,
      ...(env.BRIGADE_CLOUD_PUBLIC_URL ? { publicUrl: env.BRIGADE_CLOUD_PUBLIC_URL } : {}),
      ...(Number.isInteger(heartbeat) && heartbeat > 0 ? { heartbeatTimeoutMs: heartbeat } : {}),
    },
  };
}
