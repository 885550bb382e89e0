import { rmSync } from 'node:fs';
import path from 'node:path';
import type { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { PrinterWorker } from '../printer-worker';
import { SerialTransport } from '../transports/serial-transport';
import { startPtyPair } from '../virtual/pty-pair';
import { closePort, openSimulatorPort } from '../virtual/serial-simulator';
import { startVirtualSerialPrinter } from '../virtual/virtual-serial-printer';
import { EscPosSession } from './escpos-session';
import { type PrinterStatus, statusBytes } from './printer-status';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** A pty pair (removed after the test); the returned paths name the store's end and the printer's end. */
async function ptyPair(name: string): Promise<{ devicePath: string; simulatorPath: string }> {
  const pair = await startPtyPair({ name });
  cleanup.push(async () => {
    await pair.unplug();
    rmSync(path.dirname(pair.devicePath), { recursive: true, force: true });
  });
  return pair;
}

/** The printer's end of a pty pair, as a raw port the test writes frames into. */
async function printerEnd(pair: { simulatorPath: string }): Promise<SerialPort> {
  const printer = await openSimulatorPort(pair.simulatorPath);
  cleanup.push(() => closePort(printer));
  return printer;
}

/** The store's end of a pty pair, opened. */
async function storeEnd(pair: { devicePath: string }): Promise<SerialTransport> {
  const transport = new SerialTransport({ path: pair.devicePath });
  await transport.open();
  cleanup.push(() => transport.close());
  return transport;
}

/** Resolves once the far end has received at least `count` bytes. */
function received(port: SerialPort, count: number): Promise<number[]> {
  const got: number[] = [];
  return new Promise((resolve) => {
    const onData = (chunk: Buffer): void => {
      got.push(...chunk);
      if (got.length >= count) {
        port.off('data', onData);
        resolve(got);
      }
    };
    port.on('data', onData);
  });
}

describe('ESC/POS automatic status back over a serial pty', () => {
  it('enables ASB, learns paper end from a pushed frame without a poll, and still gets DLE EOT replies', async () => {
    const pair = await ptyPair('asb-printer');
    const printer = await printerEnd(pair);
    const transport = await storeEnd(pair);

    const pushed: PrinterStatus[] = [];
    let notify: (() => void) | null = null;
    const session = new EscPosSession(transport, 3000, () => transport.close(), 'esc-pos', {
      onAutoStatus: (s) => {
        pushed.push(s);
        notify?.();
      },
    });
    cleanup.push(() => Promise.resolve(session.dispose()));
    expect(session.autoStatus).toBe(true);

    const enable = received(printer, 3);
    await session.start();
    expect(await enable).toEqual([0x1d, 0x61, 0x0f]);

    // The roll runs out: the printer pushes a frame on its own (offline + paper end).
    const arrived = new Promise<void>((resolve) => { notify = resolve; });
    printer.write(Buffer.from([0x18, 0x00, 0x0c, 0x00]));
    await arrived;
    expect(pushed).toHaveLength(1);
    expect(session.lastPushedStatus).toMatchObject({ paperEnd: true, online: false });

    // A poll afterwards is still answered: the printer replies to DLE EOT 1, 2, 4 (roll replaced).
    const query = received(printer, 9);
    const status = session.status();
    expect(await query).toEqual([0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04]);
    // An ASB frame (paper back) arriving right before the replies must not be taken for them.
    printer.write(Buffer.from([0x10, 0x00, 0x00, 0x00, 0x16, 0x12, 0x12]));
    expect(await status).toMatchObject({ online: true, paperEnd: false, drawerOpen: true });
    expect(pushed).toHaveLength(2);
    expect(session.lastPushedStatus).toMatchObject({ paperEnd: false, online: true });

    // A stray byte that looks like a frame start must not swallow the replies that follow it.
    const again = received(printer, 9);
    const next = session.status();
    await again;
    printer.write(Buffer.from([0x10, 0x1a, 0x32, 0x72]));
    expect(await next).toMatchObject({ paperEnd: true, online: false });
    expect(pushed).toHaveLength(2);
  });

  it('keeps TCP-style polling only when ASB is switched off: pushed frames are ignored, polls still answered', async () => {
    const pair = await ptyPair('asb-off');
    const printer = await printerEnd(pair);
    const transport = await storeEnd(pair);
    const pushed: PrinterStatus[] = [];
    const session = new EscPosSession(transport, 3000, () => transport.close(), 'esc-pos', { autoStatus: false, onAutoStatus: (s) => pushed.push(s) });
    cleanup.push(() => Promise.resolve(session.dispose()));

    const query = received(printer, 9);
    await session.start(); // sends nothing when off
    const status = session.status();
    expect(await query).toEqual([0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04]);
    printer.write(Buffer.from([0x18, 0x00, 0x0c, 0x00, 0x1a, 0x32, 0x72]));
    expect(await status).toMatchObject({ paperEnd: true, online: false });
    expect(pushed).toHaveLength(0);
    expect(session.lastPushedStatus).toBeNull();
  });
});

describe('PrinterWorker on a serial printer with ASB', () => {
  it('publishes a pushed paper end as a status event between polls', async () => {
    const pair = await ptyPair('asb-worker');
    const printer = await printerEnd(pair);
    // A minimal printer: answers DLE EOT n as a ready printer would and notes when GS a arrives.
    const ready = statusBytes({ online: true, paperEnd: false, paperNearEnd: false, coverOpen: false, error: false, drawerOpen: false });
    let seen: number[] = [];
    let asbOn: () => void = () => undefined;
    const enabled = new Promise<void>((resolve) => { asbOn = resolve; });
    printer.on('data', (chunk: Buffer) => {
      seen.push(...chunk);
      for (let i = 0; i + 2 < seen.length; i += 1) {
        if (seen[i] === 0x10 && seen[i + 1] === 0x04) {
          const n = seen[i + 2];
          printer.write(Buffer.from([n === 1 ? ready.printer : n === 2 ? ready.offlineCause : ready.paper]));
        }
        if (seen[i] === 0x1d && seen[i + 1] === 0x61 && seen[i + 2] === 0x0f) asbOn();
      }
      seen = seen.slice(Math.max(0, seen.length - 2));
    });
    const worker = new PrinterWorker({ id: 'serial-printer', transport: () => new SerialTransport({ path: pair.devicePath }), pollMs: 600_000, backoff: { initialMs: 50, maxMs: 200 } });
    cleanup.push(() => worker.close());
    worker.start();
    await enabled;
    expect(worker.lastStatus.online).toBe(true);

    const event = new Promise<PrinterStatus>((resolve) => worker.once('status', resolve));
    printer.write(Buffer.from([0x18, 0x00, 0x0c, 0x00]));
    expect(await event).toMatchObject({ paperEnd: true, online: false });
    expect(worker.lastStatus.paperEnd).toBe(true);
  });
});

describe('the virtual serial printer with ASB', () => {
  it('pushes a frame when its paper runs out, and the worker publishes it without polling', async () => {
    const pair = await ptyPair('asb-virtual');
    const vp = await startVirtualSerialPrinter({ path: pair.simulatorPath });
    cleanup.push(() => vp.close());
    const asbOn = new Promise<void>((resolve) => vp.on('auto-status', resolve));
    const worker = new PrinterWorker({ id: 'virtual-serial', transport: () => new SerialTransport({ path: pair.devicePath }), pollMs: 600_000, backoff: { initialMs: 50, maxMs: 200 } });
    cleanup.push(() => worker.close());
    worker.start();
    await asbOn;
    const paperOut = new Promise<PrinterStatus>((resolve) => worker.on('status', (s: PrinterStatus) => { if (s.paperEnd) resolve(s); }));
    vp.setCondition('paper-end');
    expect(await paperOut).toMatchObject({ paperEnd: true, online: false });

    const back = new Promise<PrinterStatus>((resolve) => worker.on('status', (s: PrinterStatus) => { if (s.online) resolve(s); }));
    vp.setCondition('ready');
    expect(await back).toMatchObject({ online: true, paperEnd: false });
    expect(vp.receipts()).toHaveLength(0);
    expect(vp.decodeErrors()).toEqual([]);
  });
});
