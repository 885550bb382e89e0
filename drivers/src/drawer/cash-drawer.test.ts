import { SerialPortMock } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { NetworkPrinter } from '../network-printer';
import { startVirtualPrinter } from '../virtual';
import { type LinePort, PrinterDrawer, SerialLineDrawer } from './cash-drawer';

// serialport's mock binding: its own type declarations do not resolve under our module settings.
const MockBinding = SerialPortMock.binding as unknown as { createPort(path: string): void; reset(): void };

/**
 * Modem lines cannot be driven on a pty, so the port is serialport's mock (which knows
 * which ports exist and whether they are open) with the modem lines recorded and the
 * drawer switch reported: a fake at the serial bus boundary.
 */
function drawerLines(): { openPort: (path: string) => LinePort; lines: Array<{ dtr?: boolean; rts?: boolean }>; setSwitch(open: boolean): void } {
  const lines: Array<{ dtr?: boolean; rts?: boolean }> = [];
  let drawerOpen = false;
  const openPort = (path: string): LinePort => {
    const port = new SerialPortMock({ path, baudRate: 9600, autoOpen: false }) as unknown as LinePort;
    return {
      get isOpen() { return port.isOpen; },
      open: (cb) => port.open(cb),
      set: (o, cb) => {
        lines.push({ ...o });
        port.set(o, cb);
      },
      get: (cb) => cb(null, { cts: false, dsr: drawerOpen, dcd: false }),
      close: (cb) => port.close(cb),
    };
  };
  return { openPort, lines, setSwitch: (open) => { drawerOpen = open; } };
}

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
  MockBinding.reset();
});

describe('cash drawers', () => {
  it('a serial-line drawer opens with a DTR pulse (up, then down) and reports its switch', async () => {
    MockBinding.createPort('/dev/pos/drawer');
    const fake = drawerLines();
    const drawer = new SerialLineDrawer({ path: '/dev/pos/drawer', openPort: fake.openPort, pulseMs: 10 });
    cleanup.push(() => drawer.close());
    await drawer.open();
    expect(fake.lines.map((l) => [l.dtr, l.rts])).toEqual([[true, false], [false, false]]);
    expect(await drawer.isOpen()).toBe(false);
    fake.setSwitch(true);
    expect(await drawer.isOpen()).toBe(true);
  });

  it('pulses RTS when wired that way, and fails on a port that does not exist', async () => {
    MockBinding.createPort('/dev/pos/drawer2');
    const fake = drawerLines();
    const drawer = new SerialLineDrawer({ path: '/dev/pos/drawer2', line: 'rts', openPort: fake.openPort, pulseMs: 5 });
    cleanup.push(() => drawer.close());
    await drawer.open();
    expect(fake.lines.map((l) => [l.dtr, l.rts])).toEqual([[false, true], [false, false]]);
    const missing = new SerialLineDrawer({ path: '/dev/pos/none', openPort: fake.openPort });
    await expect(missing.open()).rejects.toThrow(/does not exist/);
  });

  it('a printer drawer kicks through the printer, on the configured pin', async () => {
    const vp = await startVirtualPrinter({ port: 0 });
    cleanup.push(() => vp.close());
    const printer = new NetworkPrinter({ id: 'front', host: '127.0.0.1', port: vp.port });
    cleanup.push(() => printer.close());
    const kicked = new Promise((resolve) => vp.on('drawer', resolve));
    await new PrinterDrawer(printer, 5).open();
    expect(await kicked).toMatchObject({ pin: 5 });
  });
});
