/**
 * The hardware routes over a whole edge node: who may call them, bad inputs refused with a
 * code and nothing written, role/station assignments kept across a restart, and test pages
 * on a virtual network printer that is ready or out of paper.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type VirtualPrinter, startVirtualPrinter } from '@brigade/drivers/virtual';
import { ASSIGNMENTS_FILE } from '../devices/device-assignments';
import { type DeviceTestNode, startDeviceTestNode } from '../devices/devices-test-kit';

/** A folder with no device nodes in it. */
const NO_DEVICE = '/nonexistent-brigade-devices';
let printer: VirtualPrinter;
let t: DeviceTestNode;

beforeAll(async () => {
  printer = await startVirtualPrinter({ port: 0, name: 'front' });
  t = await startDeviceTestNode({
    BRIGADE_PRINTERS: JSON.stringify([{ id: 'front', role: 'receipt', host: '127.0.0.1', port: printer.port }]),
    // Nothing answers on these paths: the devices stay offline, which is what these tests need.
    BRIGADE_DEVICES: JSON.stringify([
      { id: 'scale-1', kind: 'scale', address: `serial:${NO_DEVICE}/scale`, role: 'deli' },
      { id: 'pole-1', kind: 'pole-display', address: `serial:${NO_DEVICE}/pole` },
    ]),
  });
});

afterAll(async () => {
  await t?.close();
  await printer?.close();
});

const codeOf = (reply: { json: Record<string, unknown> }): string => (reply.json.error as { code: string }).code;

function eventCount(): number {
  return t.node.store.lastEventSeq();
}

describe('who may use the hardware routes', () => {
  it('refuses an unpaired caller before anything else', async () => {
    for (const [method, path] of [['GET', '/api/hardware'], ['GET', '/api/hardware/scale'], ['GET', '/api/payments/availability'], ['POST', '/api/hardware/pole-display']] as const) {
      const reply = method === 'GET' ? await t.get(path, {}) : await t.post(path, { lines: ['a', 'b'] }, {});
      expect(reply.status, path).toBe(401);
      expect(codeOf(reply), path).toBe('DEVICE_NOT_PAIRED');
    }
  });

  it('lets a POS read the hardware list without a manager', async () => {
    const reply = await t.get('/api/hardware', t.device);
    expect(reply.status).toBe(200);
    const devices = reply.json.devices as Array<{ id: string; kind: string; status: string; role: string | null }>;
    expect(devices.map((d) => d.id).sort()).toEqual(['pole-1', 'scale-1']);
    expect(devices.find((d) => d.id === 'scale-1')).toMatchObject({ kind: 'scale', status: 'offline', role: 'deli' });
    expect((reply.json.printers as Array<{ id: string }>).map((p) => p.id)).toEqual(['front']);
    expect(Array.isArray(reply.json.discovered)).toBe(true);
  });

  it('needs a manager to assign a device or print a test page', async () => {
    const assign = await t.post('/api/hardware/devices/scale-1/assign', { role: 'bakery', stationId: null });
    expect(assign.status).toBe(403);
    expect(codeOf(assign)).toBe('MANAGER_APPROVAL_REQUIRED');
    const page = await t.post('/api/hardware/printers/front/test-page', {}, t.device);
    expect(page.status).toBe(401);
    expect(codeOf(page)).toBe('STAFF_SIGN_IN_REQUIRED');
    expect(existsSync(join(t.dataDir, ASSIGNMENTS_FILE))).toBe(false);
  });
});

