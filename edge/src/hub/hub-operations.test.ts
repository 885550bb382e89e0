import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES, DEMO, newId } from '@brigade/sync/model';
import { migrationsCurrent } from './migration-check';
import { CASHIER_PIN, MANAGER_PIN, type Screen, type TestHub, burgerLine, orderCreate, startTestHub } from './hub-test-kit';

let hub: TestHub;
let pos: Screen;

beforeAll(async () => {
  hub = await startTestHub({ hub: { rateLimits: { perMinute: 3, pollsPerMinute: 3 } } });
  pos = await hub.signIn(await hub.pair('pos'), CASHIER_PIN);
});

afterAll(async () => {
  await hub.close();
});

function metricValue(text: string, line: string): number {
  const found = text.split('\n').find((candidate) => candidate.startsWith(`${line} `));
  return found === undefined ? Number.NaN : Number(found.slice(line.length + 1));
}

describe('operations endpoints', () => {
  it('/healthz says ok with the database open and migrations current', async () => {
    const response = await hub.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: 'open', migrations: 'current' });
  });

  it('the migration check notices a database missing a migration', () => {
    hub.store.db.exec('CREATE TABLE IF NOT EXISTS probe_copy AS SELECT * FROM __drizzle_migrations');
    hub.store.db.exec('DELETE FROM __drizzle_migrations WHERE rowid = (SELECT max(rowid) FROM __drizzle_migrations)');
    try {
      expect(migrationsCurrent(hub.store.db)).toBe(false);
    } finally {
      hub.store.db.exec('DELETE FROM __drizzle_migrations; INSERT INTO __drizzle_migrations SELECT * FROM probe_copy; DROP TABLE probe_copy');
    }
    expect(migrationsCurrent(hub.store.db)).toBe(true);
  });

  it('/metrics counts created orders, times commands and reports queues', async () => {
    const before = metricValue((await hub.app.inject({ method: 'GET', url: '/metrics' })).body, 'brigade_orders_created_total');
    const body = orderCreate([burgerLine()]);
    expect((await hub.command(pos, 'order.create', body)).statusCode).toBe(200);
    expect((await hub.command(pos, 'order.create', body)).statusCode).toBe(200);
    const response = await hub.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    // The replay does not count: one order was created.
    expect(metricValue(response.body, 'brigade_orders_created_total') - before).toBe(1);
    expect(metricValue(response.body, 'brigade_command_duration_seconds_count{command="order.create",outcome="ok"}')).toBeGreaterThanOrEqual(2);
    expect(metricValue(response.body, 'brigade_outbox_depth')).toBeGreaterThan(0);
    expect(response.body).toContain('brigade_print_jobs{status="queued"}');
    expect(response.body).toContain('# TYPE brigade_connected_screens gauge');
  });

  it('publishes an OpenAPI document with one route and body schema per command', async () => {
    const response = await hub.app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{ paths: Record<string, { post?: { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> } } }> }>();
    for (const name of COMMAND_NAMES) {
      const schema = doc.paths[`/api/commands/${name}`]?.post?.requestBody?.content?.['application/json']?.schema;
      expect(schema?.properties, name).toHaveProperty('commandId');
      expect(schema?.properties, name).toHaveProperty('args');
    }
    expect((await hub.app.inject({ method: 'GET', url: '/docs' })).statusCode).toBeLessThan(400);
  });

  it('rate-limits pairing requests with RATE_LIMITED', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await hub.app.inject({ method: 'POST', url: '/api/pairing', payload: { name: `Screen ${i}` }, remoteAddress: '10.0.0.77' })).statusCode);
    expect(codes.slice(0, 3)).toEqual([200, 200, 200]);
    const limited = await hub.app.inject({ method: 'POST', url: '/api/pairing', payload: { name: 'One more' }, remoteAddress: '10.0.0.77' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json<{ error: { code: string } }>().error.code).toBe('RATE_LIMITED');
    // Another address is not affected.
    expect((await hub.app.inject({ method: 'POST', url: '/api/pairing', payload: { name: 'Elsewhere' }, remoteAddress: '10.0.0.78' })).statusCode).toBe(200);
  });

  it('pairs a screen by code: request, manager approval, poll', async () => {
    const requested = await hub.app.inject({ method: 'POST', url: '/api/pairing', payload: { name: 'Grill screen' }, remoteAddress: '10.0.0.90' });
    const { requestId, code, pollToken } = requested.json<{ requestId: string; code: string; pollToken: string }>();
    const pending = await hub.app.inject({ method: 'GET', url: `/api/pairing/${requestId}?pollToken=${pollToken}`, remoteAddress: '10.0.0.90' });
    expect(pending.json()).toEqual({ status: 'pending' });
    const manager = await hub.signIn(await hub.pair('pos'), MANAGER_PIN);
    const listed = await hub.app.inject({ method: 'GET', url: '/api/pairing', headers: manager.headers });
    expect(listed.json<{ pending: { code: string }[] }>().pending.map((request) => request.code)).toContain(code);
    const approved = await hub.command(manager, 'device.approve', { commandId: newId(), args: { code, role: 'kds', name: 'Grill screen', stationId: DEMO.grill } });
    expect(approved.statusCode).toBe(200);
    const polled = await hub.app.inject({ method: 'GET', url: `/api/pairing/${requestId}?pollToken=${pollToken}`, remoteAddress: '10.0.0.90' });
    const credentials = polled.json<{ status: string; deviceToken: string; role: string; stationId: string }>();
    expect(credentials).toMatchObject({ status: 'approved', role: 'kds', stationId: DEMO.grill });
    const tickets = await hub.app.inject({ method: 'GET', url: '/api/tickets', headers: { authorization: `Bearer ${credentials.deviceToken}` } });
    expect(tickets.statusCode).toBe(200);
  });
});

