/**
 * The cloud for the order-placement benchmark, in a process of its own (PGlite runs queries
 * on the event loop, so a load generator in the same process would wait on it and count that
 * as latency): a seeded tenant and card payments through the real `stripe` SDK against the
 * fake Stripe server, which runs here too. Sends `{ url, storeId }` once listening; `stop`
 * closes everything. Argument: `pglite` or `postgres`.
 */
import { startFakeStripe } from '@brigade/drivers/virtual';
import { type Backend, benchCloud } from '../cloud-bench-support';

const backend = (process.argv[2] ?? 'pglite') as Backend;
const stripe = await startFakeStripe();
const bench = await benchCloud(backend, { settings: { stripe: { secretKey: 'sk_test_bench', webhookSecret: 'whsec_bench', ...stripe.clientConfig() } } });
const url = await bench.cloud.app.listen({ port: 0, host: '127.0.0.1' });
process.on('message', (message: { type: string }) => {
  if (message.type !== 'stop') return;
  void (async () => {
    await bench.close();
    await stripe.close();
    process.exit(0);
  })();
});
process.send?.({ type: 'ready', url, storeId: bench.storeId });
