/**
 * A real cloud for the cloud-app specs: Fastify on PGlite with the demo tenant, serving the
 * built PWA and dashboard, with card payments through the real `stripe` SDK against the fake
 * Stripe server (Stripe's API is unreachable here). A customer's card confirmation is what
 * Stripe reports with a signed `payment_intent.succeeded` webhook; `confirmPayment` sends it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { type Cloud, DEMO_CLOUD, startCloud } from '@brigade/cloud';
import { type FakeStripe, startFakeStripe } from '@brigade/drivers/virtual';
import { onlineOrders } from '@brigade/sync/schema/pg';

const repo = new URL('../../', import.meta.url).pathname;
const WEBHOOK_SECRET = 'whsec_e2e_brigade';

export { DEMO_CLOUD };

export interface TestCloud {
  readonly url: string;
  readonly cloud: Cloud;
  readonly stripe: FakeStripe;
  /** Calls the owner API as the demo owner. */
  owner<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** Reports the order's card payment as Stripe would once the customer confirmed it. */
  confirmPayment(orderId: string): Promise<number>;
  close(): Promise<void>;
}

function buildCloudAppsIfMissing(): void {
  if (existsSync(join(repo, 'ui/dist-cloud/order/index.html')) && existsSync(join(repo, 'ui/dist-cloud/dashboard/index.html'))) return;
  execFileSync(join(repo, 'node_modules/.bin/vite'), ['build', '--config', 'ui/vite.cloud.config.ts', '--logLevel', 'warn'], { cwd: repo, stdio: 'inherit' });
}

export async function startTestCloud(): Promise<TestCloud> {
  buildCloudAppsIfMissing();
  const stripe = await startFakeStripe();
  const cloud = await startCloud({
    port: 0,
    host: '127.0.0.1',
    seedDemo: true,
    logger: false,
    settings: { stripe: { secretKey: 'sk_test_brigade_e2e', webhookSecret: WEBHOOK_SECRET, ...stripe.clientConfig() } },
  });
  const url = cloud.url;
  let token: string | null = null;

  const owner = async <T>(method: string, path: string, body?: unknown) => {
    if (!token) {
      const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: DEMO_CLOUD.ownerEmail, password: DEMO_CLOUD.ownerPassword }) });
      token = ((await login.json()) as { accessToken: string }).accessToken;
    }
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as T };
  };

  const confirmPayment = async (orderId: string) => {
    const row = (await cloud.ctx.database.db.select().from(onlineOrders).where(eq(onlineOrders.id, orderId)).limit(1))[0];
    if (!row?.paymentIntentId) throw new Error(`order ${orderId} has no PaymentIntent in the cloud`);
    const intent = stripe.state.intent(row.paymentIntentId);
    const payload = JSON.stringify({
      id: `evt_${randomUUID()}`, object: 'event', type: 'payment_intent.succeeded', created: Math.floor(Date.now() / 1000),
      data: { object: { id: intent.id, object: 'payment_intent', amount: intent.amount, amount_received: intent.amount, currency: intent.currency, metadata: intent.metadata, status: 'succeeded' } },
    });
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    const response = await fetch(`${url}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload });
    return response.status;
  };

  return {
    url,
    cloud,
    stripe,
    owner,
    confirmPayment,
    close: async () => {
      await cloud.close();
      await stripe.close();
    },
  };
}
