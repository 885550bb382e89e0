/**
 * Z report for a day of 2,000 orders (issue "restaurant in depth"): how long the X report
 * takes to sum the day, and how long closing the day takes from the POS's request to the Z
 * coming out of the receipt printer. The day is rung up through the store's own commands
 * (cash with a drawer session, card, split, refunds, voids); the close runs on the edge node
 * as its own process with a virtual ESC/POS printer. Run: `npm run bench -- z-report`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startVirtualPrinter } from '@brigade/drivers/virtual';
import { type Actor, openEdgeStore } from '@brigade/edge';
import { DEMO, type DeviceId, type Order, type StaffId, demoStaff, newId } from '@brigade/sync/model';
import { machineLine, pairScreen, percentile, startEdgeProcess } from './support/edge-process';

const quick = process.argv.includes('--quick');
const ORDERS = quick ? 200 : 2000;
const manager = demoStaff[1];
const till: Actor = { deviceId: newId<DeviceId>(), deviceRole: 'pos', stationId: null, staff: { id: manager.id as StaffId, name: manager.name, role: manager.role } };

async function ringUpDay(dataDir: string): Promise<string> {
  const store = openEdgeStore({ dataDir, seedDemo: true });
  const run = async (name: string, args: unknown) => (await store.execute(name, newId(), args, till)).result as { order: Order };
  const started = performance.now();
  const sessionId = newId();
  await run('drawer.openSession', { sessionId, amount: 20_000 });
  for (let i = 0; i < ORDERS; i += 1) {
    const lines = [
      { lineId: newId(), itemId: DEMO.burger, quantity: 1 + (i % 3), modifierOptionIds: [DEMO.medium] },
      { lineId: newId(), itemId: DEMO.cola, quantity: 1, modifierOptionIds: [DEMO.regular] },
    ];
    const { order } = await run('order.create', { orderId: newId(), channel: 'counter', diningOption: i % 2 ? 'eat_in' : 'take_out', lines });
    if (i % 50 === 7) {
      await run('order.void', { orderId: order.id, reason: 'bench' });
      continue;
    }
    const total = order.totals.total;
    const tenders = i % 4 === 0 ? [['cash', total]] : i % 4 === 3 ? [['cash', Math.floor(total / 2)], ['card', total - Math.floor(total / 2)]] : [['card', total]];
    let firstPayment = '';
    for (const [tender, amount] of tenders) {
      const paymentId = newId();
      firstPayment ||= paymentId;
      await run('payment.capture', { orderId: order.id, paymentId, tender, amount, ...(i % 5 === 0 ? { tip: 100 } : {}) });
    }
    if (i % 40 === 11) await run('payment.refund', { orderId: order.id, paymentId: firstPayment, amount: 100, reason: 'bench' });
  }
  const ringMs = performance.now() - started;
  const expected = store.staffCash.drawerSession(till.deviceId as string, { showExpected: true })?.expected ?? 0;
  await run('drawer.closeSession', { sessionId, amount: expected - 35 });
  // The day's receipts and drawer kicks went out long ago; the Z must not queue behind them.
  store.db.prepare("UPDATE print_jobs SET status = 'printed' WHERE status = 'queued'").run();
  process.stdout.write(`| ringing up the day (${ORDERS} orders through the commands) | ${(ringMs / 1000).toFixed(1)} s | set-up, not the figure |\n`);
  const xMs: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const t0 = performance.now();
    store.staffCash.xReport();
    xMs.push(performance.now() - t0);
  }
  xMs.sort((a, b) => a - b);
  process.stdout.write(`| X report, ${ORDERS} orders, in process (20 runs) | ${percentile(xMs, 50).toFixed(1)} ms p50 | ${percentile(xMs, 100).toFixed(1)} ms max |\n`);
  const setupCode = store.auth.createSetupCode('pos');
  store.close();
  return setupCode;
}

async function main(): Promise<void> {
  process.stdout.write(`Machine: ${machineLine()}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at start\n\n`);
  process.stdout.write('| Z report benchmark | figure | note |\n|---|---:|---|\n');
  const dataDir = mkdtempSync(join(tmpdir(), 'brigade-z-bench-'));
  const printer = await startVirtualPrinter({ host: '127.0.0.1', port: 0, name: 'receipt' });
  let edge: Awaited<ReturnType<typeof startEdgeProcess>> | null = null;
  try {
    const setupCode = await ringUpDay(dataDir);
    edge = await startEdgeProcess(dataDir, { BRIGADE_PRINTERS: JSON.stringify([{ id: 'receipt', role: 'receipt', host: '127.0.0.1', port: printer.port }]) });
    const { deviceToken } = await pairScreen(edge.baseUrl, setupCode, 'bench POS');
    const base = edge.baseUrl;
    const json = { 'content-type': 'application/json', authorization: `Bearer ${deviceToken}` };
    const session = await (await fetch(`${base}/api/session`, { method: 'POST', headers: json, body: JSON.stringify({ pin: manager.pin }) })).json() as { sessionToken: string };
    const headers = { ...json, 'x-staff-session': session.sessionToken };
    const xHttp: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const t0 = performance.now();
      const response = await fetch(`${base}/api/reports/x`, { headers });
      await response.arrayBuffer();
      xHttp.push(performance.now() - t0);
    }
    xHttp.sort((a, b) => a - b);
    process.stdout.write(`| GET /api/reports/x over HTTP (10 runs) | ${percentile(xHttp, 50).toFixed(1)} ms p50 | hub as its own process |\n`);
    const printedBefore = printer.receipts().length;
    const t0 = performance.now();
    const response = await fetch(`${base}/api/commands/report.closeDay`, { method: 'POST', headers, body: JSON.stringify({ commandId: newId(), args: { reportId: newId() } }) });
    const body = await response.json() as { result?: { report: { payments: number; orders: { count: number } } } };
    const committed = performance.now() - t0;
    if (response.status !== 200 || !body.result) throw new Error(`report.closeDay refused: ${JSON.stringify(body)}`);
    const paper = await printer.waitForReceipts(printedBefore + 1, 30_000);
    const printed = performance.now() - t0;
    const text = paper.at(-1)?.text ?? '';
    if (!text.includes('Z REPORT #1')) throw new Error('the printer did not receive the Z report');
    process.stdout.write(`| report.closeDay: compute, store, queue (request → reply) | ${committed.toFixed(1)} ms | ${body.result.report.orders.count} orders standing |\n`);
    process.stdout.write(`| report.closeDay → Z on the receipt printer | ${printed.toFixed(1)} ms | status-checked print |\n`);
  } finally {
    await edge?.stop();
    await printer.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
