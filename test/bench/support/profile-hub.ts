/**
 * A CPU profile of the hub under the benchmark's order load, to see where each order's time
 * goes before and after a change: `tsx test/bench/support/profile-hub.ts [clients] [seconds] [--pay]`.
 * `--pay` profiles the card payments that fire orders (the KDS path) instead of order.create.
 * Prints self time by package or file and the hottest functions.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '@brigade/sync/model';
import { pairScreen, startEdgeProcess } from './edge-process';
import { createOrdersUntil, orderBody, post, prepareDataDir } from './hub-load';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const numbers = process.argv.slice(2).filter((a) => !a.startsWith('--')).map(Number);
const clients = numbers[0] ?? 10;
const seconds = numbers[1] ?? 5;
const pay = process.argv.includes('--pay');
// --no-profile: only the hub's CPU time per command, without the profiler's own overhead.
const profiling = !process.argv.includes('--no-profile');

/** CPU time (user + system) the process has used so far, in ms; counted by the kernel, so a busy machine does not inflate it. */
function cpuMsOf(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime, fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

const profileDir = mkdtempSync(join(tmpdir(), 'brigade-profile-'));
const { dataDir, kioskCode } = await prepareDataDir(0);
const edge = await startEdgeProcess(dataDir, {}, 'tsx', profiling ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
const { deviceToken } = await pairScreen(edge.baseUrl, kioskCode, 'profile kiosk');
let done = 0;
let cpuMs = 0;
if (pay) {
  const orders: { orderId: string; total: number }[] = [];
  for (let i = 0; i < 100 * seconds; i += 1) {
    const body = orderBody();
    const created = await post(edge.baseUrl, deviceToken, 'order.create', body);
    const { result } = created.json as { result: { order: { totals: { total: number } } } };
    orders.push({ orderId: body.args.orderId, total: result.order.totals.total });
  }
  const cpuBefore = cpuMsOf(edge.child.pid);
  for (let i = 0; i < orders.length; i += clients) {
    await Promise.all(orders.slice(i, i + clients).map(({ orderId, total }) =>
      post(edge.baseUrl, deviceToken, 'payment.capture', { commandId: newId(), args: { orderId, paymentId: newId(), tender: 'card', amount: total } })));
  }
  cpuMs = cpuMsOf(edge.child.pid) - cpuBefore;
  done = orders.length;
} else {
  // Warm-up, as the benchmark does, so the JIT's first compilations are not counted.
  await createOrdersUntil(edge.baseUrl, deviceToken, clients, performance.now() + 500);
  const cpuBefore = cpuMsOf(edge.child.pid);
  const { latencies } = await createOrdersUntil(edge.baseUrl, deviceToken, clients, performance.now() + seconds * 1000);
  cpuMs = cpuMsOf(edge.child.pid) - cpuBefore;
  done = latencies.length;
}
await edge.stop();
rmSync(dataDir, { recursive: true, force: true });
const what = pay ? 'payment.capture (card, fires)' : 'order.create';
process.stdout.write(`${what}: ${done} commands, ${clients} clients; hub CPU ${cpuMs.toFixed(0)} ms = ${(cpuMs / done).toFixed(3)} ms per command${profiling ? ' (profiler on)' : ''}\n`);
if (!profiling) process.exit(0);

const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error('the hub wrote no profile');
// KEEP_PROFILE=path keeps the raw profile (for Chrome DevTools or a closer look by caller).
if (process.env.KEEP_PROFILE) copyFileSync(join(profileDir, file), process.env.KEEP_PROFILE);
const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as CpuProfile;
rmSync(profileDir, { recursive: true, force: true });

// Start-up (module loading, compiling TypeScript, migrations) is not an order's cost: samples
// count from the first command the hub ran.
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const nodeById = new Map(profile.nodes.map((n) => [n.id, n]));
const inCommand = (id: number): boolean => {
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const frame = nodeById.get(at)?.callFrame;
    if (frame?.functionName === 'execute' && frame.url.endsWith('command-executor.ts')) return true;
  }
  return false;
};
const firstCommand = Math.max(0, profile.samples.findIndex(inCommand));
const selfMs = new Map<number, number>();
profile.samples.forEach((id, i) => {
  if (i >= firstCommand) selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
});
const byArea = new Map<string, number>();
const byFunction = new Map<string, number>();
let busy = 0;
for (const node of profile.nodes) {
  const ms = selfMs.get(node.id) ?? 0;
  const { functionName, url, lineNumber } = node.callFrame;
  // Idle time is the event loop waiting, not work.
  if (functionName === '(idle)') continue;
  busy += ms;
  const area = areaOf(url, functionName);
  byArea.set(area, (byArea.get(area) ?? 0) + ms);
  const key = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
}

function areaOf(url: string, name: string): string {
  if (url === '') return name.startsWith('(') ? name : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.startsWith('node:')) return 'node core';
  const own = /\/(edge|sync)\/(src\/)?(.+)$/.exec(url);
  return own ? `${own[1]}/${own[3]}` : url;
}

const top = (map: Map<string, number>, n: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
const lines = [
  `${what}: ${done} commands, ${clients} clients; hub busy ${busy.toFixed(0)} ms from the first command on = ${(busy / done).toFixed(3)} ms per command`,
  '',
  '| area | ms | % of busy |',
  '|---|---:|---:|',
  ...top(byArea, 25).map(([k, v]) => `| ${k} | ${v.toFixed(0)} | ${((100 * v) / busy).toFixed(1)} |`),
  '',
  '| function | ms | % |',
  '|---|---:|---:|',
  ...top(byFunction, 40).map(([k, v]) => `| ${k} | ${v.toFixed(0)} | ${((100 * v) / busy).toFixed(1)} |`),
];
process.stdout.write(`${lines.join('\n')}\n`);
