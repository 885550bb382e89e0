/**
 * Hub benchmarks (issue "The store runs"):
 * 1. durable orders/s and latency through the hub's HTTP API at 1, 10 and 50 concurrent
 *    clients, beside the raw better-sqlite3 rate for the same row writes, in the same run;
 * 2. order → KDS event latency with 50 KDS sockets connected, at 100 orders/s;
 * 3. cold start to accepting orders, and resident memory, with 10,000 orders in the database.
 * Run: `npm run bench -- hub` (`-- --only=kds` for one part). Prints markdown for docs/benchmarks.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { DATABASE_FILE } from '@brigade/edge';
import { newId } from '@brigade/sync/model';
import { APPLIANCE_NODE_FLAGS, buildHeadless } from '../../edge/src/ops/build-headless';
import { machineLine, pairScreen, percentile, startEdgeProcess } from './support/edge-process';
import { createOrdersUntil, orderBody, post, prepareDataDir } from './support/hub-load';

const quick = process.argv.includes('--quick');
const DURATION_MS = quick ? 1_500 : 5_000;

function tableRowCounts(db: Database.Database): Map<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'").all() as { name: string }[];
  return new Map(tables.map(({ name }) => [name, (db.prepare(`SELECT max(rowid) AS n FROM "${name}"`).get() as { n: number | null }).n ?? 0]));
}

/**
 * The raw rate: the rows the hub wrote for `orders` orders, inserted again into a database
 * with the same tables, indexes, triggers and pragmas, one transaction per order — the same
 * writes without HTTP, validation, pricing, reads or events.
 */
function rawReplayRate(dbFile: string, before: Map<string, number>, orders: number): number {
  const source = new Database(dbFile, { readonly: true });
  const dir = mkdtempSync(join(tmpdir(), 'brigade-raw-'));
  const target = new Database(join(dir, 'raw.sqlite'));
  target.pragma('journal_mode = WAL');
  target.pragma('synchronous = FULL');
  const schema = source.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL AND name NOT LIKE 'sqlite_%'").all() as { sql: string }[];
  for (const { sql } of schema) target.exec(sql);
  const perTable: { insert: Database.Statement; rows: unknown[][] }[] = [];
  const copyExisting = target.transaction(() => {
    target.pragma('defer_foreign_keys = ON');
    for (const [table, startRowid] of before) {
      const columns = source.prepare(`SELECT * FROM "${table}" LIMIT 1`).columns().length;
      if (columns === 0) continue;
      const insert = target.prepare(`INSERT INTO "${table}" VALUES (${Array(columns).fill('?').join(', ')})`);
      // The state before the run, copied untimed, so the replayed rows find what they refer to.
      for (const row of source.prepare(`SELECT * FROM "${table}" WHERE rowid <= ?`).raw().all(startRowid) as unknown[][]) insert.run(...row);
      const rows = source.prepare(`SELECT * FROM "${table}" WHERE rowid > ?`).raw().all(startRowid) as unknown[][];
      if (rows.length > 0) perTable.push({ insert, rows });
    }
  });
  copyExisting();
  // Indexes and triggers after the bulk copy: the replayed writes maintain them as the hub's do.
  const extras = source.prepare("SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL").all() as { sql: string }[];
  for (const { sql } of extras) target.exec(sql);
  source.close();
  const writeOrder = target.transaction((i: number) => {
    // Checked at commit, as one command's rows are consistent only as a whole.
    target.pragma('defer_foreign_keys = ON');
    for (const { insert, rows } of perTable) {
      const share = rows.length / orders;
      for (let r = Math.floor(i * share); r < Math.floor((i + 1) * share); r += 1) insert.run(...(rows[r] ?? []));
    }
  });
  const started = performance.now();
  for (let i = 0; i < orders; i += 1) writeOrder(i);
  const seconds = (performance.now() - started) / 1000;
  target.close();
  rmSync(dir, { recursive: true, force: true });
  return orders / seconds;
}

