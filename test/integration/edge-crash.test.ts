/**
 * Kill -9 the headless edge node the instant it answers a payment, restart it on the same
 * data folder, and check nothing was lost or doubled: the order, its outbox mutations and
 * its print jobs are there exactly once, and resending the same commandIds replays.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openEdgeStore } from '@brigade/edge';
import { DEMO, type Order, demoStaff, newId } from '@brigade/sync/model';
import { freePort } from '../support/free-port';
import { untilHealthy } from '../support/until-healthy';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const children: ChildProcess[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'brigade-crash-'));

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

interface Edge {
  child: ChildProcess;
  port: number;
  exited: Promise<number | null>;
}

async function startEdge(printerPort: number): Promise<Edge> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'edge/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      BRIGADE_DATA_DIR: dataDir,
      BRIGADE_HUB_HOST: '127.0.0.1',
      BRIGADE_HUB_PORT: String(port),
      BRIGADE_LOG_LEVEL: 'warn',
      // The printer is switched off, so every print job stays queued where we can count it.
      BRIGADE_PRINTERS: JSON.stringify([{ id: 'front', role: 'receipt', host: '127.0.0.1', port: printerPort }]),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await untilHealthy(child, `http://127.0.0.1:${port}`, 30_000, () => stderr);
  return { child, port, exited };
}

/** POSTs JSON; `onResponse` runs the instant the response headers arrive, before the body is read. */
function post(port: number, path: string, headers: Record<string, string>, body: unknown, onResponse?: () => void): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      onResponse?.();
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as unknown }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

function countRows(orderId: string): { jobs: Record<string, number>; outbox: string[]; orders: number; payments: number } {
  const db = new Database(join(dataDir, 'brigade-edge.sqlite'), { readonly: true });
  try {
    const jobs: Record<string, number> = {};
    for (const row of db.prepare('SELECT kind, count(*) AS n FROM print_jobs WHERE order_id = ? GROUP BY kind').all(orderId) as { kind: string; n: number }[]) jobs[row.kind] = row.n;
    // One key per domain fact: an order version, or an audit entry of one action.
    const outbox = (db.prepare("SELECT name, args FROM outbox WHERE args LIKE '%' || ? || '%' ORDER BY seq").all(orderId) as { name: string; args: string }[]).map((row) => {
      const args = JSON.parse(row.args) as { version?: number; action?: string };
      if (row.name === 'order.snapshot') return `order.snapshot v${args.version}`;
      if (row.name === 'audit.append') return `audit ${args.action}`;
      return row.name;
    });
    const orders = (db.prepare('SELECT count(*) AS n FROM orders WHERE id = ?').get(orderId) as { n: number }).n;
    const payments = (db.prepare('SELECT count(*) AS n FROM payments WHERE order_id = ?').get(orderId) as { n: number }).n;
    return { jobs, outbox, orders, payments };
  } finally {
    db.close();
  }
}

describe('the edge node killed with SIGKILL right after answering', () => {
  it('keeps the order, its outbox rows and its print jobs exactly once, and replays the same commandIds', async () => {
    const seeded = openEdgeStore({ dataDir, seedDemo: true });
    const setupCode = seeded.auth.createSetupCode('pos');
    seeded.close();
    const printerPort = await freePort();

    const first = await startEdge(printerPort);
    const paired = await post(first.port, '/api/pairing/setup', {}, { setupCode, name: 'Counter 1' });
    expect(paired.status).toBe(200);
    const device = { authorization: `Bearer ${(paired.json as { deviceToken: string }).deviceToken}` };
    const session = await post(first.port, '/api/session', device, { pin: demoStaff[0].pin });
    expect(session.status).toBe(200);
    const headers = { ...device, 'x-staff-session': (session.json as { sessionToken: string }).sessionToken };

    const orderId = newId();
    const create = {
      commandId: newId(),
      args: { orderId, channel: 'counter', diningOption: 'eat_in', lines: [
        { lineId: newId(), itemId: DEMO.burger, quantity: 1, modifierOptionIds: [DEMO.rare] },
        { lineId: newId(), itemId: DEMO.cola, quantity: 2, modifierOptionIds: [DEMO.small] },
      ] },
    };
    const created = await post(first.port, '/api/commands/order.create', headers, create);
    expect(created.status).toBe(200);
    const total = (created.json as { result: { order: Order } }).result.order.totals.total;
    const capture = { commandId: newId(), args: { orderId, paymentId: newId(), tender: 'cash', amount: total, tendered: total + 500 } };
    const captured = await post(first.port, '/api/commands/payment.capture', headers, capture, () => first.child.kill('SIGKILL'));
    expect(captured.status).toBe(200);
    await first.exited;
    expect(first.child.signalCode).toBe('SIGKILL');

    const afterCrash = countRows(orderId);
    expect(afterCrash.orders).toBe(1);
    expect(afterCrash.payments).toBe(1);
    expect(afterCrash.jobs).toMatchObject({ receipt: 1, drawer: 1 });
    expect(afterCrash.jobs.kitchen ?? 0).toBeGreaterThanOrEqual(1);
    expect(afterCrash.outbox).toContain('audit order.create');
    expect(afterCrash.outbox).toContain('audit payment.capture');
    expect(afterCrash.outbox).toContain('order.snapshot v1');
    expect(new Set(afterCrash.outbox).size).toBe(afterCrash.outbox.length);

    const second = await startEdge(printerPort);
    const createdAgain = await post(second.port, '/api/commands/order.create', headers, create);
    const capturedAgain = await post(second.port, '/api/commands/payment.capture', headers, capture);
    expect(createdAgain.status).toBe(200);
    expect(capturedAgain.status).toBe(200);
    expect(createdAgain.json).toEqual({ ...(created.json as object), replayed: true });
    expect(capturedAgain.json).toEqual({ ...(captured.json as object), replayed: true });
    expect(countRows(orderId)).toEqual(afterCrash);

    // A graceful stop this time: SIGTERM closes the hub, the print runner and the database.
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
