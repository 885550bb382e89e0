import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceWorker, backoffDelay } from '../device-worker';
import { EscPosPrinter } from '../escpos-printer';
import { renderKitchenTicket } from '../receipt/render-kitchen-ticket';
import { renderReceipt } from '../receipt/render-receipt';
import { sampleOrder, sampleTicket } from '../receipt/sample-orders';
import { HidPosScanner, hidPosReports } from '../scanner/hid-pos-scanner';
import type { ScanEvent } from '../scanner/serial-scanner';
import { FakeHidDevice } from '../virtual/fake-hid';
import { FakeUsbPrinter } from '../virtual/fake-usb';
import { startPtyPair } from '../virtual/pty-pair';
import { startVirtualSerialPrinter } from '../virtual/virtual-serial-printer';
import { HidTransport } from './hid-transport';
import { SerialTransport } from './serial-transport';
import { UsbLpTransport } from './usb-lp-transport';
import { UsbRawTransport } from './usb-raw-transport';

const store = { name: 'Brigade Bistro', currency: 'EUR', timezone: 'Europe/Paris', locale: 'fr-FR' };
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

describe('ESC/POS printers on other transports', () => {
  for (const kind of ['usb-lp', 'serial'] as const) {
    it(`prints, refuses on paper end and kicks the drawer over ${kind} (a pty standing in for the device node)`, async () => {
      const pair = await startPtyPair({ name: kind });
      cleanup.push(async () => {
        await pair.unplug();
        rmSync(path.dirname(pair.devicePath), { recursive: true, force: true });
      });
      const vp = await startVirtualSerialPrinter({ path: pair.simulatorPath, name: kind });
      cleanup.push(() => vp.close());
      const printer = new EscPosPrinter(() => (kind === 'usb-lp' ? new UsbLpTransport(pair.devicePath) : new SerialTransport({ path: pair.devicePath, baudRate: 38400 })), { id: kind, timeoutMs: 2000 });
      cleanup.push(() => printer.close());
      expect(await printer.print(renderKitchenTicket(sampleTicket(), { stationName: 'Grill' }))).toMatchObject({ ok: true });
      const [ticket] = await vp.waitForReceipts(1);
      expect(ticket?.text).toContain('1 x Crème brûlée');
      vp.setCondition('paper-end');
      expect(await printer.print(renderReceipt(sampleOrder(), store))).toMatchObject({ ok: false, reason: 'paper_end' });
      const kicked = new Promise((resolve) => vp.on('drawer', resolve));
      await printer.kickDrawer(2);
      expect(await kicked).toMatchObject({ pin: 2 });
      expect(vp.receipts()).toHaveLength(1);
    });
  }

  it('prints over raw USB to a fake device, detaching the kernel driver and claiming the printer interface', async () => {
    const device = new FakeUsbPrinter();
    const printer = new EscPosPrinter(() => new UsbRawTransport(() => Promise.resolve(device), 'fake'), { id: 'usb', timeoutMs: 2000 });
    cleanup.push(() => printer.close());
    expect(await printer.print(renderReceipt(sampleOrder('GBP'), { ...store, currency: 'GBP' }))).toMatchObject({ ok: true });
    expect((await device.printer.waitForReceipts(1))[0]?.text).toContain('£');
    expect([...device.detached]).toEqual([0]);
    expect([...device.claimed]).toEqual([0]);
  });

  it('raw USB: paper out mid-job is not ok; an unplugged printer is offline', async () => {
    const device = new FakeUsbPrinter();
    const printer = new EscPosPrinter(() => new UsbRawTransport(() => Promise.resolve(device), 'fake'), { id: 'usb', timeoutMs: 2000 });
    cleanup.push(() => printer.close());
    device.printer.on('job', () => device.printer.setCondition('paper-end'));
    expect(await printer.print(renderReceipt(sampleOrder(), store))).toMatchObject({ ok: false, reason: 'paper_end' });
    expect(device.printer.receipts()).toHaveLength(0);
    device.unplug();
    expect(await printer.print(renderReceipt(sampleOrder(), store))).toMatchObject({ ok: false, reason: 'offline' });
  });
});

describe('HID-POS scanner through the HID transport (fake device)', () => {
  it('joins multi-report scans, reports unplug as offline and recovers on replug', async () => {
    let device = new FakeHidDevice();
    const worker = new DeviceWorker({ id: 'scanner', transport: () => new HidTransport(() => Promise.resolve(device), 'fake'), backoff: { initialMs: 20, maxMs: 50 } });
    cleanup.push(() => worker.close());
    const scans: ScanEvent[] = [];
    new HidPosScanner(worker).on('scan', (s: ScanEvent) => scans.push(s));
    worker.start();
    await worker.waitFor('online');
    for (const r of hidPosReports('5000112637922')) device.report(r);
    const long = 'https://brigade.example/r/01936f4e-8a1c-7d2e-9b3a-4c5d6e7f8091?table=12';
    const reports = hidPosReports(long, ']Q1', 32);
    expect(reports.length).toBeGreaterThan(1);
    for (const r of reports) device.report(r);
    device.report(Uint8Array.of(0x04, 1, 2, 3)); // another report type: not a scan
    expect(scans.map((s) => [s.code, s.symbology])).toEqual([['5000112637922', ']E0'], [long, ']Q1']]);

    const offline = worker.waitFor('offline');
    device.unplug();
    await offline;
    device = new FakeHidDevice();
    await worker.waitFor('online');
    for (const r of hidPosReports('2000000000015')) device.report(r);
    expect(scans.at(-1)?.code).toBe('2000000000015');
  });
});

describe('DeviceWorker', () => {
  it('backs off exponentially up to the cap, with jitter inside its bounds', () => {
    const b = { initialMs: 100, maxMs: 1000, jitter: 0.2 };
    expect([0, 1, 2, 3, 4, 10].map((a) => backoffDelay(a, b, () => 0.5))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(backoffDelay(2, b, () => 0)).toBe(320);
    expect(backoffDelay(2, b, () => 0.999999)).toBe(480);
  });

  it('runs jobs one at a time; urgent work goes next, ahead of the queue', async () => {
    const device = new FakeHidDevice();
    const worker = new DeviceWorker({ id: 'w', transport: () => new HidTransport(() => Promise.resolve(device), 'fake') });
    cleanup.push(() => worker.close());
    worker.start();
    await worker.waitFor('online');
    const order: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => { release = r; });
    const first = worker.run(async () => { order.push('job1 start'); await gate; order.push('job1 end'); });
    const second = worker.run(() => { order.push('job2'); return Promise.resolve(); });
    const kick = worker.urgent(() => { order.push('kick'); return Promise.resolve(); });
    release();
    await Promise.all([first, second, kick]);
    expect(order).toEqual(['job1 start', 'job1 end', 'kick', 'job2']);
  });

  it('refuses work while the device is offline', async () => {
    const worker = new DeviceWorker({ id: 'gone', transport: () => new HidTransport(() => Promise.reject(new Error('no such device')), 'none'), backoff: { initialMs: 1000 } });
    cleanup.push(() => worker.close());
    worker.start();
    await worker.waitFor('offline');
    expect(worker.error?.message).toMatch(/no such device/);
    await expect(worker.run(() => Promise.resolve(1))).rejects.toThrow(/offline/);
  });
});
