/**
 * `npm start`'s store, run as a child process on free ports: the banner gives working
 * screen links with setup codes and the demo PINs, and a cash sale comes out of the
 * virtual printer as a receipt file. The demo runs its cloud beside the store, enrols the
 * store by itself, and the sale reaches the owner's sales once.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type Order, demoStaff, newId } from '@brigade/sync/model';
import { DEMO_CLOUD } from '@brigade/cloud';
import { DEMO_CLOUD_TENANT } from '../../edge/src/demo-cloud';
import { freePort } from '../support/free-port';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'brigade-demo-'));
let child: ChildProcess;
let banner = '';
let exited: Promise<number | null>;

beforeAll(async () => {
  const [hubPort, printerPort, cloudPort] = [await freePort(), await freePort(), await freePort()];
  child = spawn(process.execPath, ['--import', 'tsx', 'edge/src/demo.ts'], {
    cwd: repoRoot,
    env: { ...process.env, BRIGADE_HUB_HOST: '127.0.0.1', BRIGADE_HUB_PORT: String(hubPort), BRIGADE_PRINTER_PORT: String(printerPort), BRIGADE_CLOUD_PORT: String(cloudPort), BRIGADE_DATA_DIR: join(root, 'edge'), BRIGADE_UI_DIST: join(root, 'no-ui') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo did not start within 60 s:\n${banner}\n${stderr}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      banner += chunk.toString();
      if (banner.includes('Press Ctrl+C')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`the demo exited with ${code}:\n${stderr}`)));
  });
});

afterAll(async () => {
  // SIGTERM first: the demo stops its cloud process on the way out; a SIGKILL would orphan it.
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(root, { recursive: true, force: true });
});

function link(app: string): { base: string; code: string } {
  const match = new RegExp(`(http://[^\\s]+?)/${app}/#setup=([A-Za-z0-9_-]+)`).exec(banner);
  if (!match?.[1] || !match[2]) throw new Error(`no ${app} link in:\n${banner}`);
  return { base: match[1], code: match[2] };
}

async function post(url: string, headers: Record<string, string>, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}

describe('the demo store', () => {
  it('knows the same demo store and owner as the cloud seeds', () => {
    expect(DEMO_CLOUD).toMatchObject({ storeId: DEMO_CLOUD_TENANT.storeId, ownerEmail: DEMO_CLOUD_TENANT.ownerEmail, ownerPassword: DEMO_CLOUD_TENANT.ownerPassword, storeName: DEMO_CLOUD_TENANT.storeName });
  });

  it('prints the three screens with setup codes, the demo PINs, where receipts go and the docs', () => {
    for (const app of ['pos', 'kiosk', 'kds']) expect(link(app).code.length).toBeGreaterThanOrEqual(8);
    for (const member of demoStaff) expect(banner).toContain(member.pin);
    expect(banner).toContain(join(root, 'printer'));
    expect(banner).toMatch(/http:\/\/127\.0\.0\.1:\d+\/docs/);
  });

  it('pairs screens with the printed codes (reusable), and a cash sale prints a receipt file', async () => {
    const { base, code } = link('pos');
    const tills = [await post(`${base}/api/pairing/setup`, {}, { setupCode: code, name: 'Till 1' }), await post(`${base}/api/pairing/setup`, {}, { setupCode: code, name: 'Till 2' })];
    expect(tills.map((till) => till.status)).toEqual([200, 200]);
    const kds = await post(`${base}/api/pairing/setup`, {}, { setupCode: link('kds').code, name: 'Expo' });
    expect(kds.json).toMatchObject({ role: 'kds', stationId: null });

    const device = { authorization: `Bearer ${(tills[0]?.json as { deviceToken: string }).deviceToken}` };
    const session = await post(`${base}/api/session`, device, { pin: demoStaff[0].pin });
    const headers = { ...device, 'x-staff-session': (session.json as { sessionToken: string }).sessionToken };
    const orderId = newId();
    const created = await post(`${base}/api/commands/order.create`, headers, {
      commandId: newId(),
      args: { orderId, channel: 'counter', diningOption: 'take_out', lines: [{ lineId: newId(), itemId: DEMO.lemonade, quantity: 1, modifierOptionIds: [DEMO.regular] }] },
    });
    const order = (created.json as { result: { order: Order } }).result.order;
    const paid = await post(`${base}/api/commands/payment.capture`, headers, { commandId: newId(), args: { orderId, paymentId: newId(), tender: 'cash', amount: order.totals.total, tendered: 2000 } });
    expect(paid.status).toBe(200);

    const printerDir = join(root, 'printer');
    const deadline = Date.now() + 10_000;
    let receipts: string[] = [];
    while (Date.now() < deadline) {
      receipts = readdirSync(printerDir).filter((file) => file.endsWith('-receipt.txt')).map((file) => readFileSync(join(printerDir, file), 'utf8'));
      if (receipts.some((text) => text.includes(`Order ${order.number}`))) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(receipts.some((text) => text.includes(`Order ${order.number}`))).toBe(true);
    expect(readFileSync(join(printerDir, 'drawer.log'), 'utf8')).toContain('pin 2');
  });

  it('runs the cloud, prints the dashboard, the ordering app and the owner login, and has enrolled its store', async () => {
    const cloud = /Dashboard\s+(http:\/\/[^\s]+)\/dashboard\/\s+owner login (\S+) \/ (\S+)/.exec(banner);
    if (!cloud?.[1] || !cloud[2] || !cloud[3]) throw new Error(`no dashboard line in:\n${banner}`);
    expect(cloud[1]).toBe(`http://127.0.0.1:${new URL(cloud[1]).port}`);
    const storeId = /Online orders\s+http:\/\/[^\s]+\/order\/([0-9a-f-]{36})/.exec(banner)?.[1];
    expect(storeId).toBeDefined();
    expect(banner).toMatch(/Cloud sync\s+enrolled, store [0-9a-f-]{36}/);
    const login = await post(`${cloud[1]}/api/auth/login`, {}, { email: cloud[2], password: cloud[3] });
    expect(login.status).toBe(200);
    const token = (login.json as { accessToken: string }).accessToken;
    // The receipt sale of the test before has gone up to the cloud: the owner's sales count it once.
    const deadline = Date.now() + 15_000;
    let orders = -1;
    while (Date.now() < deadline) {
      const sales = await fetch(`${cloud[1]}/api/stores/${storeId}/sales/today`, { headers: { authorization: `Bearer ${token}` } });
      orders = ((await sales.json()) as { orders: number }).orders;
      if (orders === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(orders).toBe(1);
  });

  it('stops cleanly on SIGTERM, the cloud with it', async () => {
    const cloudUrl = /Dashboard\s+(http:\/\/[^\s/]+)/.exec(banner)?.[1];
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(fetch(`${cloudUrl}/healthz`)).rejects.toThrow();
  });

  it('runs without a cloud when BRIGADE_DEMO_CLOUD=0, and its screens show no cloud badge', async () => {
    const alone = spawn(process.execPath, ['--import', 'tsx', 'edge/src/demo.ts'], {
      cwd: repoRoot,
      env: { ...process.env, BRIGADE_DEMO_CLOUD: '0', BRIGADE_DEMO_DEVICES: '0', BRIGADE_HUB_HOST: '127.0.0.1', BRIGADE_HUB_PORT: '0', BRIGADE_PRINTER_PORT: '0', BRIGADE_DATA_DIR: join(root, 'alone', 'edge'), BRIGADE_UI_DIST: join(root, 'no-ui') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    alone.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const stopped = new Promise((resolve) => alone.once('exit', resolve));
    try {
      await expect.poll(() => out.includes('Press Ctrl+C'), { timeout: 30_000 }).toBe(true);
      expect(out).not.toContain('Dashboard');
      expect(out).toMatch(/Cloud\s+none/);
      const pos = /(http:\/\/[^\s]+?)\/pos\/#setup=([A-Za-z0-9_-]+)/.exec(out);
      if (!pos?.[1] || !pos[2]) throw new Error(`no POS link in:\n${out}`);
      const till = await post(`${pos[1]}/api/pairing/setup`, {}, { setupCode: pos[2], name: 'Till' });
      const status = await fetch(`${pos[1]}/api/sync/status`, { headers: { authorization: `Bearer ${(till.json as { deviceToken: string }).deviceToken}` } });
      expect(await status.json()).toMatchObject({ cloud: 'none', online: false });
    } finally {
      alone.kill('SIGTERM');
      await stopped;
    }
  });
});
