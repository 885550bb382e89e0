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
