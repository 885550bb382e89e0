/**
 * The store's serial devices through the whole edge node: a Toledo scale, a CDC barcode
 * scanner and a pole display, each a simulator on the far end of a socat pty pair, read and
 * driven over the hub's HTTP routes and live socket. Killing socat pulls the cable.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type PtyPair, type VirtualPoleDisplay, type VirtualScale, type VirtualScanner, socatAvailable, startPtyPair, startVirtualPoleDisplay,
  startVirtualScale, startVirtualScanner,
} from '@brigade/drivers/virtual';
import { demoMenu, type HubEvent } from '@brigade/sync/model';
import { type DeviceTestNode, LiveSocket, startDeviceTestNode } from '../../edge/src/devices/devices-test-kit';

type DeviceStatusEvent = Extract<HubEvent, { type: 'device.status' }>;
type ScanEvent = Extract<HubEvent, { type: 'scanner.scan' }>;

let dir: string;
let scalePty: PtyPair;
let scannerPty: PtyPair;
let polePty: PtyPair;
let scale: VirtualScale;
let scanner: VirtualScanner;
let pole: VirtualPoleDisplay;
let t: DeviceTestNode;
let live: LiveSocket;

beforeAll(async () => {
  if (!socatAvailable()) throw new Error('socat is missing: install the Debian package socat');
  dir = mkdtempSync(join(tmpdir(), 'brigade-devices-pty-'));
  scalePty = await startPtyPair({ dir, name: 'scale' });
  scannerPty = await startPtyPair({ dir, name: 'scanner' });
  polePty = await startPtyPair({ dir, name: 'pole' });
  scale = await startVirtualScale({ path: scalePty.simulatorPath });
  scanner = await startVirtualScanner({ path: scannerPty.simulatorPath });
  pole = await startVirtualPoleDisplay({ path: polePty.simulatorPath });
  t = await startDeviceTestNode({
    BRIGADE_DEVICES: JSON.stringify([
      { id: 'deli-scale', kind: 'scale', address: `serial:${scalePty.devicePath}` },
      { id: 'till-scanner', kind: 'scanner', address: `serial:${scannerPty.devicePath}?baud=9600` },
      { id: 'pole', kind: 'pole-display', address: `serial:${polePty.devicePath}` },
    ]),
  });
  live = await LiveSocket.open(t.base, t.deviceToken);
  for (const id of ['deli-scale', 'till-scanner', 'pole']) {
    await live.waitFor((e): e is DeviceStatusEvent => e.type === 'device.status' && e.deviceId === id && e.status === 'ready');
  }
});

afterAll(async () => {
  live?.close();
  await t?.close();
  await Promise.all([scale?.close(), scanner?.close(), pole?.close()]);
  await Promise.all([scalePty?.unplug(), scannerPty?.unplug(), polePty?.unplug()]);
  rmSync(dir, { recursive: true, force: true });
});

describe('the scale at the till', () => {
  it('gives the POS the stable weight in grams', async () => {
    scale.set(1234);
    const reply = await t.get('/api/hardware/scale');
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ deviceId: 'deli-scale', grams: 1234, stable: true });
    expect(scale.requests()).toBeGreaterThan(0);
  });

  it.each([
    ['motion', 'SCALE_UNSTABLE'],
    ['over-capacity', 'SCALE_OVER_CAPACITY'],
    ['under-zero', 'SCALE_EMPTY'],
  ] as const)('refuses a %s reading with %s', async (status, code) => {
    scale.set(500, status);
    const reply = await t.get('/api/hardware/scale');
    expect(reply.status).toBe(409);
    expect((reply.json.error as { code: string }).code).toBe(code);
  });

  it('refuses an empty scale', async () => {
    scale.set(0);
    const reply = await t.get('/api/hardware/scale');
    expect(reply.status).toBe(409);
    expect((reply.json.error as { code: string }).code).toBe('SCALE_EMPTY');
  });
});

describe('the barcode scanner', () => {
  it('turns a scanned line into a scanner.scan event on every POS socket, with a code the menu knows', async () => {
    const item = demoMenu.items.find((i) => i.barcode !== undefined);
    if (!item?.barcode) throw new Error('the demo menu has no item with a barcode');
    await scanner.scan(item.barcode);
    const event = await live.waitFor((e): e is ScanEvent => e.type === 'scanner.scan' && e.code === item.barcode);
    expect(event.deviceId).toBe('till-scanner');
  });
});

describe('the pole display', () => {
  it('shows the two lines the POS sends', async () => {
    const changed = new Promise<[string, string]>((resolve) => pole.on('change', (lines) => {
      if (lines[1].includes('12.34')) resolve(lines);
    }));
    const reply = await t.post('/api/hardware/pole-display', { lines: ['Fries', 'Total         $12.34'] });
    expect(reply.status).toBe(200);
    const lines = await changed;
    expect(lines[0].trim()).toBe('Fries');
    expect(lines[1]).toBe('Total         $12.34');
    expect(pole.errors()).toEqual([]);
  });
});

describe('a pulled cable', () => {
  it('marks the scale offline, refuses readings, and brings it back when the cable returns', async () => {
    const before = live.events.length;
    await scale.close();
    await scalePty.unplug();
    await live.waitFor((e): e is DeviceStatusEvent => e.type === 'device.status' && e.deviceId === 'deli-scale' && e.status === 'offline' && live.events.indexOf(e) >= before);
    const listed = await t.get('/api/hardware');
    const entry = (listed.json.devices as Array<{ id: string; status: string }>).find((d) => d.id === 'deli-scale');
    expect(entry?.status).toBe('offline');
    const refused = await t.get('/api/hardware/scale');
    expect(refused.status).toBe(409);
    expect((refused.json.error as { code: string }).code).toBe('DEVICE_OFFLINE');

    const seen = live.events.length;
    scalePty = await startPtyPair({ devicePath: scalePty.devicePath, simulatorPath: scalePty.simulatorPath });
    scale = await startVirtualScale({ path: scalePty.simulatorPath });
    await live.waitFor((e): e is DeviceStatusEvent => e.type === 'device.status' && e.deviceId === 'deli-scale' && e.status === 'ready' && live.events.indexOf(e) >= seen);
    scale.set(250);
    const reading = await t.get('/api/hardware/scale');
    expect(reading.json).toEqual({ deviceId: 'deli-scale', grams: 250, stable: true });
  });
});
