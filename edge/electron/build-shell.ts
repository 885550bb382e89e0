/**
 * Compiles the Electron shell for packaging: Electron runs JavaScript, not our TypeScript.
 * Our own code (edge, sync, drivers) is bundled in; every npm package stays an ordinary
 * `node_modules` import, because several ship files or native addons beside their code
 * (better-sqlite3, usb, swagger-ui's assets). Run before electron-builder:
 * `tsx edge/electron/build-shell.ts`.
 */
import { readFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Plugin, build } from 'esbuild';

/** Where the packaged app's entry point is written (electron-builder.yml points here). */
export const SHELL_MAIN = 'edge/electron/dist/main.mjs';
export const SHELL_PRELOAD = 'edge/electron/dist/preload.cjs';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Bare imports stay external, except our workspaces, which are TypeScript and must be compiled. */
export const npmPackagesExternal: Plugin = {
  name: 'npm-packages-external',
  setup(context) {
    context.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@brigade/') ? undefined : { path: args.path, external: true }));
  },
};

/**
 * Our code finds its files relative to itself (`new URL('./migrations', import.meta.url)`).
 * In one bundle every module would share the bundle's URL, so each module's `import.meta.url`
 * is rewritten to where its source file sits relative to the bundle; the packaged app keeps
 * the sources' folders (migrations, ui/dist) at the same relative places.
 */
export function keepModuleUrls(outDir: string): Plugin {
  return {
    name: 'keep-module-urls',
    setup(context) {
      context.onLoad({ filter: /\.ts$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const fromBundle = relative(outDir, args.path).split('\\').join('/');
        return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`), loader: 'ts', resolveDir: dirname(args.path) };
      });
    },
  };
}

export async function buildShell(outDir = `${repoRoot}edge/electron/dist`): Promise<{ main: string; preload: string }> {
  const main = `${outDir}/main.mjs`;
  const preload = `${outDir}/preload.cjs`;
  await build({
    entryPoints: [`${repoRoot}edge/electron/main.ts`],
    outfile: main,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    plugins: [npmPackagesExternal, keepModuleUrls(outDir)],
    logLevel: 'warning',
  });
  // A sandboxed preload is loaded as CommonJS and may require only 'electron'.
  await build({
    entryPoints: [`${repoRoot}edge/electron/preload.ts`],
    outfile: preload,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron'],
    logLevel: 'warning',
  });
  return { main, preload };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { main, preload } = await buildShell();
  process.stdout.write(`Electron shell built: ${main}, ${preload}\n`);
}
