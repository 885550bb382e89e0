import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { drawerKickBytes } from './escpos/drawer-kick';
import { NetworkPrinter } from './network-printer';
import { renderKitchenTicket } from './receipt/render-kitchen-ticket';
import { renderReceipt } from './receipt/render-receipt';
import { sampleOrder, sampleTicket } from './receipt/sample-orders';
import { type VirtualPrinter, decodeEscPos, startVirtualPrinter } from './virtual';

const store = { name: 'Brigade Bistro', currency: 'EUR', timezone: 'Europe/Paris', locale: 'fr-FR' };
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'brigade-vp-'));
  cleanup.push(() => Promise.resolve(rmSync(dir, { recursive: true, force: true })));
  return dir;
}

// Generous deadlines where the printer answers (the machine may be busy); short ones where
// the test waits for silence.
async function setup(outDir?: string, timeoutMs = 2000): Promise<{ vp: VirtualPrinter; printer: NetworkPrinter }> {
  const vp = await startVirtualPrinter({ port: 0, name: 'front', ...(outDir ? { outDir, png: true } : {}) });
  const printer = new NetworkPrinter({ id: 'front', host: '127.0.0.1', port: vp.port, timeoutMs });
  cleanup.push(() => vp.close(), () => printer.close());
  return { vp, printer };
}

describe('NetworkPrinter over TCP against the virtual printer', () => {
  it('prints a clean job: ok, and the printer holds the same receipt, also as a file', async () => {
    const outDir = tempDir();
    const { vp, printer } = await setup(outDir);
    const bytes = renderReceipt(sampleOrder('EUR'), store);
    const outcome = await printer.print(bytes);
    expect(outcome).toMatchObject({ ok: true, status: { online: true, paperEnd: false } });
    const [receipt] = await vp.waitForReceipts(1);
    expect(receipt?.text).toBe(decodeEscPos(bytes).text);
    await expect.poll(() => readdirSync(outDir).sort()).toEqual(['0001-receipt.png', '0001-receipt.txt']);
    expect(readFileSync(path.join(outDir, '0001-receipt.txt'), 'utf8')).toContain('Crème brûlée');
  });

  it('reports paper near end but still prints', async () => {
    const { vp, printer } = await setup();
    vp.setCondition('paper-near-end');
    const outcome = await printer.print(renderKitchenTicket(sampleTicket(), { stationName: 'Grill' }));
    expect(outcome).toMatchObject({ ok: true, status: { paperNearEnd: true } });
    await vp.waitForReceipts(1);
  });

  it('refuses without sending when the printer is out of paper or its cover is open', async () => {
    const { vp, printer } = await setup();
    let jobs = 0;
    vp.on('job', () => { jobs += 1; });
    vp.setCondition('paper-end');
    expect(await printer.print(renderReceipt(sampleOrder(), store))).toMatchObject({ ok: false, reason: 'paper_end', status: { paperEnd: true } });
    vp.setCondition('cover-open');
    expect(await printer.print(renderReceipt(sampleOrder(), store))).toMatchObject({ ok: false, reason: 'cover_open' });
    expect(jobs).toBe(0);
    expect(vp.receipts()).toHaveLength(0);
  });

  it('paper running out mid-job is not ok, and nothing of the torn job counts as printed', async () => {
    const { vp, printer } = await setup();
    vp.on('job', () => vp.setCondition('paper-end'));
    const outcome = await printer.print(renderReceipt(sampleOrder(), store));
    expect(outcome).toMatchObject({ ok: false, reason: 'paper_end' });
    expect(vp.receipts()).toHaveLength(0);
    expect(vp.tornJobs()).toBe(1);
  });

  it('a printer that goes silent after the bytes left gives uncertain', async () => {
    const { vp, printer } = await setup(undefined, 400);
    vp.on('job', () => vp.setCondition('silent'));
    expect(await printer.print(renderReceipt(sampleOrder(), store))).toMatchObject({ ok: false, reason: 'uncertain' });
  });

  it('a connection reset mid-job gives uncertain and keeps no paper', async () => {
    const { vp, printer } = await setup();
    vp.setCondition('reset-mid-job');
    expect(await printer.print(renderReceipt(sampleOrder(), store))).toMatchObject({ ok: false, reason: 'uncertain' });
    expect(vp.receipts()).toHaveLength(0);
  });

  it('a printer that stops reading (back-pressure) gives uncertain, not ok', async () => {
    const { vp, printer } = await setup(undefined, 400);
    vp.on('job', () => vp.setCondition('back-pressure'));
    expect(await printer.print(renderReceipt(sampleOrder(), store))).toMatchObject({ ok: false, reason: 'uncertain' });
  });

  it('a silent printer is offline before anything is sent', async () => {
    const { vp, printer } = await setup(undefined, 400);
    vp.setCondition('silent');
    expect(await printer.print(renderReceipt(sampleOrder(), store))).toMatchObject({ ok: false, reason: 'offline' });
    expect(await printer.status()).toMatchObject({ online: false });
  });

  it('an unreachable printer is offline', async () => {
    const free = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const port = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(port));
      });
    });
    const printer = new NetworkPrinter({ id: 'gone', host: '127.0.0.1', port: free, timeoutMs: 300 });
    cleanup.push(() => printer.close());
    expect(await printer.print(Uint8Array.of(0x41, 0x0a))).toMatchObject({ ok: false, reason: 'offline' });
  });

  it('reconnects after the printer restarts on the same port', async () => {
    const first = await startVirtualPrinter({ port: 0 });
    const port = first.port;
    const printer = new NetworkPrinter({ id: 'bar', host: '127.0.0.1', port, timeoutMs: 2000 });
    cleanup.push(() => printer.close());
    expect((await printer.print(renderReceipt(sampleOrder(), store))).ok).toBe(true);
    await first.close();
    expect(await printer.print(renderReceipt(sampleOrder(), store))).toMatchObject({ ok: false });
    const second = await startVirtualPrinter({ port });
    cleanup.push(() => second.close());
    expect((await printer.print(renderReceipt(sampleOrder(), store))).ok).toBe(true);
    expect(await second.waitForReceipts(1)).toHaveLength(1);
  });
});

