/**
 * Issue 4's crash case for printing: the edge node is killed with SIGKILL after a kitchen
 * ticket's bytes reached the printer but before the printer's status after the job came
 * back, so the job is left `sending`. On restart the job must become `uncertain` and print
 * exactly once more, with a REPRINT banner, and nothing else may be lost or doubled.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { type DecodedReceipt, type VirtualPrinter, startVirtualPrinter } from '@brigade/drivers/virtual';
import { openEdgeStore } from '@brigade/edge';
import { DEMO, type Order, demoStaff, newId } from '@brigade/sync/model';
import { freePort } from '../support/free-port';
import { untilHealthy } from '../support/until-healthy';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'brigade-print-crash-'));
const children: ChildProcess[] = [];
let printer: VirtualPrinter | undefined;

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await printer?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Edge {
  child: ChildProcess;
  port: number;
  exited: Promise<void>;
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
      BRIGADE_LOG_LEVEL: 'error',
      // Only the grill has a printer: the other jobs of the order have nowhere to go and stay queued.
      BRIGADE_PRINTERS: JSON.stringify([{ id: 'grill-printer', role: 'kitchen', host: '127.0.0.1', port: printerPort, stations: [DEMO.grill] }]),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await untilHealthy(child, `http://127.0.0.1:${port}`, 20_000, () => stderr);
  return { child, port, exited };
}

async function post(port: number, path: string, headers: Record<string, string>, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as unknown };
}

interface JobRow { id: string; kind: string; status: string; stationId: string | null; attempts: number }

function readJobs(orderId: string): { jobs: JobRow[]; orders: number } {
  const db = new Database(join(dataDir, 'brigade-edge.sqlite'), { readonly: true });
  try {
    const jobs = db.prepare('SELECT id, kind, status, station_id AS stationId, attempts FROM print_jobs WHERE order_id = ? ORDER BY id').all(orderId) as JobRow[];
    const orders = (db.prepare('SELECT count(*) AS n FROM orders WHERE id = ?').get(orderId) as { n: number }).n;
    return { jobs, orders };
  } finally {
    db.close();
  }
}

/** Polls the SQLite file until `done` holds; fails naming what it waited for. */
async function waitForJobs(orderId: string, what: string, done: (jobs: JobRow[]) => boolean, timeoutMs = 10_000): Promise<JobRow[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { jobs } = readJobs(orderId);
    if (done(jobs)) return jobs;
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms: ${JSON.stringify(jobs)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Places a paid counter order for one burger (grill) and one cola (drinks); returns its id. */
async function placeOrder(port: number, headers: Record<string, string>): Promise<string> {
  const orderId = newId();
  const created = await post(port, '/api/commands/order.create', headers, {
    commandId: newId(),
    args: { orderId, channel: 'counter', diningOption: 'eat_in', lines: [
      { lineId: newId(), itemId: DEMO.burger, quantity: 1, modifierOptionIds: [DEMO.rare] },
      { lineId: newId(), itemId: DEMO.cola, quantity: 1, modifierOptionIds: [DEMO.small] },
    ] },
  });
  expect(created.status).toBe(200);
  const total = (created.json as { result: { order: Order } }).result.order.totals.total;
  const captured = await post(port, '/api/commands/payment.capture', headers, { commandId: newId(), args: { orderId, paymentId: newId(), tender: 'cash', amount: total, tendered: total } });
  expect(captured.status).toBe(200);
  return orderId;
}

function grillTickets(receipts: readonly DecodedReceipt[]): DecodedReceipt[] {
  return receipts.filter((r) => r.text.includes('Classic Burger'));
}

describe('the edge node killed with SIGKILL between sending a ticket and its printed status', () => {
  it('reprints the ticket exactly once with a REPRINT banner after the restart and loses nothing', async () => {
    const seeded = openEdgeStore({ dataDir, seedDemo: true });
    const setupCode = seeded.auth.createSetupCode('pos');
    seeded.close();
    const grill = await startVirtualPrinter({ port: 0, name: 'grill-printer' });
    printer = grill;

    const first = await startEdge(grill.port);
    // The instant the ticket has arrived whole (its cut), the printer stops answering, so the
    // runner waits for the status after the job; the edge dies right there, job still `sending`.
    const dieAfterBytes = (): void => {
      grill.off('receipt', dieAfterBytes);
      grill.setCondition('silent');
      first.child.kill('SIGKILL');
    };
    grill.on('receipt', dieAfterBytes);
    const paired = await post(first.port, '/api/pairing/setup', {}, { setupCode, name: 'Counter 1' });
    expect(paired.status).toBe(200);
    const device = { authorization: `Bearer ${(paired.json as { deviceToken: string }).deviceToken}` };
    const session = await post(first.port, '/api/session', device, { pin: demoStaff[0].pin });
    expect(session.status).toBe(200);
    const headers = { ...device, 'x-staff-session': (session.json as { sessionToken: string }).sessionToken };
    const orderId = await placeOrder(first.port, headers);

    await grill.waitForReceipts(1, 10_000);
    await first.exited;
    expect(first.child.signalCode).toBe('SIGKILL');
    const printedBeforeCrash = grillTickets(grill.receipts());
    expect(printedBeforeCrash).toHaveLength(1);
    expect(printedBeforeCrash[0]?.text).not.toContain('REPRINT');

    const afterCrash = readJobs(orderId);
    expect(afterCrash.orders).toBe(1);
    const grillJobs = afterCrash.jobs.filter((j) => j.kind === 'kitchen' && j.stationId === DEMO.grill);
    expect(grillJobs.map((j) => j.status)).toEqual(['sending']);
    const grillJobId = grillJobs[0]?.id;
    const otherJobs = afterCrash.jobs.filter((j) => j.id !== grillJobId);
    // Receipt and drawer jobs of the cash payment, and the drinks ticket: none has a printer here.
    expect(otherJobs.length).toBeGreaterThanOrEqual(2);
    expect(otherJobs.every((j) => j.status === 'queued')).toBe(true);
    expect(new Set(afterCrash.jobs.map((j) => j.id)).size).toBe(afterCrash.jobs.length);

    // Restart with the printer still unreachable, so the recovered state can be seen before it prints.
    grill.setCondition('offline');
    const second = await startEdge(grill.port);
    const recovered = await waitForJobs(orderId, 'the interrupted grill ticket marked uncertain', (jobs) => jobs.some((j) => j.id === grillJobId && j.status === 'uncertain'));
    expect(recovered.filter((j) => j.id !== grillJobId).map((j) => [j.id, j.status])).toEqual(otherJobs.map((j) => [j.id, j.status]));
    expect(grill.receipts()).toHaveLength(1);
    grill.setCondition('ready');
    const reprinted = await grill.waitForReceipts(2, 15_000);
    expect(grillTickets(reprinted)).toHaveLength(2);
    expect(reprinted[1]?.text).toContain('REPRINT');
    expect(reprinted[1]?.text).toContain('Classic Burger');
    await waitForJobs(orderId, 'the grill ticket marked printed', (jobs) => jobs.some((j) => j.id === grillJobId && j.status === 'printed'));

    // A later order prints through the same runner: proof the lane has moved on since the reprint.
    const laterOrderId = await placeOrder(second.port, headers);
    const afterLater = await grill.waitForReceipts(3, 10_000);
    await waitForJobs(laterOrderId, 'the later grill ticket marked printed', (jobs) => jobs.some((j) => j.kind === 'kitchen' && j.stationId === DEMO.grill && j.status === 'printed'));
    expect(afterLater[2]?.text).not.toContain('REPRINT');
    // A few retry passes (2 s apart by default): an uncertain job printed twice would show up here.
    await new Promise((resolve) => setTimeout(resolve, 4500));
    expect(grill.receipts()).toHaveLength(3);
    expect(grill.decodeErrors()).toEqual([]);

    const end = readJobs(orderId);
    expect(end.orders).toBe(1);
    expect(end.jobs.find((j) => j.id === grillJobId)?.status).toBe('printed');
    // Every other job of the order is still there, once, as the crash left it.
    expect(end.jobs.filter((j) => j.id !== grillJobId).map((j) => j.id)).toEqual(otherJobs.map((j) => j.id));

    second.child.kill('SIGTERM');
    await second.exited;
    expect(second.child.exitCode).toBe(0);
  }, 40_000);
});