describe('bad inputs write nothing', () => {
  it.each([
    ['an unknown device', 'nope', { role: 'x', stationId: null }, 404, 'DEVICE_NOT_FOUND'],
    ['an id with a slash-like character', 'bad id!', { role: 'x', stationId: null }, 400, 'VALIDATION_FAILED'],
    ['a missing field', 'scale-1', { role: 'x' }, 400, 'VALIDATION_FAILED'],
    ['an extra field', 'scale-1', { role: 'x', stationId: null, colour: 'red' }, 400, 'VALIDATION_FAILED'],
    ['an empty role', 'scale-1', { role: '', stationId: null }, 400, 'VALIDATION_FAILED'],
    ['a role too long', 'scale-1', { role: 'r'.repeat(65), stationId: null }, 400, 'VALIDATION_FAILED'],
  ])('assign with %s', async (_name, id, body, status, code) => {
    const reply = await t.post(`/api/hardware/devices/${encodeURIComponent(id)}/assign`, body, t.manager);
    expect(reply.status).toBe(status);
    expect(codeOf(reply)).toBe(code);
    expect(existsSync(join(t.dataDir, ASSIGNMENTS_FILE))).toBe(false);
  });

  it.each([
    ['one line', { lines: ['only one'] }],
    ['three lines', { lines: ['a', 'b', 'c'] }],
    ['a line too long', { lines: ['x'.repeat(41), 'b'] }],
    ['a number for a line', { lines: [1, 'b'] }],
    ['an extra field', { lines: ['a', 'b'], blink: true }],
  ])('pole display with %s', async (_name, body) => {
    const before = eventCount();
    const reply = await t.post('/api/hardware/pole-display', body);
    expect(reply.status).toBe(400);
    expect(codeOf(reply)).toBe('VALIDATION_FAILED');
    expect(eventCount()).toBe(before);
  });

  it('refuses a test page for a printer that is not configured', async () => {
    const reply = await t.post('/api/hardware/printers/kitchen-9/test-page', {}, t.manager);
    expect(reply.status).toBe(404);
    expect(codeOf(reply)).toBe('PRINTER_NOT_FOUND');
    expect(printer.receipts()).toHaveLength(0);
  });

  it('refuses a test page with a body', async () => {
    const reply = await t.post('/api/hardware/printers/front/test-page', { copies: 3 }, t.manager);
    expect(reply.status).toBe(400);
    expect(codeOf(reply)).toBe('VALIDATION_FAILED');
    expect(printer.receipts()).toHaveLength(0);
  });

  it('refuses scale and cancel calls with unknown query or body fields', async () => {
    const scale = await t.get('/api/hardware/scale?grams=5');
    expect(scale.status).toBe(400);
    expect(codeOf(scale)).toBe('VALIDATION_FAILED');
    const cancel = await t.post('/api/payments/cancel', { force: true });
    expect(cancel.status).toBe(400);
    expect(codeOf(cancel)).toBe('VALIDATION_FAILED');
  });

  it('answers DEVICE_NOT_FOUND for a scale that is not configured, DEVICE_OFFLINE for one that is not connected', async () => {
    const missing = await t.get('/api/hardware/scale?deviceId=scale-9');
    expect(missing.status).toBe(404);
    expect(codeOf(missing)).toBe('DEVICE_NOT_FOUND');
    const offline = await t.get('/api/hardware/scale');
    expect(offline.status).toBe(409);
    expect(codeOf(offline)).toBe('DEVICE_OFFLINE');
    const pole = await t.post('/api/hardware/pole-display', { lines: ['Cola', 'Total 2.50'] });
    expect(pole.status).toBe(409);
    expect(codeOf(pole)).toBe('DEVICE_OFFLINE');
  });
});

describe('assignments', () => {
  it('keeps a role and station set by a manager in the data folder and shows them', async () => {
    const reply = await t.post('/api/hardware/devices/scale-1/assign', { role: 'bakery', stationId: 'till-2' }, t.manager);
    expect(reply.status).toBe(200);
    const stored = JSON.parse(readFileSync(join(t.dataDir, ASSIGNMENTS_FILE), 'utf8')) as { devices: Record<string, unknown> };
    expect(stored.devices['scale-1']).toEqual({ role: 'bakery', stationId: 'till-2' });
    const listed = await t.get('/api/hardware');
    expect((listed.json.devices as Array<{ id: string }>).find((d) => d.id === 'scale-1')).toMatchObject({ role: 'bakery', stationId: 'till-2' });
  });
});

describe('test pages', () => {
  it('prints on a ready printer', async () => {
    printer.setCondition('ready');
    const reply = await t.post('/api/hardware/printers/front/test-page', {}, t.manager);
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ printerId: 'front', printed: true, condition: 'ready' });
    const [page] = await printer.waitForReceipts(1);
    expect(page?.text).toContain('BRIGADE TEST PAGE');
    expect(page?.text).toContain('Printer: front (receipt)');
  });

  it('says the printer is out of paper instead of printing', async () => {
    const before = printer.receipts().length;
    printer.setCondition('paper-end');
    const reply = await t.post('/api/hardware/printers/front/test-page', {}, t.manager);
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ printerId: 'front', printed: false, condition: 'paper_end' });
    expect(printer.receipts()).toHaveLength(before);
    printer.setCondition('ready');
  });
});

describe('card availability with the simulated reader', () => {
  it('offers cards', async () => {
    expect((await t.get('/api/payments/availability')).json).toEqual({ card: true, reason: null });
  });
});

describe('the API document', () => {
  it('lists every hardware route', async () => {
    const reply = await t.get('/docs/json', {});
    expect(reply.status).toBe(200);
    const paths = Object.keys(reply.json.paths as Record<string, unknown>);
    expect(paths).toEqual(expect.arrayContaining([
      '/api/hardware', '/api/hardware/printers/{id}/test-page', '/api/hardware/devices/{id}/assign', '/api/hardware/scale',
      '/api/hardware/pole-display', '/api/payments/availability', '/api/payments/cancel',
    ]));
  });
});
