/**
 * Builds the real hub over a real SQLite store in a temporary folder, and pairs screens and
 * signs staff in over HTTP, the way a browser would. Used by the hub's tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { DEMO, type DeviceRole, demoStaff, newId } from '@brigade/sync/model';
import { openEdgeStore } from '../store/open-store';
import type { DeviceCredentials, EdgeStore } from '../store/types';
import { buildHub, type HubOptions } from './build-hub';

export interface Screen extends DeviceCredentials {
  /** Headers for this screen (and its signed-in staff member, if any). */
  headers: Record<string, string>;
}

export interface TestHub {
  app: FastifyInstance;
  store: EdgeStore;
  dataDir: string;
  pair(role: DeviceRole, opts?: { stationId?: string }): Promise<Screen>;
  signIn(screen: Screen, pin: string): Promise<Screen>;
  command(screen: Screen | null, name: string, body: unknown): Promise<LightMyRequestResponse>;
  /** Rows in the tables a command writes, to prove a refusal wrote nothing. */
  counts(): Record<string, number>;
  close(opts?: { keepData?: boolean }): Promise<void>;
}

export const CASHIER_PIN = demoStaff[0].pin;
export const MANAGER_PIN = demoStaff[1].pin;

const countedTables = ['orders', 'order_lines', 'payments', 'kitchen_tickets', 'print_jobs', 'commands', 'audit_log', 'outbox', 'hub_events', 'devices'];

export async function startTestHub(opts: { dataDir?: string; hub?: Partial<Omit<HubOptions, 'store'>> } = {}): Promise<TestHub> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'brigade-hub-'));
  const store = openEdgeStore({ dataDir, seedDemo: true });
  const app = await buildHub({ config: { uiDistDir: join(dataDir, 'no-ui') }, logger: false, ...opts.hub, store });
  await app.ready();

  const hub: TestHub = {
    app,
    store,
    dataDir,
    async pair(role, pairOpts = {}) {
      const setupCode = store.auth.createSetupCode(role, pairOpts.stationId ? { stationId: pairOpts.stationId } : {});
      const response = await app.inject({ method: 'POST', url: '/api/pairing/setup', payload: { setupCode, name: `${role} test screen` } });
      if (response.statusCode !== 200) throw new Error(`pairing failed: ${response.statusCode} ${response.body}`);
      const credentials = response.json<DeviceCredentials>();
      return { ...credentials, headers: { authorization: `Bearer ${credentials.deviceToken}` } };
    },
    async signIn(screen, pin) {
      const response = await app.inject({ method: 'POST', url: '/api/session', headers: screen.headers, payload: { pin } });
      if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
      return { ...screen, headers: { ...screen.headers, 'x-staff-session': response.json<{ sessionToken: string }>().sessionToken } };
    },
    command(screen, name, body) {
      return app.inject({ method: 'POST', url: `/api/commands/${name}`, headers: screen?.headers ?? {}, payload: body as Record<string, unknown> });
    },
    counts() {
      const result: Record<string, number> = {};
      for (const table of countedTables) result[table] = (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      return result;
    },
    async close(closeOpts = {}) {
      await app.close();
      store.close();
      if (!closeOpts.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return hub;
}

/** A valid burger line (the burger needs a doneness). */
export function burgerLine(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { lineId: newId(), itemId: DEMO.burger, quantity: 1, modifierOptionIds: [DEMO.medium], ...overrides };
}

export function colaLine(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { lineId: newId(), itemId: DEMO.cola, quantity: 1, modifierOptionIds: [DEMO.regular], ...overrides };
}

export function orderCreate(lines: Record<string, unknown>[], extra: Record<string, unknown> = {}): { commandId: string; args: Record<string, unknown> } {
  return { commandId: newId(), args: { orderId: newId(), channel: 'counter', diningOption: 'eat_in', lines, ...extra } };
}
