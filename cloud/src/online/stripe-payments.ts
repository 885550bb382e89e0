/**
 * Online card payments through the real `stripe` SDK: PaymentIntents created with an
 * idempotency key per order (a retried order creation never makes a second charge), and
 * webhooks verified with the SDK's signature check, which also refuses events older than
 * five minutes (replays).
 */
import Stripe from 'stripe';
import { CloudError } from '@brigade/sync/protocol';
import type { StripeSettings } from '../context';

export const WEBHOOK_TOLERANCE_SECONDS = 300;

export function stripeClient(settings: StripeSettings): Stripe {
  return new Stripe(settings.secretKey, {
    maxNetworkRetries: 2,
    timeout: 15_000,
    ...(settings.host ? { host: settings.host } : {}),
    ...(settings.port ? { port: settings.port } : {}),
    ...(settings.protocol ? { protocol: settings.protocol } : {}),
  });
}

export async function createOrderPayment(stripe: Stripe, order: { id: string; storeId: string; total: number; currency: string }): Promise<{ id: string; clientSecret: string | null }> {
  const intent = await stripe.paymentIntents.create(
    {
      amount: order.total,
      currency: order.currency.toLowerCase(),
      metadata: { orderId: order.id, storeId: order.storeId },
      description: `Brigade online order ${order.id}`,
    },
    { idempotencyKey: `online-order-${order.id}` },
  );
  return { id: intent.id, clientSecret: intent.client_secret ?? null };
}

export function verifyWebhook(stripe: Stripe, settings: StripeSettings, payload: string, signature: string | undefined): Stripe.Event {
  if (!signature) throw new CloudError('WEBHOOK_SIGNATURE_INVALID', 'The Stripe-Signature header is missing.');
  try {
    return stripe.webhooks.constructEvent(payload, signature, settings.webhookSecret, WEBHOOK_TOLERANCE_SECONDS);
  } catch {
    throw new CloudError('WEBHOOK_SIGNATURE_INVALID');
  }
}
