/**
 * Starts a whole edge node (store, hub on 127.0.0.1:0, print runner, device manager) from
 * environment variables, the way the appliance starts, pairs a POS and signs staff in over
 * HTTP. Used by the device tests; nothing here is faked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { type HubEvent, demoStaff } from '@brigade/sync/model';
import { loadConfig } from '../config';
import { type EdgeNode, startEdgeNode } from '../hub/start-edge-node';

export interface DeviceTestNode {
  node: EdgeNode;
  base: string;
  dataDir: string;
  /** A paired POS with a cashier signed in. */
  cashier: Record<string, string>;
  /** The same POS with a manager signed in. */
  manager: Record<string, string>;
  /** The POS's device token, with no staff member. */
  device: Record<string, string>;
  deviceToken: string;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; json: Record<string, unknown> }>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; json: Record<string, unknown> }>;
  close(): Promise<void>;
}

export const CASHIER_PIN = demoStaff[0].pin;
export const MANAGER_PIN = demoStaff[1].pin;

async function call(method: string, url: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** With `BRIGADE_DATA_DIR` in `env` the node reuses that folder (a restart) and leaves it behind on close. */
export async function startDeviceTestNode(env: Record<string, string> = {}): Promise<DeviceTestNode> {
  const owned = env.BRIGADE_DATA_DIR === undefined;
  const dataDir = env.BRIGADE_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'brigade-devices-'));
  try {
    const config = loadConfig({ BRIGADE_HUB_HOST: '127.0.0.1', BRIGADE_HUB_PORT: '0', BRIGADE_UI_DIST: join(dataDir, 'no-ui'), ...env, BRIGADE_DATA_DIR: dataDir });
    const node = await startEdgeNode({
      config,
      store: { seedDemo: true },
      // Quick reconnects and reader polls keep the tests short; the behaviour is the same.
      devices: { manager: { backoff: { initialMs: 50, maxMs: 200 }, readerPollMs: 100 }, reader: { pollMs: 20, timeoutMs: 5000 } },
      printRunner: { pollMs: 50, retryMs: 100, probeMs: 100 },
    });
    const base = `http://127.0.0.1:${node.port}`;
    const setupCode = node.store.auth.createSetupCode('pos');
    const paired = await call('POST', `${base}/api/pairing/setup`, {}, { setupCode, name: 'Till 1' });
    const deviceToken = String(paired.json.deviceToken);
    const device = { authorization: `Bearer ${deviceToken}` };
    const signIn = async (pin: string): Promise<Record<string, string>> => {
      const session = await call('POST', `${base}/api/session`, device, { pin });
      return { ...device, 'x-staff-session': String(session.json.sessionToken) };
    };
    const cashier = await signIn(CASHIER_PIN);
    const manager = await signIn(MANAGER_PIN);
    return {
      node, base, dataDir, cashier, manager, device, deviceToken,
      get: (path, headers = cashier) => call('GET', `${base}${path}`, headers),
      post: (path, body, headers = cashier) => call('POST', `${base}${path}`, headers, body),
      async close() {
        await node.close();
        if (owned) rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (owned) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** A screen's live socket that keeps every event it receives. */
export class LiveSocket {
  readonly events: HubEvent[] = [];
  private waiters: Array<() => void> = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { type: string };
      if ('seq' in message && message.type !== 'hello') this.events.push(message as HubEvent);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static open(base: string, token: string): Promise<LiveSocket> {
    const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/ws?token=${encodeURIComponent(token)}&since=0`);
    const live = new LiveSocket(socket);
    return new Promise((resolve, reject) => {
      socket.once('message', () => resolve(live));
      socket.once('error', reject);
    });
  }

  /** Resolves with the first event (received so far or later) that matches. */
  async waitFor<T extends HubEvent>(match: (event: HubEvent) => event is T, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(this.events.map((e) => e.type))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.socket.close();
  }
}
