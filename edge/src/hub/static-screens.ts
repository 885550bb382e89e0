/**
 * Serves the built screens (`ui/dist`, a Vite multi-page build): `/pos/`, `/kiosk/`, `/kds/`,
 * each a single-page app whose unknown paths fall back to its own index.html. When the UI
 * has not been built the hub still runs and says how to build it.
 */
import { existsSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { errorBody } from './error-handler';

export const SCREEN_APPS = ['pos', 'kiosk', 'kds'] as const;

const notBuiltPage = (app: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Brigade — screens not built</title></head>
<body style="font-family:system-ui;max-width:40rem;margin:4rem auto;line-height:1.5">
<h1>The ${app.toUpperCase()} screen has not been built yet</h1>
<p>The store hub is running, but the screens are missing. In the Brigade folder run:</p>
<pre style="background:#eee;padding:1rem">npm run build:ui</pre>
<p>then reload this page. The hub API is working: see <a href="/docs">/docs</a>.</p>
</body></html>`;

/** The file under `root` that `urlPath` names, or null when there is none (or it escapes root). */
function existingFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const absolute = resolve(root, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  const inside = relative(root, absolute);
  if (inside === '' || inside.startsWith('..') || inside.includes(`..${sep}`)) return null;
  try {
    return statSync(absolute).isFile() ? inside : null;
  } catch {
    return null;
  }
}

export async function registerStaticScreens(app: FastifyInstance, uiDistDir: string): Promise<void> {
  const root = resolve(uiDistDir);
  // `serve: false`: we only want reply.sendFile; the routes below decide what to send.
  await app.register(fastifyStatic, { root, serve: false });
  const built = (): boolean => existsSync(root);

  const sendOrMiss = (reply: FastifyReply, path: string): FastifyReply => {
    const file = built() ? existingFile(root, path) : null;
    if (file === null) return reply.status(404).send(errorBody('NOT_FOUND'));
    // Vite names assets by content hash: a screen may keep them forever.
    if (file.startsWith(`assets${sep}`)) return reply.sendFile(file, { maxAge: '365d', immutable: true });
    return reply.sendFile(file);
  };

  app.get('/', { schema: { hide: true } }, (_request, reply) => reply.redirect('/pos/'));

  for (const screen of SCREEN_APPS) {
    app.get(`/${screen}`, { schema: { hide: true } }, (_request, reply) => reply.redirect(`/${screen}/`));
    app.get(`/${screen}/*`, { schema: { hide: true } }, (request, reply) => {
      if (!built() || !existsSync(resolve(root, screen, 'index.html'))) {
        return reply.type('text/html; charset=utf-8').send(notBuiltPage(screen));
      }
      const path = request.url.split('?')[0] ?? '/';
      const file = existingFile(root, path);
      if (file !== null) return reply.sendFile(file);
      // The build links assets relatively (../assets/…): from a deep link they resolve under
      // the app's path, so look for them in the shared assets folder. A missing asset is a
      // 404, never the app's page (a browser would try to run HTML as a script).
      const asset = /\/assets\/(.+)$/.exec(path);
      if (asset?.[1] !== undefined) return sendOrMiss(reply, `/assets/${asset[1]}`);
      // SPA fallback: a deep link inside the app is the app's own page.
      return reply.sendFile(`${screen}/index.html`);
    });
  }

  // Shared chunks and other top-level files of the build (assets/, favicon, manifest).
  app.get('/*', { schema: { hide: true } }, (request, reply) => sendOrMiss(reply, request.url.split('?')[0] ?? '/'));
}
