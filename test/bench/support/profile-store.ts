/**
 * The store's own cost per order, without HTTP: `tsx [--cpu-prof] test/bench/support/profile-store.ts [orders] [concurrency]`.
 * Creates orders through `execute` from `concurrency` callers at once (as that many screens
 * would), so grouped commits show; prints ms per order.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEdgeStore } from '@brigade/edge';
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
const run = async (n: number): Promise<void> => {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) {
      next += 1;
      const body = orderBody();
      await store.execute('order.create', body.commandId, body.args, actor);
    }
  }));
};
await run(300);
const started = performance.now();
const cpuBefore = process.cpuUsage();
await run(orders);
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
store.close();
rmSync(dataDir, { recursive: true, force: true });
// CPU time as well as wall time: on a shared machine the disk's fsync time varies far more than the CPU's.
const cpuMs = (cpu.user + cpu.system) / 1000;
process.stdout.write(`${orders} orders, ${concurrency} at once: ${(ms / orders).toFixed(3)} ms per order (${(cpuMs / orders).toFixed(3)} ms CPU), ${(orders / (ms / 1000)).toFixed(0)} orders/s\n`);