async function throughput(): Promise<string[]> {
  const rows = ['| clients | orders/s (hub, HTTP) | p50 ms | p99 ms | raw better-sqlite3 orders/s (same writes) | hub ÷ raw |', '|---:|---:|---:|---:|---:|---:|'];
  for (const clients of [1, 10, 50]) {
    const { dataDir, kioskCode } = await prepareDataDir(0);
    const edge = await startEdgeProcess(dataDir);
    const { deviceToken } = await pairScreen(edge.baseUrl, kioskCode, 'bench kiosk');
    // Warm up the JIT and the connection pool.
    for (let i = 0; i < 50; i += 1) await post(edge.baseUrl, deviceToken, 'order.create', orderBody());
    const probe = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    const before = tableRowCounts(probe);
    probe.close();
    const started = performance.now();
    const { latencies, failures } = await createOrdersUntil(edge.baseUrl, deviceToken, clients, started + DURATION_MS);
    const seconds = (performance.now() - started) / 1000;
    await edge.stop();
    if (failures > 0) throw new Error(`${failures} orders were refused during the run`);
    latencies.sort((a, b) => a - b);
    const hubRate = latencies.length / seconds;
    const rawRate = rawReplayRate(join(dataDir, DATABASE_FILE), before, latencies.length);
    rows.push(`| ${clients} | ${hubRate.toFixed(0)} | ${percentile(latencies, 50).toFixed(2)} | ${percentile(latencies, 99).toFixed(2)} | ${rawRate.toFixed(0)} | ${(hubRate / rawRate).toFixed(2)} |`);
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

async function kdsLatency(): Promise<string[]> {
  const SOCKETS = 50;
  const RATE = 100;
  const ORDERS = quick ? 200 : 1_000;
  const { dataDir, kioskCode, kdsTokens } = await prepareDataDir(0, SOCKETS);
  const edge = await startEdgeProcess(dataDir);
  const { deviceToken } = await pairScreen(edge.baseUrl, kioskCode, 'bench kiosk');
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const sockets: WebSocket[] = [];
  for (const kdsToken of kdsTokens) {
    const socket = new WebSocket(`ws://127.0.0.1:${edge.port}/ws?token=${encodeURIComponent(kdsToken)}&since=0`);
    const seen = new Set<string>();
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { type: string; ticket?: { orderId: string } };
      if (message.type !== 'ticket.updated' || !message.ticket) return;
      const t0 = sentAt.get(message.ticket.orderId);
      // One figure per order per socket: the first ticket of the order reaching the screen.
      if (t0 === undefined || seen.has(message.ticket.orderId)) return;
      seen.add(message.ticket.orderId);
      latencies.push(performance.now() - t0);
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    sockets.push(socket);
  }
  // Orders are created ahead; the measured command is the card payment that fires them.
  const orders: { orderId: string; total: number }[] = [];
  for (let i = 0; i < ORDERS; i += 1) {
    const body = orderBody();
    const created = await post(edge.baseUrl, deviceToken, 'order.create', body);
    if (created.status !== 200) throw new Error(`order.create failed: ${JSON.stringify(created.json)}`);
    const { result } = created.json as { result: { order: { totals: { total: number } } } };
    orders.push({ orderId: body.args.orderId, total: result.order.totals.total });
  }
  const started = performance.now();
  const inflight: Promise<unknown>[] = [];
  for (let i = 0; i < orders.length; i += 1) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const { orderId, total } = orders[i] as { orderId: string; total: number };
    sentAt.set(orderId, performance.now());
    inflight.push(post(edge.baseUrl, deviceToken, 'payment.capture', { commandId: newId(), args: { orderId, paymentId: newId(), tender: 'card', amount: total } }));
  }
  await Promise.all(inflight);
  const deadline = Date.now() + 5_000;
  while (latencies.length < orders.length * SOCKETS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  for (const socket of sockets) socket.close();
  await edge.stop();
  rmSync(dataDir, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  const expected = orders.length * SOCKETS;
  return [
    '| KDS sockets | orders/s | events expected | events received | p50 ms | p99 ms | max ms |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    `| ${SOCKETS} | ${RATE} | ${expected} | ${latencies.length} | ${percentile(latencies, 50).toFixed(2)} | ${percentile(latencies, 99).toFixed(2)} | ${(latencies.at(-1) ?? Number.NaN).toFixed(2)} |`,
  ];
}

async function coldStart(): Promise<string[]> {
  const ORDERS = quick ? 1_000 : 10_000;
  const { dataDir, kioskCode } = await prepareDataDir(ORDERS);
  const bundle = await buildHeadless();
  const rows = ['| runs | orders in database | spawn → healthy ms | spawn → first order accepted ms | RSS after 200 more orders MB |', '|---|---:|---:|---:|---:|'];
  for (const [label, entry] of [['compiled service (`node --max-semi-space-size=4 edge/dist/main.mjs`, as systemd runs it)', { bundle }], ['TypeScript through tsx (`npm run headless`)', 'tsx']] as const) {
    // The compiled service starts with the appliance's node flags, as systemd starts it.
    const edge = await startEdgeProcess(dataDir, {}, entry, entry === 'tsx' ? [] : APPLIANCE_NODE_FLAGS);
    const { deviceToken } = await pairScreen(edge.baseUrl, kioskCode, 'bench kiosk');
    const first = await post(edge.baseUrl, deviceToken, 'order.create', orderBody());
    const acceptingAfterMs = performance.now() - edge.spawnedAt;
    if (first.status !== 200) throw new Error(`first order refused: ${JSON.stringify(first.json)}`);
    // Resident memory after some steady traffic, not just after boot.
    for (let i = 0; i < 200; i += 1) await post(edge.baseUrl, deviceToken, 'order.create', orderBody());
    const rss = edge.rssBytes();
    await edge.stop();
    rows.push(`| ${label} | ${ORDERS} | ${edge.healthyAfterMs.toFixed(0)} | ${acceptingAfterMs.toFixed(0)} | ${(rss / 1024 / 1024).toFixed(1)} |`);
  }
  rmSync(dataDir, { recursive: true, force: true });
  return rows;
}

// `--only=kds` (or throughput, cold) runs one part, to look at one figure while changing the code.
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const out: string[] = [`Machine: ${machineLine()}${quick ? ' (quick run)' : ''}`, ''];
if (!only || only === 'throughput') out.push('### Durable orders through the hub', '', ...(await throughput()), '');
if (!only || only === 'kds') out.push('### Order → KDS event latency', '', ...(await kdsLatency()), '');
if (!only || only === 'cold') out.push('### Cold start and memory', '', ...(await coldStart()), '');
process.stdout.write(`${out.join('\n')}\n`);
