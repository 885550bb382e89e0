/**
 * Shared set-up for the store's tests: a real SQLite file in a fresh temp directory, a
 * controllable clock, actors for each kind of screen and a fingerprint of every table to
 * prove a refused command wrote nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import {
  BrigadeError, DEMO, type DeviceId, type ErrorCode, type Order, type StaffId, demoStaff, newId,
} from '@brigade/sync/model';
import { openEdgeStore } from './open-store';
import type { Actor, EdgeStore, EdgeStoreOptions } from './types';

export interface TestClock {
  now: () => Date;
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(start = '2026-03-10T15:00:00.000Z'): TestClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (iso) => {
      current = new Date(iso);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

export interface TestStore {
  store: EdgeStore;
  dir: string;
  clock: TestClock;
  options: EdgeStoreOptions;
  reopen(overrides?: Partial<EdgeStoreOptions>): EdgeStore;
  cleanup(): void;
}

export function openTestStore(overrides: Partial<EdgeStoreOptions> = {}): TestStore {
  const dir = mkdtempSync(join(tmpdir(), 'brigade-store-'));
  const clock = testClock();
  const options: EdgeStoreOptions = { dataDir: dir, seedDemo: true, now: clock.now, ...overrides };
  let first: EdgeStore;
  try {
    first = openEdgeStore(options);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const t: TestStore = {
    store: first,
    dir,
    clock,
    options,
    reopen(more = {}) {
      t.store.close();
      t.store = openEdgeStore({ ...options, ...more });
      return t.store;
    },
    cleanup() {
      t.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}

const cashierSeed = demoStaff.find((s) => s.role === 'cashier');
const managerSeed = demoStaff.find((s) => s.role === 'manager');
if (!cashierSeed || !managerSeed) throw new Error('the demo staff must hold a cashier and a manager');
export const CASHIER = { id: cashierSeed.id as StaffId, name: cashierSeed.name, role: 'cashier' as const, pin: cashierSeed.pin };
export const MANAGER = { id: managerSeed.id as StaffId, name: managerSeed.name, role: 'manager' as const, pin: managerSeed.pin };

const POS_ID = newId<DeviceId>();
export const actors = {
  cashier: { deviceId: POS_ID, deviceRole: 'pos', stationId: null, staff: { id: CASHIER.id, name: CASHIER.name, role: 'cashier' } },
  manager: { deviceId: POS_ID, deviceRole: 'pos', stationId: null, staff: { id: MANAGER.id, name: MANAGER.name, role: 'manager' } },
  posNoStaff: { deviceId: POS_ID, deviceRole: 'pos', stationId: null, staff: null },
  kiosk: { deviceId: newId<DeviceId>(), deviceRole: 'kiosk', stationId: null, staff: null },
  grillKds: { deviceId: newId<DeviceId>(), deviceRole: 'kds', stationId: 'grill', staff: null },
  expoKds: { deviceId: newId<DeviceId>(), deviceRole: 'kds', stationId: null, staff: null },
  display: { deviceId: newId<DeviceId>(), deviceRole: 'display', stationId: null, staff: null },
  system: { deviceId: null, deviceRole: 'system', stationId: null, staff: null },
} satisfies Record<string, Actor>;

export function burgerLine(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { lineId: newId(), itemId: DEMO.burger, quantity: 1, modifierOptionIds: [DEMO.medium], ...overrides };
}

export function colaLine(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { lineId: newId(), itemId: DEMO.cola, quantity: 1, modifierOptionIds: [DEMO.regular], ...overrides };
}

export function createArgs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { orderId: newId(), channel: 'counter', diningOption: 'take_out', lines: [burgerLine(), colaLine()], ...overrides };
}

export async function createOrder(store: EdgeStore, overrides: Record<string, unknown> = {}, actor: Actor = actors.cashier): Promise<Order> {
  const outcome = await store.execute('order.create', newId(), createArgs(overrides), actor);
  return (outcome.result as { order: Order }).order;
}

export async function payCash(store: EdgeStore, order: Order, amount: number = order.totals.total - order.paid): Promise<Order> {
  const outcome = await store.execute('payment.capture', newId(), { orderId: order.id, paymentId: newId(), tender: 'cash', amount, tendered: amount }, actors.cashier);
  return (outcome.result as { order: Order }).order;
}

const TABLES = [
  'orders', 'order_lines', 'payments', 'refunds', 'kitchen_tickets', 'order_counters', 'print_jobs', 'commands', 'audit_log', 'outbox',
  'hub_events', 'item_availability', 'devices', 'pairing_requests', 'staff_sessions',
] as const;

/** Row counts of every table plus a digest of mutable columns: equal fingerprints mean nothing was written. */
export function fingerprint(store: EdgeStore): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const table of TABLES) out[table] = (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const digest = (sql: string): string => String((store.db.prepare(sql).get() as { d: string | null }).d ?? '');
  out.orderState = digest("SELECT group_concat(id || status || payment_status || version || paid || refunded || fire_seq, ',') AS d FROM orders");
  out.lineState = digest("SELECT group_concat(id || voided || coalesce(fired_in, '-'), ',') AS d FROM order_lines");
  out.ticketState = digest("SELECT group_concat(id || status || items, ',') AS d FROM kitchen_tickets");
  out.jobState = digest("SELECT group_concat(id || status, ',') AS d FROM print_jobs");
  out.deviceState = digest("SELECT group_concat(id || coalesce(revoked_at, '-'), ',') AS d FROM devices");
  return out;
}

/** Runs a command that must be refused with `code`, and proves the database did not change. */
export async function expectRefused(store: EdgeStore, code: ErrorCode, name: string, args: unknown, actor: Actor): Promise<void> {
  const before = fingerprint(store);
  const error = await store.execute(name, newId(), args, actor).then(
    () => null,
    (err: unknown) => err,
  );
  expect(error, `${name} should be refused with ${code}`).toBeInstanceOf(BrigadeError);
  expect((error as BrigadeError).code).toBe(code);
  expect(fingerprint(store)).toEqual(before);
}

export function count(store: EdgeStore, table: (typeof TABLES)[number], where = '1 = 1', ...params: unknown[]): number {
  return (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).get(...params) as { n: number }).n;
}