describe('a hub whose database has gone away', () => {
  it('answers 500 INTERNAL with no details, and /healthz says unavailable', async () => {
    const broken = await startTestHub();
    const screen = await broken.pair('kiosk');
    broken.store.close();
    try {
      const response = await broken.app.inject({ method: 'GET', url: '/api/menu', headers: screen.headers });
      expect(response.statusCode).toBe(500);
      expect(response.json()).toEqual({ error: { code: 'INTERNAL', message: 'Something went wrong. Nothing was changed; try again.' } });
      const health = await broken.app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({ status: 'unavailable', database: 'closed' });
    } finally {
      await broken.close();
    }
  });
});

describe('static screens', () => {
  let built: TestHub;
  beforeAll(async () => {
    const uiDistDir = join(hub.dataDir, 'ui-dist');
    mkdirSync(join(uiDistDir, 'pos'), { recursive: true });
    mkdirSync(join(uiDistDir, 'assets'), { recursive: true });
    writeFileSync(join(uiDistDir, 'pos', 'index.html'), '<!doctype html><title>POS app</title>');
    writeFileSync(join(uiDistDir, 'assets', 'pos-123.js'), 'console.log("pos")');
    built = await startTestHub({ hub: { config: { uiDistDir } } });
  });
  afterAll(async () => {
    await built.close();
  });

  it('redirects / to the POS', async () => {
    const response = await built.app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/pos/');
  });

  it('serves each app, its assets, and its own index.html for deep links', async () => {
    expect((await built.app.inject({ method: 'GET', url: '/pos/' })).body).toContain('POS app');
    expect((await built.app.inject({ method: 'GET', url: '/pos/orders/42' })).body).toContain('POS app');
    const asset = await built.app.inject({ method: 'GET', url: '/assets/pos-123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toContain('console.log');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await built.app.inject({ method: 'GET', url: '/pos/' })).headers['cache-control']).not.toContain('immutable');
    expect((await built.app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
    // From a deep link, ../assets/ resolves under the app's path.
    expect((await built.app.inject({ method: 'GET', url: '/pos/orders/assets/pos-123.js' })).body).toContain('console.log');
    expect((await built.app.inject({ method: 'GET', url: '/pos/orders/assets/missing.js' })).statusCode).toBe(404);
    expect((await built.app.inject({ method: 'GET', url: '/assets/..%2f..%2fpackage.json' })).statusCode).toBe(404);
  });

  it('explains how to build a screen that is missing, without an error status', async () => {
    const response = await built.app.inject({ method: 'GET', url: '/kds/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('npm run build:ui');
    const none = await hub.app.inject({ method: 'GET', url: '/pos/' });
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain('npm run build:ui');
  });
});
