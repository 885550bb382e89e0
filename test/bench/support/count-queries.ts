/**
 * Which SQL an order costs: `tsx test/bench/support/count-queries.ts [create|pay]` counts every
 * statement the store prepares (drizzle prepares once per query it runs) over 100 commands.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEdgeStore } from '@brigade/edge';
import { newId } from '@brigade/sync/model';
import { orderBody } from './hub-load';

const pay = process.argv.includes('pay');
const dataDir = mkdtempSync(join(tmpdir(), 'brigade-count-'));
const store = openEdgeStore({ dataDir, seedDemo: true });
const code = store.auth.createSetupCode('kiosk', { reusable: true });
const kiosk = store.auth.claimSetupCode(code, 'count kiosk');
const actor = { deviceId: kiosk.deviceId, deviceRole: 'kiosk' as const, stationId: null, staff: null };
const counts = new Map<string, number>();
const prepare = store.db.prepare.bind(store.db);
const N = 100;
const orders: { id: string; total: number }[] = [];
for (let i = 0; i < N; i += 1) {
  const body = orderBody();
  const out = await store.execute('order.create', body.commandId, body.args, actor);
  orders.push({ id: body.args.orderId, total: (out.result as { order: { totals: { total: number } } }).order.totals.total });
}
store.db.prepare = ((source: string) => {
  counts.set(source, (counts.get(source) ?? 0) + 1);
  return prepare(source);
});
for (let i = 0; i < N; i += 1) {
  if (pay) {
    const order = orders[i] as { id: string; total: number };
    await store.execute('payment.capture', newId(), { orderId: order.id, paymentId: newId(), tender: 'card', amount: order.total }, actor);
  } else {
    const body = orderBody();
    await store.execute('order.create', body.commandId, body.args, actor);
  }
}
store.close();
rmSync(dataDir, { recursive: true, force: true });
const total = [...counts.values()].reduce((a, b) => a + b, 0);
process.stdout.write(`${(total / N).toFixed(1)} statements per command\n`);
for (const [source, n] of [...counts].sort((a, b) => b[1] - a[1])) process.stdout.write(`${(n / N).toFixed(2)}  ${source.slice(0, 160)}\n`);
