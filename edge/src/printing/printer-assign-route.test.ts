/**
 * Assigning printer roles from the POS hardware page, through a whole edge node: a manager
 * is needed, bad inputs are refused with a code and store nothing, an assignment routes the
 * next ticket at once and is still there after the node restarts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type VirtualPrinter, startVirtualPrinter } from '@brigade/drivers/virtual';
import { DEMO, type Order, newId } from '@brigade/sync/model';
import { type DeviceTestNode, startDeviceTestNode } from '../devices/devices-test-kit';

let front: VirtualPrinter;
let grill: VirtualPrinter;
let dataDir: string;
let env: Record<string, string>;
let t: DeviceTestNode;

beforeAll(async () => {
  front = await startVirtualPrinter({ port: 0, name: 'front' });
  grill = await startVirtualPrinter({ port: 0, name: 'grill' });
  dataDir = mkdtempSync(join(tmpdir(), 'brigade-printer-roles-'));
  env = {
    BRIGADE_DATA_DIR: dataDir,
    BRIGADE_PRINTERS: JSON.stringify([
      { id: 'front', role: 'receipt', host: '127.0.0.1', port: front.port },
      { id: 'grill', role: 'kitchen', host: '127.0.0.1', port: grill.port, stations: [DEMO.grill] },
    ]),
  };
  t = await startDeviceTestNode(env);
});

afterAll(async () => {
  await t?.close();
  await front?.close();
  await grill?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const codeOf = (reply: { json: Record<string, unknown> }): string => (reply.json.error as { code: string }).code;
const stored = (): number => (t.node.store.db.prepare('SELECT count(*) AS n FROM printer_settings').get() as { n: number }).n;
const expo = { role: 'expo', stations: [], backupOf: null, language: 'esc-pos' };

async function printerEntry(id: string): Promise<Record<string, unknown> | undefined> {
  const listed = await t.get('/api/hardware');
  return (listed.json.printers as Array<Record<string, unknown>>).find((p) => p.id === id);
}

describe('assigning a printer a role', () => {
  it('needs a manager signed in', async () => {
    const reply = await t.post('/api/hardware/printers/grill/assign', expo);
    expect(reply.status).toBe(403);
    expect(codeOf(reply)).toBe('MANAGER_APPROVAL_REQUIRED');
    const unsigned = await t.post('/api/hardware/printers/grill/assign', expo, t.device);
    expect(codeOf(unsigned)).toBe('STAFF_SIGN_IN_REQUIRED');
    expect(stored()).toBe(0);
  });

  it.each([
    ['an unknown printer', 'kitchen-9', expo, 404, 'PRINTER_NOT_FOUND'],
    ['an unknown role', 'grill', { ...expo, role: 'fryer' }, 400, 'VALIDATION_FAILED'],
    ['an unknown language', 'grill', { ...expo, language: 'zpl' }, 400, 'VALIDATION_FAILED'],
    ['a missing field', 'grill', { role: 'expo', stations: [], backupOf: null }, 400, 'VALIDATION_FAILED'],
    ['an extra field', 'grill', { ...expo, colour: 'red' }, 400, 'VALIDATION_FAILED'],
    ['a station that does not exist', 'grill', { ...expo, role: 'kitchen', stations: ['pastry'] }, 400, 'VALIDATION_FAILED'],
    ['a backup of itself', 'grill', { ...expo, role: 'backup', backupOf: 'grill' }, 400, 'VALIDATION_FAILED'],
    ['a backup of nothing', 'grill', { ...expo, role: 'backup' }, 400, 'VALIDATION_FAILED'],
    ['stations on a receipt printer', 'front', { ...expo, role: 'receipt', stations: [DEMO.grill] }, 400, 'VALIDATION_FAILED'],
  ])('refuses %s and stores nothing', async (_name, id, body, status, code) => {
    const reply = await t.post(`/api/hardware/printers/${id}/assign`, body, t.manager);
    expect(reply.status).toBe(status);
    expect(codeOf(reply)).toBe(code);
    expect(stored()).toBe(0);
    expect(await printerEntry('grill')).toMatchObject({ role: 'kitchen' });
  });

  it('routes the next fire by the new roles at once, and keeps them over a restart', async () => {
    // The grill printer becomes the pass's expo printer; the receipt printer also takes the grill.
    const toExpo = await t.post('/api/hardware/printers/grill/assign', expo, t.manager);
    expect(toExpo.status).toBe(200);
    expect(toExpo.json.printer).toMatchObject({ id: 'grill', role: 'expo', language: 'esc-pos' });
    expect(await printerEntry('grill')).toMatchObject({ role: 'expo' });

    const created = await t.post('/api/commands/order.create', {
      commandId: newId(),
      args: { orderId: newId(), channel: 'counter', diningOption: 'eat_in', lines: [{ lineId: newId(), itemId: DEMO.burger, quantity: 1, modifierOptionIds: [DEMO.medium] }] },
    });
    const order = (created.json.result as { order: Order }).order;
    expect((await t.post('/api/commands/order.fire', { commandId: newId(), args: { orderId: order.id } })).status).toBe(200);
    const [expoCopy] = await grill.waitForReceipts(1);
    expect(expoCopy?.text.split('\n')[0]?.trim()).toBe('EXPO');
    // No kitchen printer for the grill any more: its ticket falls back to the receipt printer.
    const tickets = await front.waitForReceipts(1);
    expect(tickets.some((r) => r.text.includes('GRILL') && r.text.includes(order.number))).toBe(true);

    await t.close();
    t = await startDeviceTestNode(env);
    expect(await printerEntry('grill')).toMatchObject({ role: 'expo' });
  });
});
