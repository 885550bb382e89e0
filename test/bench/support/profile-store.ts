/**
 * The store's own cost per order, without HTTP: `tsx [--cpu-prof] test/bench/support/profile-store.ts [orders] [concurrency] [--pay]`.
 * Creates orders through `execute` from `concurrency` callers at once (as that many screens
 * would), so grouped commits show; prints ms per order. `--pay` measures instead the card
 * payments that fire those orders to the kitchen (the KDS benchmark's command).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEdgeStore } from '@brigade/edge';
import { newId } from '@brigade/sync/model';
import { orderBody } from './hub-load';

const numbers = process.argv.slice(2).filter((a) => !a.startsWith('--')).map(Number);
const orders = numbers[0] ?? 3000;
const concurrency = numbers[1] ?? 1;
const dataDir = mkdtempSync(join(tmpdir(), 'brigade-store-profile-'));
const store = openEdgeStore({ dataDir, seedDemo: true });
if (process.env.SYNC_OFF) store.db.pragma('synchronous = OFF');
const code = store.auth.createSetupCode('kiosk', { reusable: true });
const kiosk = store.auth.claimSetupCode(code, 'profile kiosk');
const actor = { deviceId: kiosk.deviceId, deviceRole: 'kiosk' as const, stationId: null, staff: null };
const pay = process.argv.includes('--pay');
const created: { orderId: string; total: number }[] = [];
const run = async (n: number, command: 'create' | 'pay'): Promise<void> => {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) {
      next += 1;
      if (command === 'pay') {
        const { orderId, total } = created.pop() as { orderId: string; total: number };
        await store.execute('payment.capture', newId(), { orderId, paymentId: newId(), tender: 'card', amount: total }, actor);
        continue;
      }
      const body = orderBody();
      const outcome = await store.execute('order.create', body.commandId, body.args, actor);
      const { order } = outcome.result as { order: { totals: { total: number } } };
      created.push({ orderId: body.args.orderId, total: order.totals.total });
    }
  }));
};
await run(300, 'create');
if (pay) {
  await run(orders, 'create');
  await run(300, 'pay');
}
const started = performance.now();
const cpuBefore = process.cpuUsage();
await run(orders, pay ? 'pay' : 'create');
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
store.close();
rmSync(dataDir, { recursive: true, force: true });
// CPU time as well as wall time: on a shared machine the disk's fsync time varies far more than the CPU's.
const cpuMs = (cpu.user + cpu.system) / 1000;
process.stdout.write(`${orders} ${pay ? 'card payments firing orders' : 'orders'}, ${concurrency} at once: ${(ms / orders).toFixed(3)} ms per order (${(cpuMs / orders).toFixed(3)} ms CPU), ${(orders / (ms / 1000)).toFixed(0)} orders/s\n`);
