import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerStaticApps } from './static-apps';

describe('the cloud serves the PWA and the dashboard', () => {
  let dir: string;
  let app: FastifyInstance;
  let empty: FastifyInstance;
  const page = (name: string) => `<!doctype html><title>${name}-${Math.random()}</title>`;
  const pages = { order: page('order'), dashboard: page('dashboard') };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'brigade-static-'));
    for (const folder of ['order', 'dashboard'] as const) {
      mkdirSync(join(dir, folder, 'assets'), { recursive: true });
      writeFileSync(join(dir, folder, 'index.html'), pages[folder]);
      writeFileSync(join(dir, folder, 'assets', 'app-1234.js'), `console.log(${JSON.stringify(folder)})`);
    }
    writeFileSync(join(dir, 'order', 'sw.js'), 'self.addEventListener("fetch", () => {})');
    writeFileSync(join(dir, 'secret.txt'), 'outside both apps');
    app = Fastify();
    await registerStaticApps(app, { dir });
    empty = Fastify();
    await registerStaticApps(empty, { dir: join(dir, 'missing') });
  });
  afterAll(async () => {
    await app.close();
    await empty.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers each prefix with its own index.html, and deep links too (SPA fallback)', async () => {
    for (const [url, body] of [['/order/', pages.order], ['/dashboard/', pages.dashboard], ['/order/some-store/track/an-order', pages.order], ['/dashboard/stores/x', pages.dashboard]] as const) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toBe(body);
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('redirects the bare prefix to the folder, so relative URLs resolve under it', async () => {
    const response = await app.inject({ url: '/order' });
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe('/order/');
  });

  it('serves hashed assets for a year and the service worker revalidated', async () => {
    const asset = await app.inject({ url: '/dashboard/assets/app-1234.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toContain('"dashboard"');
    expect(asset.headers['cache-control']).toContain('immutable');
    const worker = await app.inject({ url: '/order/sw.js' });
    expect(worker.statusCode).toBe(200);
    expect(worker.headers['cache-control']).toBe('no-cache');
  });

  it('gives a 404 for a missing asset instead of the HTML page', async () => {
    for (const url of ['/order/assets/gone-9999.js', '/dashboard/missing.css']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('NOT_FOUND');
    }
  });

  it('never serves a file outside the app folder', async () => {
    for (const url of ['/order/../secret.txt', '/order/%2e%2e/secret.txt', '/order/..%2fsecret.txt']) {
      const response = await app.inject({ url });
      expect(response.body, url).not.toContain('outside both apps');
    }
  });

  it('says how to build the apps when they are not built', async () => {
    const response = await empty.inject({ url: '/order/' });
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('npm run build:ui');
  });
});
