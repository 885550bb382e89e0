/**
 * Printer roles in the print runner: the expo copy of each fire, and roles the manager
 * assigns on the hardware page (stored in the edge database, effective at once, kept over
 * a restart). Real virtual printers on 127.0.0.1, a real SQLite store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type VirtualPrinter, startVirtualPrinter } from '@brigade/drivers/virtual';
import { BrigadeError, DEMO, type Order, newId } from '@brigade/sync/model';
import type { PrinterConfig } from '../config';
import { openEdgeStore } from '../store/open-store';
import type { Actor, EdgeStore } from '../store/types';
import { ExpoCopies, type StationJob } from './expo-copies';
import { PrintRunner } from './print-runner';

const system: Actor = { deviceId: null, deviceRole: 'system', stationId: null, staff: null };

let dataDir: string;
let store: EdgeStore;
let printers: VirtualPrinter[];
let runners: PrintRunner[];

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'brigade-print-roles-'));
  store = openEdgeStore({ dataDir, seedDemo: true });
  printers = [];
  runners = [];
});

afterEach(async () => {
  for (const runner of runners) await runner.stop();
  for (const printer of printers) await printer.close();
  store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function virtualPrinter(name: string): Promise<VirtualPrinter> {
  const printer = await startVirtualPrinter({ host: '127.0.0.1', port: 0, name });
  printers.push(printer);
  return printer;
}

function runner(config: PrinterConfig[]): PrintRunner {
  const created = new PrintRunner({ store, printers: config, retryMs: 2000 });
  runners.push(created);
  return created;
}

async function run(name: string, args: Record<string, unknown>): Promise<Order> {
  return ((await store.execute(name, newId(), args, system)).result as { order: Order }).order;
}

const burger = (): Record<string, unknown> => ({ lineId: newId(), itemId: DEMO.burger, quantity: 2, modifierOptionIds: [DEMO.medium] });
const cola = (): Record<string, unknown> => ({ lineId: newId(), itemId: DEMO.cola, quantity: 1, modifierOptionIds: [DEMO.large] });
const lines = (text: string): string[] => text.split('\n').map((line) => line.trim()).filter(Boolean);
const expoJobs = (): number => (store.db.prepare("SELECT count(*) AS n FROM print_jobs WHERE station_id = 'expo'").get() as { n: number }).n;

interface Rig {
  front: VirtualPrinter;
  grill: VirtualPrinter;
  pass: VirtualPrinter;
  config: PrinterConfig[];
}

async function rig(): Promise<Rig> {
  const [front, grill, pass] = [await virtualPrinter('front'), await virtualPrinter('grill'), await virtualPrinter('pass')];
  return {
    front, grill, pass,
    config: [
      { id: 'front', role: 'receipt', host: '127.0.0.1', port: front.port },
      { id: 'grill', role: 'kitchen', host: '127.0.0.1', port: grill.port, stations: [DEMO.grill] },
      { id: 'pass', role: 'expo', host: '127.0.0.1', port: pass.port },
    ],
  };
}

describe('the expo copy', () => {
  it('prints every station of a fire on the expo printer, grouped by station, besides the station tickets', async () => {
    const { grill, pass, front, config } = await rig();
    const print = runner(config);
    const order = await run('order.create', { orderId: newId(), channel: 'counter', diningOption: 'eat_in', lines: [burger(), cola()] });
    await run('order.fire', { orderId: order.id });

    await print.tick();
    await print.tick();
    const [expo] = await pass.waitForReceipts(1);
    const paper = lines(expo?.text ?? '');
    expect(paper.slice(0, 2)).toEqual(['EXPO', order.number]);
    expect(paper.indexOf('[Grill]')).toBeGreaterThan(0);
    expect(paper[paper.indexOf('[Grill]') + 1]).toBe('2 x Classic Burger');
    expect(paper[paper.indexOf('[Drinks]') + 1]).toBe('1 x Cola');
    // The stations still get their own tickets: the grill its burger, the drinks (no printer) the receipt printer.
    expect(lines(grill.receipts()[0]?.text ?? '')).toContain('2 x Classic Burger');
    expect(front.receipts().some((r) => r.text.includes('1 x Cola'))).toBe(true);
  });

  it('prints one copy per fire, with ADDED and VOID deltas like the stations', async () => {
    const { pass, config } = await rig();
    const first = runner(config);
    const order = await run('order.create', { orderId: newId(), channel: 'counter', diningOption: 'eat_in', lines: [burger()] });
    await run('order.fire', { orderId: order.id });
    await first.tick();
    await first.tick();
    await pass.waitForReceipts(1);
    expect(expoJobs()).toBe(1);

    const more = cola();
    await run('order.addLines', { orderId: order.id, lines: [more] });
    await run('order.fire', { orderId: order.id });
    await first.tick();
    await first.tick();
    const [, added] = await pass.waitForReceipts(2);
    expect(lines(added?.text ?? '').slice(0, 2)).toEqual(['ADDED', 'EXPO']);
    expect(added?.text).toContain('1 x Cola');
    expect(added?.text).not.toContain('Classic Burger');

    await store.execute('order.voidLine', newId(), { orderId: order.id, lineId: more.lineId, reason: 'changed mind' }, system);
    await first.tick();
    await first.tick();
    const [, , voided] = await pass.waitForReceipts(3);
    expect(voided?.text).toContain('VOID 1 x Cola');
    expect(expoJobs()).toBe(3);
    expect(pass.receipts()).toHaveLength(3);
  });

  it('is queued once per fire, also by a runner that restarted before printing it', async () => {
    const order = await run('order.create', { orderId: newId(), channel: 'counter', diningOption: 'eat_in', lines: [burger(), cola()] });
    await run('order.fire', { orderId: order.id });
    const tickets = store.db.prepare("SELECT idem_key AS idemKey, order_id AS orderId, station_id AS stationId, device_id AS deviceId, created_at AS createdAt, next_attempt_at AS nextAttemptAt FROM print_jobs WHERE kind = 'kitchen'").all() as StationJob[];
    expect(tickets).toHaveLength(2);
    // Each runner (a fresh one after a restart knows nothing) is asked for every station ticket.
    for (const copies of [new ExpoCopies(store.db, Date.now), new ExpoCopies(store.db, Date.now)]) for (const ticket of tickets) copies.ensure(ticket);
    expect(expoJobs()).toBe(1);
    const payload = JSON.parse((store.db.prepare("SELECT payload FROM print_jobs WHERE station_id = 'expo'").get() as { payload: string }).payload) as { expo: { stationId: string }[] };
    expect(payload.expo.map((group) => group.stationId).sort()).toEqual([DEMO.drinks, DEMO.grill].sort());
  });

  it('is not queued when no printer has the expo role', async () => {
    const { config } = await rig();
    const print = runner(config.filter((printer) => printer.role !== 'expo'));
    const order = await run('order.create', { orderId: newId(), channel: 'counter', diningOption: 'eat_in', lines: [burger()] });
    await run('order.fire', { orderId: order.id });
    await print.tick();
    await print.tick();
    expect(expoJobs()).toBe(0);
  });
});

describe('roles assigned on the hardware page', () => {
  it('route the next ticket at once, without a restart, and are still there after one', async () => {
    const { grill, pass, front, config } = await rig();
    const withoutExpo = config.filter((printer) => printer.id !== 'pass').concat({ id: 'pass', role: 'kitchen', host: '127.0.0.1', port: pass.port, stations: [DEMO.drinks] });
    const print = runner(withoutExpo);
    // The manager makes the grill printer the expo printer and hands the grill to the old drinks printer.
    const assigned = print.assign('grill', { role: 'expo', stations: [], backupOf: null, language: 'esc-pos' }, null);
    expect(assigned).toMatchObject({ id: 'grill', role: 'expo' });
    print.assign('pass', { role: 'kitchen', stations: [DEMO.grill, DEMO.drinks], backupOf: null, language: 'esc-pos' }, null);
    const order = await run('order.create', { orderId: newId(), channel: 'counter', diningOption: 'eat_in', lines: [burger()] });
    await run('order.fire', { orderId: order.id });
    await print.tick();
    await print.tick();
    expect(lines((await grill.waitForReceipts(1))[0]?.text ?? '')[0]).toBe('EXPO');
    expect(lines((await pass.waitForReceipts(1))[0]?.text ?? '')[0]).toBe('GRILL');
    expect(front.receipts()).toHaveLength(0);

    await print.stop();
    const restarted = runner(withoutExpo);
    expect(restarted.statuses().find((entry) => entry.id === 'grill')).toMatchObject({ role: 'expo' });
    expect(restarted.statuses().find((entry) => entry.id === 'pass')).toMatchObject({ role: 'kitchen', stations: [DEMO.grill, DEMO.drinks] });
  });

  it('refuses an unknown printer, a backup of itself or of nothing, and unknown stations, and stores nothing', async () => {
    const { config } = await rig();
    const print = runner(config);
    const refuse = (id: string, assignment: Parameters<PrintRunner['assign']>[1]): string => {
      try {
        print.assign(id, assignment, null);
      } catch (error) {
        return error instanceof BrigadeError ? error.code : String(error);
      }
      return 'accepted';
    };
    const kitchen = { role: 'kitchen' as const, stations: [], backupOf: null, language: 'esc-pos' as const };
    expect(refuse('nope', kitchen)).toBe('PRINTER_NOT_FOUND');
    expect(refuse('grill', { ...kitchen, role: 'backup', backupOf: 'grill' })).toBe('VALIDATION_FAILED');
    expect(refuse('grill', { ...kitchen, role: 'backup', backupOf: null })).toBe('VALIDATION_FAILED');
    expect(refuse('grill', { ...kitchen, role: 'backup', backupOf: 'ghost' })).toBe('VALIDATION_FAILED');
    expect(refuse('grill', { ...kitchen, stations: ['pastry'] })).toBe('VALIDATION_FAILED');
    expect(refuse('front', { ...kitchen, role: 'receipt', stations: [DEMO.grill] })).toBe('VALIDATION_FAILED');
    expect(refuse('front', { ...kitchen, backupOf: 'grill' })).toBe('VALIDATION_FAILED');
    expect((store.db.prepare('SELECT count(*) AS n FROM printer_settings').get() as { n: number }).n).toBe(0);
    expect(print.statuses().find((entry) => entry.id === 'grill')).toMatchObject({ role: 'kitchen' });
  });

  it('moves a dead printer\'s tickets to a backup assigned on the page', async () => {
    const { grill, pass, config } = await rig();
    let clock = Date.now();
    const print = new PrintRunner({ store, printers: config, now: () => clock, retryMs: 2000, deadAfterMs: 7000 });
    runners.push(print);
    print.assign('pass', { role: 'backup', stations: [], backupOf: 'grill', language: 'esc-pos' }, null);
    grill.setCondition('offline');
    const order = await run('order.create', { orderId: newId(), channel: 'counter', diningOption: 'eat_in', lines: [burger()] });
    await run('order.fire', { orderId: order.id });
    await print.tick();
    clock += 8000;
    await print.tick();
    await print.tick();
    const [ticket] = await pass.waitForReceipts(1);
    expect(lines(ticket?.text ?? '')[0]).toBe('GRILL');
  });

  it('prints a kitchen ticket in Star line mode on a printer switched to it on the page', async () => {
    const starGrill = await startVirtualPrinter({ host: '127.0.0.1', port: 0, name: 'star grill', language: 'star-line' });
    printers.push(starGrill);
    const print = runner([{ id: 'grill', role: 'kitchen', host: '127.0.0.1', port: starGrill.port, stations: [DEMO.grill] }]);
    print.assign('grill', { role: 'kitchen', stations: [DEMO.grill], backupOf: null, language: 'star-line' }, null);
    const order = await run('order.create', { orderId: newId(), channel: 'counter', diningOption: 'eat_in', lines: [burger()] });
    await run('order.fire', { orderId: order.id });
    await print.tick();
    await print.tick();
    const [ticket] = await starGrill.waitForReceipts(1);
    expect(lines(ticket?.text ?? '').slice(0, 2)).toEqual(['GRILL', order.number]);
    expect(starGrill.decodeErrors()).toEqual([]);
    expect(print.statuses()[0]).toMatchObject({ id: 'grill', status: 'ready', language: 'star-line' });
  });
});
