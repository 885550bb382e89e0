import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type VirtualPrinter, startVirtualPrinter } from '@brigade/drivers/virtual';
import { DEMO, type Order, formatMoney, newId } from '@brigade/sync/model';
import type { PrinterConfig } from '../config';
import { openEdgeStore } from '../store/open-store';
import type { Actor, EdgeStore } from '../store/types';
import { PrintRunner } from './print-runner';

const system: Actor = { deviceId: null, deviceRole: 'system', stationId: null, staff: null };

let dataDir: string;
let store: EdgeStore;
let printers: VirtualPrinter[];
let runners: PrintRunner[];
/** The runner's clock: moved by hand, so "dead for 10 s" takes no real time. */
let clock: number;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'brigade-print-'));
  store = openEdgeStore({ dataDir, seedDemo: true });
  printers = [];
  runners = [];
  clock = Date.now() + 1000;
});

afterEach(async () => {
  for (const runner of runners) await runner.stop();
  for (const printer of printers) await printer.close();
  store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function virtualPrinter(name: string): Promise<VirtualPrinter> {
  const printer = await startVirtualPrinter({ host: '127.0.0.1', port: 0, name });
  printers.push(printer);
  return printer;
}

/** A port on which nothing listens: a printer that is switched off. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function runner(config: PrinterConfig[]): PrintRunner {
  const created = new PrintRunner({ store, printers: config, now: () => clock, retryMs: 2000, deadAfterMs: 10_000 });
  runners.push(created);
  return created;
}

async function createOrder(lines: Record<string, unknown>[]): Promise<Order> {
  const outcome = await store.execute('order.create', newId(), { orderId: newId(), channel: 'counter', diningOption: 'eat_in', lines }, system);
  return (outcome.result as { order: Order }).order;
}

const burger = (): Record<string, unknown> => ({ lineId: newId(), itemId: DEMO.burger, quantity: 2, modifierOptionIds: [DEMO.medium, DEMO.bacon] });
const cola = (): Record<string, unknown> => ({ lineId: newId(), itemId: DEMO.cola, quantity: 1, modifierOptionIds: [DEMO.large] });

async function printReceipt(order: Order): Promise<string> {
  const outcome = await store.execute('receipt.print', newId(), { orderId: order.id }, system);
  return (outcome.result as { printJobId: string }).printJobId;
}

describe('the print runner', () => {
  it('prints a receipt that reads back with the order number and total', async () => {
    const printer = await virtualPrinter('front');
    const print = runner([{ id: 'front', role: 'receipt', host: '127.0.0.1', port: printer.port }]);
    const order = await createOrder([burger(), cola()]);
    const jobId = await printReceipt(order);

    await print.tick();
    const [receipt] = await printer.waitForReceipts(1);
    expect(receipt?.text).toContain(order.number);
    expect(receipt?.text).toContain(formatMoney(order.totals.total, 'USD', 'en-US'));
    expect(receipt?.text).not.toContain('REPRINT');
    expect(store.printJobs.get(jobId)).toMatchObject({ status: 'printed', printerId: 'front' });
  });

  it('holds a job while the printer is out of paper, then prints it exactly once with REPRINT', async () => {
    const printer = await virtualPrinter('front');
    const print = runner([{ id: 'front', role: 'receipt', host: '127.0.0.1', port: printer.port }]);
    const order = await createOrder([cola()]);
    printer.setCondition('paper-end');
    const jobId = await printReceipt(order);

    await print.tick();
    expect(store.printJobs.get(jobId).status).toBe('held');
    clock += 3000;
    await print.tick();
    expect(store.printJobs.get(jobId).status).toBe('held');
    const alerts = store.eventsSince(0);
    expect(alerts !== 'too-old' && alerts.some((event) => event.type === 'printer.status' && event.printerId === 'front' && event.status === 'paper_end')).toBe(true);

    printer.setCondition('ready');
    clock += 3000;
    await print.tick();
    clock += 3000;
    await print.tick();
    const receipts = printer.receipts();
    expect(receipts).toHaveLength(1);
    expect(receipts[0]?.text).toContain('REPRINT');
    expect(receipts[0]?.text).toContain(order.number);
    expect(store.printJobs.get(jobId).status).toBe('printed');
  });

  it('reprints once with REPRINT when the connection drops mid-job', async () => {
    const printer = await virtualPrinter('front');
    const print = runner([{ id: 'front', role: 'receipt', host: '127.0.0.1', port: printer.port }]);
    const order = await createOrder([burger()]);
    printer.setCondition('reset-mid-job');
    const jobId = await printReceipt(order);

    await print.tick();
    expect(store.printJobs.get(jobId).status).toBe('uncertain');
    expect(printer.receipts()).toHaveLength(0);

    printer.setCondition('ready');
    clock += 3000;
    await print.tick();
    await print.tick();
    expect(printer.receipts()).toHaveLength(1);
    expect(printer.receipts()[0]?.text).toContain('REPRINT');
    expect(store.printJobs.get(jobId).status).toBe('printed');
  });

  it('hands the jobs of a printer dead for 10 s to its backup', async () => {
    const backup = await virtualPrinter('backup');
    const print = runner([
      { id: 'front', role: 'receipt', host: '127.0.0.1', port: await deadPort() },
      { id: 'spare', role: 'receipt', host: '127.0.0.1', port: backup.port, backupOf: 'front' },
    ]);
    const order = await createOrder([cola()]);
    const jobId = await printReceipt(order);

    await print.tick();
    clock += 5000;
    await print.tick();
    expect(store.printJobs.get(jobId).status).toBe('queued');
    expect(backup.receipts()).toHaveLength(0);

    clock += 5000;
    await print.tick();
    await print.tick();
    expect(store.printJobs.get(jobId)).toMatchObject({ status: 'printed', printerId: 'spare' });
    const receipts = backup.receipts();
    expect(receipts).toHaveLength(1);
    expect(receipts[0]?.text).toContain(order.number);
    // Nothing reached the dead printer, so this is the first print, not a reprint.
    expect(receipts[0]?.text).not.toContain('REPRINT');
  });

  it('reprints once, with REPRINT, a job a crash left in sending', async () => {
    const printer = await virtualPrinter('front');
    const order = await createOrder([cola()]);
    const jobId = await printReceipt(order);
    store.printJobs.mark(jobId, 'sending', { printerId: 'front' });

    const restarted = runner([{ id: 'front', role: 'receipt', host: '127.0.0.1', port: printer.port }]);
    restarted.recoverInterrupted();
    expect(store.printJobs.get(jobId).status).toBe('uncertain');
    await restarted.tick();
    await restarted.tick();
    expect(printer.receipts()).toHaveLength(1);
    expect(printer.receipts()[0]?.text).toContain('REPRINT');
    expect(store.printJobs.get(jobId).status).toBe('printed');
  });

  it('keeps kitchen and receipt jobs queued while no printer is configured, then prints each once', async () => {
    const order = await createOrder([burger(), cola()]);
    await store.execute('order.fire', newId(), { orderId: order.id }, system);
    await printReceipt(order);
    const idle = runner([]);
    await idle.tick();
    await idle.tick();
    const waiting = store.printJobs.list({ orderId: order.id });
    expect(waiting.map((job) => job.kind).sort()).toEqual(['kitchen', 'kitchen', 'receipt']);
    expect(waiting.every((job) => job.status === 'queued' && job.attempts === 0)).toBe(true);

    const printer = await virtualPrinter('front');
    const print = runner([{ id: 'front', role: 'receipt', host: '127.0.0.1', port: printer.port }]);
    await print.tick();
    await print.tick();
    expect(store.printJobs.list({ orderId: order.id }).every((job) => job.status === 'printed')).toBe(true);
    expect(printer.receipts().length).toBe(3);
  });

  it('kicks the drawer for a cash payment before the receipt prints', async () => {
    const printer = await virtualPrinter('front');
    const print = runner([{ id: 'front', role: 'receipt', host: '127.0.0.1', port: printer.port }]);
    const order = await createOrder([cola()]);
    const seen: string[] = [];
    printer.on('drawer', () => seen.push('drawer'));
    printer.on('receipt', (receipt) => seen.push(receipt.text.includes('DRINKS') ? 'ticket' : 'receipt'));
    await store.execute('payment.capture', newId(), { orderId: order.id, paymentId: newId(), tender: 'cash', amount: order.totals.total, tendered: 10_000 }, system);

    await print.tick();
    await print.tick();
    expect(printer.drawerKicks()).toBe(1);
    expect(seen[0]).toBe('drawer');
    expect(seen).toContain('receipt');
    expect(store.printJobs.list({ orderId: order.id }).every((job) => job.status === 'printed')).toBe(true);
  });

  it('parks a job it cannot render as failed and goes on printing the next', async () => {
    const printer = await virtualPrinter('front');
    const print = runner([{ id: 'front', role: 'receipt', host: '127.0.0.1', port: printer.port }]);
    const broken = await printReceipt(await createOrder([cola()]));
    store.db.prepare('UPDATE print_jobs SET payload = ? WHERE id = ?').run(JSON.stringify({ kind: 'receipt', order: {}, reprint: false }), broken);
    const good = await createOrder([burger()]);
    const goodJob = await printReceipt(good);

    await print.tick();
    await print.tick();
    expect(store.printJobs.get(broken)).toMatchObject({ status: 'failed' });
    expect(store.printJobs.get(broken).lastError).toContain('Could not render');
    expect(store.printJobs.get(goodJob).status).toBe('printed');
    expect(printer.receipts().map((receipt) => receipt.text.includes(good.number))).toEqual([true]);
  });

  it('sends each station ticket to the kitchen printer of that station', async () => {
    const front = await virtualPrinter('front');
    const grill = await virtualPrinter('grill');
    const print = runner([
      { id: 'front', role: 'receipt', host: '127.0.0.1', port: front.port },
      { id: 'grill', role: 'kitchen', host: '127.0.0.1', port: grill.port, stations: [DEMO.grill] },
    ]);
    const order = await createOrder([burger(), cola()]);
    await store.execute('order.fire', newId(), { orderId: order.id }, system);

    await print.tick();
    await print.tick();
    expect(grill.receipts()).toHaveLength(1);
    expect(grill.receipts()[0]?.text).toContain('GRILL');
    expect(grill.receipts()[0]?.text).toContain('Classic Burger');
    // No drinks printer: the drinks ticket falls back to the receipt printer rather than waiting forever.
    expect(front.receipts()).toHaveLength(1);
    expect(front.receipts()[0]?.text).toContain('Cola');
  });
});
