/**
 * Compiles the headless edge node (`edge/src/main.ts`) into one JavaScript file for the
 * appliance's service, so a restart does not spend its first second compiling TypeScript.
 * npm packages stay ordinary imports from node_modules (native addons, shipped assets), as in
 * the Electron build. Run: `npm run build:appliance` → edge/dist/main.mjs.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { keepModuleUrls, npmPackagesExternal } from '../../electron/build-shell';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const HEADLESS_MAIN = 'edge/dist/main.mjs';
/**
 * Node flags the appliance's service starts with (installer/systemd/brigade-edge.service).
 * V8's young generation defaults to 16 MB semi-spaces, about 32 MB of a small service's
 * memory; 4 MB keeps the store's resident memory under its 150 MB budget with no measurable
 * CPU cost for a workload of small, short-lived objects (see docs/benchmarks.md).
 */
export const APPLIANCE_NODE_FLAGS = ['--max-semi-space-size=4'] as const;

export async function buildHeadless(outDir = `${repoRoot}edge/dist`): Promise<string> {
  const outfile = `${outDir}/main.mjs`;
  await build({
    entryPoints: [`${repoRoot}edge/src/main.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [npmPackagesExternal, keepModuleUrls(outDir)],
    logLevel: 'warning',
  });
  return outfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`Headless edge node built: ${await buildHeadless()}\n`);
}
