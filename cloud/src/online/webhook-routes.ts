/**
 * `POST /webhooks/stripe`: the raw body is kept for the signature check; unsigned, forged or
 * stale (replayed) events get 400 WEBHOOK_SIGNATURE_INVALID and change nothing.
 */
import type { FastifyInstance } from 'fastify';
import type { CloudContext } from '../context';
import { markOnlineOrderPaid } from './online-orders';
import { stripeClient, verifyWebhook } from './stripe-payments';

export async function registerWebhookRoutes(app: FastifyInstance, ctx: CloudContext): Promise<void> {
  const settings = ctx.settings.stripe;
  // Encapsulated so the raw-string JSON parser applies to this route only.
  await app.register((scope, _options, done) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 512 * 1024 }, (_request, body, done) => done(null, body));
    scope.post('/webhooks/stripe', { schema: { tags: ['webhooks'] } }, async (request, reply) => {
      if (!settings) return reply.status(503).send({ error: { code: 'PAYMENT_NOT_CONFIGURED', message: 'Online payment is not set up.' } });
      const stripe = stripeClient(settings);
      const signature = request.headers['stripe-signature'];
      const event = verifyWebhook(stripe, settings, typeof request.body === 'string' ? request.body : '', typeof signature === 'string' ? signature : undefined);
      if (event.type === 'payment_intent.succeeded') {
        const intent = event.data.object;
        const orderId = intent.metadata.orderId;
        if (orderId) await markOnlineOrderPaid(ctx, orderId, intent.id, intent.amount_received || intent.amount, intent.currency);
      }
      return { received: true };
    });
    done();
  });
}
