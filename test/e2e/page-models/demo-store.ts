/** The running demo store, as global setup started it, and direct API calls tests use to set the scene. */
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import type { DemoStore } from '../demo-store-setup';

export function demoStore(): DemoStore {
  const raw = process.env.BRIGADE_E2E_STORE;
  if (!raw) throw new Error('The demo store is not running: run these tests through test/e2e/playwright.config.ts.');
  return JSON.parse(raw) as DemoStore;
}

const artifacts = new URL('../../artifacts/', import.meta.url).pathname;

/** Screenshots of each screen, kept as artefacts of the run (git-ignored). */
export async function snapshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: `${artifacts}${name}.png`, fullPage: true });
}

/** Paper the virtual printer wrote (receipts and kitchen tickets) that contains every one of `texts`. */
export function receiptsMentioning(dir: string, ...texts: string[]): string[] {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return [];
  }
  return files.filter((f) => {
    if (!f.endsWith('.txt')) return false;
    const paper = readFileSync(join(dir, f), 'utf8');
    return texts.every((t) => paper.includes(t));
  });
}

export interface DeviceCredentials {
  deviceId: string;
  deviceToken: string;
  role: string;
  stationId: string | null;
}

async function call<T>(path: string, init: { method?: string; body?: unknown; token?: string; session?: string } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.session) headers['x-staff-session'] = init.session;
  const response = await fetch(demoStore().url + path, { method: init.method ?? 'GET', headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** The hub's API as a test sees it: an extra POS for reading what the server holds. */
export class HubApi {
  private constructor(private readonly pos: DeviceCredentials) {}

  static async connect(): Promise<HubApi> {
    const pos = await call<DeviceCredentials>('/api/pairing/setup', { method: 'POST', body: { setupCode: demoStore().setupCodes.pos, name: 'Test bench' } });
    return new HubApi(pos);
  }

  get<T>(path: string): Promise<T> {
    return call<T>(path, { token: this.pos.deviceToken });
  }

  /** Sends a command as the signed-in demo manager (e.g. to 86 an item behind a screen's back). */
  async managerCommand(name: string, args: Record<string, unknown>): Promise<unknown> {
    const { sessionToken } = await call<{ sessionToken: string }>('/api/session', { method: 'POST', token: this.pos.deviceToken, body: { pin: '9999' } });
    return call(`/api/commands/${name}`, { method: 'POST', token: this.pos.deviceToken, session: sessionToken, body: { commandId: uuidV7(), args } });
  }

  /** Pairs a KDS screen for one station the way a manager would, and returns its credentials. */
  async pairKds(stationId: string): Promise<DeviceCredentials> {
    const request = await call<{ requestId: string; code: string; pollToken: string }>('/api/pairing', { method: 'POST', body: { name: `KDS ${stationId}` } });
    const { sessionToken } = await call<{ sessionToken: string }>('/api/session', { method: 'POST', token: this.pos.deviceToken, body: { pin: '9999' } });
    await call('/api/commands/device.approve', {
      method: 'POST', token: this.pos.deviceToken, session: sessionToken,
      body: { commandId: uuidV7(), args: { code: request.code, role: 'kds', name: `KDS ${stationId}`, stationId } },
    });
    const poll = await call<{ status: string } & DeviceCredentials>(`/api/pairing/${request.requestId}?pollToken=${encodeURIComponent(request.pollToken)}`);
    if (poll.status !== 'approved') throw new Error(`pairing of the ${stationId} KDS is ${poll.status}`);
    return poll;
  }
}

/** Opens a screen already holding a device token, as if it had been paired earlier. */
export async function openPaired(page: Page, app: 'pos' | 'kiosk' | 'kds', device: DeviceCredentials): Promise<void> {
  await page.addInitScript((value) => window.localStorage.setItem('brigade.device', value), JSON.stringify(device));
  await page.goto(`${demoStore().url}/${app}/`);
}

/** A UUIDv7 (time-ordered), as the hub requires for command ids. */
function uuidV7(): string {
  const hex = Date.now().toString(16).padStart(12, '0');
  const rest = randomUUID().replace(/-/g, '');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${rest.slice(13, 16)}-${((parseInt(rest[16] ?? '8', 16) & 0x3) | 0x8).toString(16)}${rest.slice(17, 20)}-${rest.slice(20, 32)}`;
}
