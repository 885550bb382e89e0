import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type VirtualPrinter, startVirtualPrinter } from '@brigade/drivers/virtual';
import { DEMO, type HubEvent, newId } from '@brigade/sync/model';
import { loadConfig } from '../config';
import { CASHIER_PIN } from './hub-test-kit';
import { type EdgeNode, startEdgeNode } from './start-edge-node';

let dataDir: string;
let node: EdgeNode | null = null;
let printer: VirtualPrinter | null = null;

afterEach(async () => {
  await node?.close();
  await printer?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function postJson(url: string, headers: Record<string, string>, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}

describe('printer trouble reaches the screens', () => {
  it('an out-of-paper printer shows in /api/printers and on the live socket; the held receipt prints once fixed', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'brigade-alerts-'));
    printer = await startVirtualPrinter({ host: '127.0.0.1', port: 0, name: 'front' });
    printer.setCondition('paper-end');
    const config = loadConfig({
      BRIGADE_DATA_DIR: dataDir,
      BRIGADE_HUB_HOST: '127.0.0.1',
      BRIGADE_HUB_PORT: '0',
      BRIGADE_UI_DIST: join(dataDir, 'none'),
      BRIGADE_PRINTERS: JSON.stringify([{ id: 'front', role: 'receipt', host: '127.0.0.1', port: printer.port }]),
    });
    node = await startEdgeNode({ config, store: { seedDemo: true }, printRunner: { pollMs: 50, retryMs: 100 } });
    const base = `http://127.0.0.1:${node.port}`;
    const setupCode = node.store.auth.createSetupCode('pos');
    const device = (await postJson(`${base}/api/pairing/setup`, {}, { setupCode, name: 'Till' })).json as { deviceToken: string };
    const session = (await postJson(`${base}/api/session`, { authorization: `Bearer ${device.deviceToken}` }, { pin: CASHIER_PIN })).json as { sessionToken: string };
    const headers = { authorization: `Bearer ${device.deviceToken}`, 'x-staff-session': session.sessionToken };

    const events: HubEvent[] = [];
    const socket = new WebSocket(`ws://127.0.0.1:${node.port}/ws?token=${device.deviceToken}&since=0`);
    socket.on('message', (data: Buffer) => events.push(JSON.parse(data.toString('utf8')) as HubEvent));
    await new Promise((resolve) => socket.once('open', resolve));

    const orderId = newId();
    await postJson(`${base}/api/commands/order.create`, headers, {
      commandId: newId(),
      args: { orderId, channel: 'counter', diningOption: 'eat_in', lines: [{ lineId: newId(), itemId: DEMO.beer, quantity: 1, modifierOptionIds: [] }] },
    });
    expect((await postJson(`${base}/api/commands/receipt.print`, headers, { commandId: newId(), args: { orderId } })).status).toBe(200);

    await until(() => events.find((event) => event.type === 'printer.status' && event.status === 'paper_end'), 'a paper_end event');
    const listed = await until(async () => {
      const response = await fetch(`${base}/api/printers`, { headers });
      const { printers } = (await response.json()) as { printers: { id: string; status: string }[] };
      return printers.find((entry) => entry.id === 'front' && entry.status === 'paper_end');
    }, 'paper_end in /api/printers');
    expect(listed).toMatchObject({ id: 'front', status: 'paper_end' });
    const store = node.store;
    await until(() => store.printJobs.list({ orderId }).find((job) => job.status === 'held'), 'the receipt to be held');
    expect(printer.receipts()).toHaveLength(0);

    printer.setCondition('ready');
    const [receipt] = await printer.waitForReceipts(1);
    expect(receipt?.text).toContain('REPRINT');
    await until(() => events.find((event) => event.type === 'printer.status' && event.status === 'ready'), 'a ready event');
    socket.close();
    // Several more passes of the runner: still one receipt.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(printer.receipts()).toHaveLength(1);
  });
});
