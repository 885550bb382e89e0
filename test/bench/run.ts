/**
 * `npm run bench [-- name…] [-- --quick]`: runs each benchmark script in its own process,
 * one after the other (so they do not compete for the two cores), and prints their
 * markdown. Figures go to docs/benchmarks.md with the command and the machine.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith('--'));
const wanted = args.filter((a) => !a.startsWith('--'));
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();
if (benches.length === 0) {
  process.stderr.write(`No benchmark matches ${wanted.join(', ')}.\n`);
  process.exit(2);
}
let failed = 0;
for (const name of benches) {
  process.stdout.write(`\n## ${name}\n\n`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${name}.bench.ts`, ...flags], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    process.stdout.write(`\n(${name} failed with exit code ${result.status})\n`);
  }
}
process.exit(failed === 0 ? 0 : 1);
