import { afterEach, describe, expect, it } from 'vitest';
import type { PrinterStatus } from './escpos/printer-status';
import { PrinterWorker } from './printer-worker';
import { renderReceipt } from './receipt/render-receipt';
import { sampleOrder } from './receipt/sample-orders';
import { TcpTransport } from './transports/tcp-transport';
import { type VirtualPrinter, startVirtualPrinter } from './virtual';

const store = { name: 'Brigade Bistro', currency: 'EUR', timezone: 'Europe/Paris', locale: 'fr-FR' };
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function worker(port: number, pollMs = 30, timeoutMs = 1500): PrinterWorker {
  const w = new PrinterWorker({ id: 'front', transport: () => new TcpTransport('127.0.0.1', port, timeoutMs), timeoutMs, pollMs, backoff: { initialMs: 30, maxMs: 120 } });
  cleanup.push(() => w.close());
  w.start();
  return w;
}

async function printer(port = 0): Promise<VirtualPrinter> {
  const vp = await startVirtualPrinter({ port });
  cleanup.push(() => vp.close());
  return vp;
}

function nextStatus(w: PrinterWorker, match: (s: PrinterStatus) => boolean): Promise<PrinterStatus> {
  return new Promise((resolve) => {
    const on = (s: PrinterStatus): void => {
      if (!match(s)) return;
      w.off('status', on);
      resolve(s);
    };
    w.on('status', on);
  });
}

describe('PrinterWorker', () => {
  it('comes online once the printer answers, prints, and reports an empty roll found by its idle poll', async () => {
    const vp = await printer();
    const w = worker(vp.port);
    await w.worker.waitFor('online');
    expect(w.lastStatus.online).toBe(true);
    expect(await w.print(renderReceipt(sampleOrder(), store))).toMatchObject({ ok: true });
    await vp.waitForReceipts(1);
    const empty = nextStatus(w, (s) => s.paperEnd);
    vp.setCondition('paper-end');
    expect(await empty).toMatchObject({ online: false, paperEnd: true });
    expect(await w.print(renderReceipt(sampleOrder(), store))).toMatchObject({ ok: false, reason: 'paper_end' });
  });

  it('goes offline when the printer goes away and reconnects by itself when it is back', async () => {
    const first = await printer();
    const port = first.port;
    const w = worker(port);
    await w.worker.waitFor('online');
    const offline = w.worker.waitFor('offline', 3000);
    await first.close();
    await offline;
    expect(await w.print(renderReceipt(sampleOrder(), store))).toMatchObject({ ok: false, reason: 'offline' });
    const second = await printer(port);
    await w.worker.waitFor('online', 3000);
    expect(await w.print(renderReceipt(sampleOrder(), store))).toMatchObject({ ok: true });
    expect(await second.waitForReceipts(1)).toHaveLength(1);
  });

  it('does not count a printer that accepts connections but never answers as online', async () => {
    const vp = await printer();
    vp.setCondition('silent');
    const w = worker(vp.port, 30, 300);
    expect(w.state).toBe('connecting');
    await w.worker.waitFor('offline');
    expect(w.worker.error?.message).toMatch(/no reply/);
    expect(await w.print(renderReceipt(sampleOrder(), store))).toMatchObject({ ok: false, reason: 'offline' });
  });

  it('kicks the drawer while a job waits for its status', async () => {
    const vp = await printer();
    const w = worker(vp.port, 60_000, 400);
    await w.worker.waitFor('online');
    vp.on('job', () => vp.setCondition('silent'));
    const job = w.print(renderReceipt(sampleOrder(), store));
    let settled = false;
    void job.then(() => { settled = true; });
    const kicked = new Promise((resolve) => vp.on('drawer', resolve));
    await new Promise((r) => setTimeout(r, 50));
    await w.kickDrawer(2);
    expect(await kicked).toMatchObject({ pin: 2 });
    // The drawer opened while the job was still waiting for the printer's answer.
    expect(settled).toBe(false);
    expect(await job).toMatchObject({ ok: false, reason: 'uncertain' });
  });
});
