/**
 * A cloud and a store that talk to each other, for the online-order specs: the cloud on
 * PGlite with the demo tenant and card payments through the real `stripe` SDK against the
 * fake Stripe server, and a whole edge node enrolled with it (a code the demo owner makes,
 * as in the dashboard), whose kitchen printer is a virtual network printer. The cloud gets a
 * port chosen up front so the table QR codes it draws point at itself.
 */
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { type Cloud, DEMO_CLOUD, startCloud } from '@brigade/cloud';
import { type FakeStripe, type VirtualPrinter, startFakeStripe, startVirtualPrinter } from '@brigade/drivers/virtual';
import { onlineOrders } from '@brigade/sync/schema/pg';
import { loadConfig } from '../../edge/src/config';
import { DEMO_CLOUD_TENANT, demoEnrolmentCode } from '../../edge/src/demo-cloud';
import { type EdgeNode, startEdgeNode } from '../../edge/src/hub/start-edge-node';

const WEBHOOK_SECRET = 'whsec_e2e_online_orders';

export interface OnlineTestStore {
  readonly cloud: Cloud;
  readonly cloudUrl: string;
  readonly edgeUrl: string;
  readonly node: EdgeNode;
  readonly kitchenPrinter: VirtualPrinter;
  /** Reports the order's card payment as Stripe would once the customer confirmed it. */
  confirmPayment(orderId: string): Promise<number>;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `cardPayments: false` is a cloud without Stripe settings: customers pay at pickup. */
export async function startOnlineTestStore(uiDistDir: string, opts: { cardPayments?: boolean } = {}): Promise<OnlineTestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'brigade-e2e-online-'));
  const stripe: FakeStripe = await startFakeStripe();
  const port = await freePort();
  const cloudUrl = `http://127.0.0.1:${port}`;
  const cloud = await startCloud({
    port, host: '127.0.0.1', seedDemo: true, logger: false,
    settings: { publicUrl: cloudUrl, ...(opts.cardPayments === false ? {} : { stripe: { secretKey: 'sk_test_online_e2e', webhookSecret: WEBHOOK_SECRET, ...stripe.clientConfig() } }) },
  });
  const kitchenPrinter = await startVirtualPrinter({ port: 0, name: 'kitchen' });
  const config = loadConfig({
    BRIGADE_DATA_DIR: join(dir, 'edge'),
    BRIGADE_HUB_HOST: '127.0.0.1',
    BRIGADE_HUB_PORT: '0',
    BRIGADE_UI_DIST: uiDistDir,
    BRIGADE_CLOUD_URL: cloudUrl,
    BRIGADE_SYNC_HEARTBEAT_MS: '1000',
    BRIGADE_PRINTERS: JSON.stringify([{ id: 'kitchen', role: 'kitchen', host: '127.0.0.1', port: kitchenPrinter.port, stations: ['grill', 'fry', 'drinks'] }]),
  });
  const node = await startEdgeNode({
    config,
    store: { seedDemo: true, storeName: DEMO_CLOUD_TENANT.storeName, timezone: DEMO_CLOUD_TENANT.timezone },
    cloud: { codeSource: () => demoEnrolmentCode(cloudUrl) },
  });
  await node.cloud.ready;

  const confirmPayment = async (orderId: string) => {
    const row = (await cloud.ctx.database.db.select().from(onlineOrders).where(eq(onlineOrders.id, orderId)).limit(1))[0];
    if (!row?.paymentIntentId) throw new Error(`order ${orderId} has no PaymentIntent in the cloud`);
    const intent = stripe.state.intent(row.paymentIntentId);
    const payload = JSON.stringify({
      id: `evt_${randomUUID()}`, object: 'event', type: 'payment_intent.succeeded', created: Math.floor(Date.now() / 1000),
      data: { object: { id: intent.id, object: 'payment_intent', amount: intent.amount, amount_received: intent.amount, currency: intent.currency, metadata: intent.metadata, status: 'succeeded' } },
    });
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    return (await fetch(`${cloudUrl}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload })).status;
  };

  return {
    cloud,
    cloudUrl,
    edgeUrl: `http://127.0.0.1:${node.port}`,
    node,
    kitchenPrinter,
    confirmPayment,
    close: async () => {
      await node.close();
      await kitchenPrinter.close();
      await cloud.close();
      await stripe.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export { DEMO_CLOUD };