describe('cash drawer', () => {
  it('a kick and a job on a disconnected printer share one connection', async () => {
    const { vp, printer } = await setup();
    const kicked = new Promise((resolve) => vp.on('drawer', resolve));
    const [, outcome] = await Promise.all([printer.kickDrawer(2), printer.print(renderReceipt(sampleOrder(), store))]);
    await kicked;
    expect(outcome.ok).toBe(true);
    expect(vp.connections()).toBe(1);
  });

  it('sends a well-formed 5-byte ESC p pulse', () => {
    expect([...drawerKickBytes(2)]).toEqual([0x1b, 0x70, 0x00, 25, 250]);
    expect([...drawerKickBytes(5)]).toEqual([0x1b, 0x70, 0x01, 25, 250]);
    expect([...drawerKickBytes(2, 'dle-dc4')]).toEqual([0x10, 0x14, 0x01, 0x00, 0x01]);
  });

  it('opens the drawer even while the printer reports paper end, and logs it', async () => {
    const outDir = tempDir();
    const { vp, printer } = await setup(outDir);
    vp.setCondition('paper-end');
    const kicked = new Promise((resolve) => vp.on('drawer', resolve));
    await printer.kickDrawer(2);
    expect(await kicked).toMatchObject({ pin: 2, onMs: 50, offMs: 500 });
    expect(vp.drawerKicks()).toBe(1);
    expect(readFileSync(path.join(outDir, 'drawer.log'), 'utf8')).toMatch(/pin 2 on 50 ms off 500 ms/);
    expect(await printer.status()).toMatchObject({ paperEnd: true, drawerOpen: true });
  });

  it('is not held behind a print job waiting for its status', async () => {
    const { vp, printer } = await setup(undefined, 400);
    // The printer goes quiet after the job: the job waits for a status that never comes.
    vp.on('job', () => vp.setCondition('silent'));
    const job = printer.print(renderReceipt(sampleOrder(), store));
    let settled = false;
    void job.then(() => { settled = true; });
    const kicked = new Promise((resolve) => vp.on('drawer', resolve));
    await new Promise((r) => setTimeout(r, 50));
    await printer.kickDrawer(5);
    await kicked;
    // The drawer opened while the job was still waiting for the printer's answer.
    expect(settled).toBe(false);
    expect(await job).toMatchObject({ ok: false, reason: 'uncertain' });
  });
});
