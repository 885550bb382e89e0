/**
 * Where the compiled service's resident memory goes: `tsx test/bench/support/probe-memory.ts [orders]`.
 * Starts `edge/dist/main.mjs` on a store holding that many orders, sends 200 more, and prints
 * the kernel's split of resident memory (anonymous: heaps and SQLite's cache; file: mapped code).
 */
import { readFileSync, rmSync } from 'node:fs';
import { buildHeadless } from '../../../edge/src/ops/build-headless';
import { pairScreen, startEdgeProcess } from './edge-process';
import { orderBody, post, prepareDataDir } from './hub-load';

const orders = Number(process.argv[2] ?? 10_000);
const { dataDir, kioskCode } = await prepareDataDir(orders);
const bundle = await buildHeadless();
// Extra node flags after the order count, e.g. --import a script that prints process.memoryUsage().
const edge = await startEdgeProcess(dataDir, {}, { bundle }, process.argv.slice(3));
const { deviceToken } = await pairScreen(edge.baseUrl, kioskCode, 'probe kiosk');
const status = (): string => {
  const text = readFileSync(`/proc/${edge.child.pid}/status`, 'utf8');
  return ['VmRSS', 'RssAnon', 'RssFile', 'VmHWM'].map((k) => `${k} ${new RegExp(`${k}:\\s+(\\d+) kB`).exec(text)?.[1] ?? '?'} kB`).join(', ');
};
process.stdout.write(`healthy after ${edge.healthyAfterMs.toFixed(0)} ms: ${status()}\n`);
for (let i = 0; i < 200; i += 1) await post(edge.baseUrl, deviceToken, 'order.create', orderBody());
process.stdout.write(`after 200 orders: ${status()}\n`);
await edge.stop();
rmSync(dataDir, { recursive: true, force: true });
