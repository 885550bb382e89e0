/**
 * Serves the two cloud apps built by `ui/vite.cloud.config.ts`: the online-ordering PWA at
 * `/order/` and the owner dashboard at `/dashboard/`. Any path under a prefix that is not a
 * file gets the app's index.html (the apps route on the client), except asset-like paths,
 * which get a real 404 so a stale cached page never runs HTML as a script. Hashed assets are
 * cached for a year; index.html, the service worker and the manifest are revalidated every
 * time, so a new build reaches phones on their next visit.
 */
import { statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

export const CLOUD_UI_DIR = process.env.BRIGADE_CLOUD_UI_DIR ?? fileURLToPath(new URL('../../ui/dist-cloud/', import.meta.url));

const APPS = [
  { prefix: '/order', folder: 'order', title: 'online-ordering app' },
  { prefix: '/dashboard', folder: 'dashboard', title: 'owner dashboard' },
] as const;

const ALWAYS_REVALIDATE = new Set(['index.html', 'sw.js', 'registerSW.js', 'manifest.webmanifest']);

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export async function registerStaticApps(app: FastifyInstance, options: { readonly dir?: string } = {}): Promise<void> {
  const base = options.dir ?? CLOUD_UI_DIR;
  // Encapsulated, so this `sendFile` never clashes with another plugin's static files (the API docs).
  await app.register(async (scope) => {
    await scope.register(fastifyStatic, { root: base, serve: false });
    for (const { prefix, folder, title } of APPS) {
      const root = resolve(base, folder);
      const send = (reply: FastifyReply, file: string) => {
        const immutable = file.startsWith('assets/');
        const headers = { 'cache-control': immutable ? 'public, max-age=31536000, immutable' : ALWAYS_REVALIDATE.has(file) ? 'no-cache' : 'public, max-age=3600' };
        return reply.headers(headers).sendFile(file, root, { cacheControl: false });
      };
      scope.get(prefix, { schema: { hide: true } }, (_request, reply) => reply.redirect(`${prefix}/`, 301));
      scope.get(`${prefix}/*`, { schema: { hide: true } }, (request, reply) => {
        if (!isFile(resolve(root, 'index.html'))) {
          return reply.status(503).type('text/plain; charset=utf-8').send(`The ${title} is not built. Run npm run build:ui.`);
        }
        const wanted = (request.params as { '*': string })['*'];
        const path = resolve(root, wanted);
        // resolve() folds any `..`; anything outside the app's folder is treated as not there.
        if (wanted !== '' && path.startsWith(root + sep) && isFile(path)) return send(reply, wanted);
        if (/\.[a-z0-9]{1,8}$/i.test(wanted) || wanted.startsWith('assets/')) {
          return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
        }
        return send(reply, 'index.html');
      });
    }
  });
}
