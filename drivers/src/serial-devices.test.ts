import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceWorker } from './device-worker';
import { PoleDisplay, poleLine } from './display/pole-display';
import { TOLEDO_SERIAL, ToledoScale } from './scale/toledo-scale';
import { SerialScanner, type ScanEvent } from './scanner/serial-scanner';
import { SerialTransport } from './transports/serial-transport';
import { type PtyPair, startPtyPair } from './virtual/pty-pair';
import { startVirtualPoleDisplay } from './virtual/virtual-pole-display';
import { startVirtualScale } from './virtual/virtual-scale';
import { startVirtualScanner } from './virtual/virtual-scanner';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function pair(name: string, paths?: { devicePath: string; simulatorPath: string }): Promise<PtyPair> {
  const p = await startPtyPair({ name, ...paths });
  cleanup.push(async () => {
    await p.unplug();
    rmSync(path.dirname(p.devicePath), { recursive: true, force: true });
  });
  return p;
}

function worker(path: string, settings: Partial<ConstructorParameters<typeof SerialTransport>[0]> = {}): DeviceWorker {
  const w = new DeviceWorker({ id: path, transport: () => new SerialTransport({ path, ...settings }), backoff: { initialMs: 50, maxMs: 200 } });
  cleanup.push(() => w.close());
  w.start();
  return w;
}

describe('Toledo 8217 scale over a pty', () => {
  it('reads a stable weight in grams as sellable, and motion, over capacity and under zero as not', async () => {
    const p = await pair('scale');
    const sim = await startVirtualScale({ path: p.simulatorPath });
    cleanup.push(() => sim.close());
    const w = worker(p.devicePath, TOLEDO_SERIAL);
    await w.waitFor('online');
    const scale = new ToledoScale(w);
    sim.set(512);
    expect(await scale.read()).toMatchObject({ status: 'stable', grams: 512, sellable: true });
    sim.set(1250, 'motion');
    expect(await scale.read()).toMatchObject({ status: 'motion', grams: null, sellable: false });
    sim.set(0, 'over-capacity');
    expect(await scale.read()).toMatchObject({ status: 'over-capacity', sellable: false });
    sim.set(0, 'under-zero');
    expect(await scale.read()).toMatchObject({ status: 'under-zero', sellable: false });
    sim.set(0);
    expect(await scale.read()).toMatchObject({ status: 'stable', grams: 0, sellable: false });
    expect(sim.requests()).toBe(5);
  });

  it('readStable waits for the weight to settle', async () => {
    const p = await pair('scale');
    const sim = await startVirtualScale({ path: p.simulatorPath });
    cleanup.push(() => sim.close());
    const w = worker(p.devicePath, TOLEDO_SERIAL);
    await w.waitFor('online');
    sim.set(730, 'motion');
    const settle = setInterval(() => { if (sim.requests() >= 3) sim.set(745); }, 5);
    cleanup.push(() => {
      clearInterval(settle);
      return Promise.resolve();
    });
    const reading = await new ToledoScale(w).readStable({ intervalMs: 20, timeoutMs: 3000 });
    expect(reading).toMatchObject({ status: 'stable', grams: 745, sellable: true });
    expect(sim.requests()).toBeGreaterThanOrEqual(3);
  });

  it('reports the scale offline when the cable is pulled and recovers when it is back', async () => {
    const p = await pair('scale');
    let sim = await startVirtualScale({ path: p.simulatorPath });
    const w = worker(p.devicePath, TOLEDO_SERIAL);
    await w.waitFor('online');
    sim.set(200);
    expect((await new ToledoScale(w).read()).grams).toBe(200);
    const offline = w.waitFor('offline');
    await p.unplug();
    await sim.close();
    await offline;
    await expect(new ToledoScale(w).read()).rejects.toThrow(/offline/);
    const again = await pair('scale', { devicePath: p.devicePath, simulatorPath: p.simulatorPath });
    sim = await startVirtualScale({ path: again.simulatorPath });
    cleanup.push(() => sim.close());
    sim.set(321);
    await w.waitFor('online', 5000);
    expect(await new ToledoScale(w).read()).toMatchObject({ grams: 321, sellable: true });
  });
});

describe('serial (CDC) barcode scanner over a pty', () => {
  it('emits each scan once, whole, in order', async () => {
    const p = await pair('scanner');
    const w = worker(p.devicePath);
    await w.waitFor('online');
    const sim = await startVirtualScanner({ path: p.simulatorPath });
    cleanup.push(() => sim.close());
    const scans: ScanEvent[] = [];
    const got = new Promise<void>((resolve) => {
      new SerialScanner(w).on('scan', (s: ScanEvent) => {
        scans.push(s);
        if (scans.length === 3) resolve();
      });
    });
    await sim.scan('5000112637922');
    await sim.scan('2000000000015');
    await sim.scan('ABC-123');
    await got;
    expect(scans.map((s) => s.code)).toEqual(['5000112637922', '2000000000015', 'ABC-123']);
  });
});

describe('pole display over a pty', () => {
  for (const dialect of ['epson', 'cd5220'] as const) {
    it(`shows two 20-column lines with accents and the euro sign (${dialect})`, async () => {
      const p = await pair('pole');
      const sim = await startVirtualPoleDisplay({ path: p.simulatorPath });
      cleanup.push(() => sim.close());
      const w = worker(p.devicePath);
      await w.waitFor('online');
      const shown = new Promise<[string, string]>((resolve) => sim.on('change', (l) => { if (l[1].includes('€')) resolve(l); }));
      await new PoleDisplay(w, dialect).show(['Crème brûlée', poleLine('Total', '€6.95')]);
      expect(await shown).toEqual(['Crème brûlée        ', 'Total          €6.95']);
      expect(sim.errors()).toEqual([]);
    });
  }

  it('cuts lines longer than the display', async () => {
    const p = await pair('pole');
    const sim = await startVirtualPoleDisplay({ path: p.simulatorPath });
    cleanup.push(() => sim.close());
    const w = worker(p.devicePath);
    await w.waitFor('online');
    const shown = new Promise<[string, string]>((resolve) => sim.on('change', (l) => { if (l[1].startsWith('x')) resolve(l); }));
    await new PoleDisplay(w).show(['Double Cheeseburger with Jalapeños', 'x']);
    expect((await shown)[0]).toBe('Double Cheeseburger ');
  });
});
