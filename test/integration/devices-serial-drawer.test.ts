/**
 * A cash drawer on its own serial line, through the whole edge node: configured in
 * BRIGADE_DEVICES, it opens on a cash tender and on a manager's no-sale (instead of the
 * receipt printer's kick), and the hardware page reads whether it is open. The drawer is an
 * ESC/POS kick-and-status device on the far end of a socat pty pair.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PtyPair, type VirtualPrinter, socatAvailable, startPtyPair, startVirtualPrinter, startVirtualSerialPrinter } from '@brigade/drivers/virtual';
import { DEMO, type HubEvent, type Order, newId } from '@brigade/sync/model';
import { type DeviceTestNode, LiveSocket, startDeviceTestNode } from '../../edge/src/devices/devices-test-kit';

type DeviceStatusEvent = Extract<HubEvent, { type: 'device.status' }>;

let dir: string;
let pty: PtyPair;
let drawer: VirtualPrinter;
let receipt: VirtualPrinter;
let t: DeviceTestNode;

beforeAll(async () => {
  if (!socatAvailable()) throw new Error('socat is missing: install the Debian package socat');
  dir = mkdtempSync(join(tmpdir(), 'brigade-drawer-pty-'));
  pty = await startPtyPair({ dir, name: 'drawer' });
  drawer = await startVirtualSerialPrinter({ path: pty.simulatorPath, name: 'serial drawer' });
  receipt = await startVirtualPrinter({ port: 0, name: 'front' });
  t = await startDeviceTestNode({
    BRIGADE_PRINTERS: JSON.stringify([{ id: 'front', role: 'receipt', host: '127.0.0.1', port: receipt.port }]),
    BRIGADE_DEVICES: JSON.stringify([{ id: 'till-drawer', kind: 'drawer', address: `serial:${pty.devicePath}` }]),
  });
  const live = await LiveSocket.open(t.base, t.deviceToken);
  try {
    await live.waitFor((e): e is DeviceStatusEvent => e.type === 'device.status' && e.deviceId === 'till-drawer' && e.status === 'ready');
  } finally {
    live.close();
  }
});

afterAll(async () => {
  await t?.close();
  await drawer?.close();
  await receipt?.close();
  await pty?.unplug();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function drawerEntry(): Promise<{ status: string; drawerOpen?: boolean | null } | undefined> {
  const listed = await t.get('/api/hardware');
  return (listed.json.devices as Array<{ id: string; status: string; drawerOpen?: boolean | null }>).find((d) => d.id === 'till-drawer');
}

describe('a serial cash drawer', () => {
  it('opens on a cash tender, not through the receipt printer, and the page reads it open, then closed', async () => {
    expect(await drawerEntry()).toMatchObject({ status: 'ready', drawerOpen: false });
    const created = await t.post('/api/commands/order.create', {
      commandId: newId(),
      args: { orderId: newId(), channel: 'counter', diningOption: 'take_out', lines: [{ lineId: newId(), itemId: DEMO.cola, quantity: 1, modifierOptionIds: [DEMO.large] }] },
    });
    const order = (created.json.result as { order: Order }).order;
    const paid = await t.post('/api/commands/payment.capture', {
      commandId: newId(), args: { orderId: order.id, paymentId: newId(), tender: 'cash', amount: order.totals.total, tendered: 10_000 },
    });
    expect(paid.status).toBe(200);
    await expect.poll(() => drawer.drawerKicks(), { timeout: 5000 }).toBe(1);
    // The receipt still prints on the receipt printer, whose kick connector stays quiet.
    await receipt.waitForReceipts(1);
    expect(receipt.drawerKicks()).toBe(0);
    expect(await drawerEntry()).toMatchObject({ drawerOpen: true });
    drawer.closeDrawer();
    expect(await drawerEntry()).toMatchObject({ drawerOpen: false });
  });

  it('opens on a manager no-sale, and a cashier alone cannot open it', async () => {
    const before = drawer.drawerKicks();
    const refused = await t.post('/api/commands/drawer.open', { commandId: newId(), args: { reason: 'change for the float' } });
    expect(refused.status).toBe(403);
    const opened = await t.post('/api/commands/drawer.open', { commandId: newId(), args: { reason: 'change for the float', managerPin: '9999' } });
    expect(opened.status).toBe(200);
    await expect.poll(() => drawer.drawerKicks(), { timeout: 5000 }).toBe(before + 1);
    expect(receipt.drawerKicks()).toBe(0);
    drawer.closeDrawer();
  });

  it('reports a pulled cable as offline, and opens again once it is back', async () => {
    const live = await LiveSocket.open(t.base, t.deviceToken);
    try {
      const seen = live.events.length;
      await pty.unplug();
      await live.waitFor((e): e is DeviceStatusEvent => e.type === 'device.status' && e.deviceId === 'till-drawer' && e.status === 'offline' && live.events.indexOf(e) >= seen);
      expect(await drawerEntry()).toMatchObject({ status: 'offline', drawerOpen: null });
      await drawer.close();
      const back = live.events.length;
      pty = await startPtyPair({ devicePath: pty.devicePath, simulatorPath: pty.simulatorPath });
      drawer = await startVirtualSerialPrinter({ path: pty.simulatorPath, name: 'serial drawer' });
      await live.waitFor((e): e is DeviceStatusEvent => e.type === 'device.status' && e.deviceId === 'till-drawer' && e.status === 'ready' && live.events.indexOf(e) >= back);
    } finally {
      live.close();
    }
    const opened = await t.post('/api/commands/drawer.open', { commandId: newId(), args: { reason: 'after the cable came back', managerPin: '9999' } });
    expect(opened.status).toBe(200);
    await expect.poll(() => drawer.drawerKicks(), { timeout: 5000 }).toBe(1);
  });
});
