/**
 * Online order placement at 50 concurrent customers: each customer (its own source address,
 * as phones are, so the per-address rate limit of 30 orders a minute applies to each as in
 * life) places orders one after another through `POST /api/public/stores/:id/orders` over
 * HTTP; each placement prices the order in the cloud, writes it, and creates its Stripe
 * PaymentIntent through the real SDK against the fake Stripe server (on the same machine, so
 * Stripe's own latency is not in the figure). The cloud runs in its own process
 * (support/cloud-placement-child.ts), the customers in this one. `--quick`: 2 orders per
 * customer, else 6.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DEMO, newId } from '@brigade/sync/model';
import { type Backend, row } from './cloud-bench-support';
import { percentile } from './online-bench-support';

const quick = process.argv.includes('--quick');
const customers = 50;
const perCustomer = quick ? 2 : 6;
const backends: Backend[] = process.argv.includes('--pglite-only') ? ['pglite'] : ['pglite', 'postgres'];

function post(url: URL, body: string, localAddress: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.end(body);
  });
}

process.stdout.write(`Load average at start: ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n\n`);
process.stdout.write('| backend | customers | orders | p50 ms | p99 ms | max ms | orders/s | refused |\n|---|---:|---:|---:|---:|---:|---:|---:|\n');

for (const backend of backends) {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./support/cloud-placement-child.ts', import.meta.url)), backend], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ url: string; storeId: string }>((resolve, reject) => {
    child.once('message', (message) => resolve(message as { url: string; storeId: string }));
    child.once('exit', (code) => reject(new Error(`the cloud process exited (${code})`)));
  });
  try {
    const url = new URL(`/api/public/stores/${ready.storeId}/orders`, ready.url);
    const samples: number[] = [];
    let refused = 0;
    const customer = async (n: number) => {
      // Linux answers on all of 127/8: each customer gets an address of its own.
      const localAddress = `127.0.${Math.floor(n / 200) + 1}.${(n % 200) + 10}`;
      for (let i = 0; i < perCustomer; i++) {
        const body = JSON.stringify({
          orderId: randomUUID(), customerName: `Customer ${n}`, diningOption: 'take_out',
          lines: [
            { lineId: newId(), itemId: DEMO.burger, quantity: 1, modifierOptionIds: [DEMO.medium, DEMO.cheese] },
            { lineId: newId(), itemId: DEMO.fries, quantity: 1, modifierOptionIds: [DEMO.large] },
          ],
        });
        const started = performance.now();
        const status = await post(url, body, localAddress);
        samples.push(performance.now() - started);
        if (status !== 201) refused += 1;
      }
    };
    // One warm-up order so the first figures do not include loading the menu and the SDK.
    await post(url, JSON.stringify({ orderId: randomUUID(), customerName: 'Warm-up', diningOption: 'take_out', lines: [{ lineId: newId(), itemId: DEMO.cola, quantity: 1, modifierOptionIds: [DEMO.regular] }] }), '127.0.9.9');
    const started = performance.now();
    await Promise.all(Array.from({ length: customers }, (_, n) => customer(n)));
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`${row([backend, customers, samples.length, percentile(samples, 50).toFixed(0), percentile(samples, 99).toFixed(0), Math.max(...samples).toFixed(0), (samples.length / seconds).toFixed(1), refused])}\n`);
  } finally {
    child.send({ type: 'stop' });
    await new Promise((r) => child.once('exit', r));
  }
}
process.stdout.write(`\nLoad average at end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
