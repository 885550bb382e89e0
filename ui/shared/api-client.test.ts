// The client is tested over a real HTTP socket: a Node server stands in for the hub and can
// drop connections, which is the failure the same-id retry exists for.
// eslint-disable-next-line no-restricted-imports -- test-only: the screens never import Node modules
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { isUuidV7 } from '@brigade/sync/model';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, HubClient } from './api-client';

interface Seen {
  url: string;
  headers: IncomingMessage['headers'];
  body: { commandId?: string; args?: unknown };
}

let server: Server;
let baseUrl = '';
let seen: Seen[] = [];
/** What the fake hub does with the n-th request (0-based); default: a 200 echo. */
let behaviour: (n: number, res: ServerResponse, req: IncomingMessage) => void = () => undefined;

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const n = seen.length;
      seen.push({ url: req.url ?? '', headers: req.headers, body: raw ? (JSON.parse(raw) as Seen['body']) : {} });
      behaviour(n, res, req);
      if (!res.headersSent && !res.destroyed) reply(res, 200, { commandId: seen[n]?.body.commandId, replayed: false, result: { opened: true } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  baseUrl = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  seen = [];
  behaviour = () => undefined;
});

const client = (extra: Partial<ConstructorParameters<typeof HubClient>[0]> = {}) =>
  new HubClient({ baseUrl, credentials: () => ({ deviceToken: 'dev-token', staffSession: 'staff-token' }), sleep: () => Promise.resolve(), ...extra });

describe('hub client', () => {
  it('sends a command with a fresh UUIDv7 id and both credentials', async () => {
    const result = await client().command('drawer.open', { reason: 'No sale' });
    expect(result).toEqual({ opened: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('/api/commands/drawer.open');
    expect(isUuidV7(seen[0]?.body.commandId ?? '')).toBe(true);
    expect(seen[0]?.body.args).toEqual({ reason: 'No sale' });
    expect(seen[0]?.headers.authorization).toBe('Bearer dev-token');
    expect(seen[0]?.headers['x-staff-session']).toBe('staff-token');
  });

  it('retries a command whose connection dropped with the same command id', async () => {
    behaviour = (n, res) => {
      if (n < 2) res.socket?.destroy();
    };
    await client().command('drawer.open', { reason: 'No sale' });
    expect(seen).toHaveLength(3);
    const ids = new Set(seen.map((s) => s.body.commandId));
    expect(ids.size).toBe(1);
  });

  it('retries on 503 with the same id and gives every new command its own id', async () => {
    behaviour = (n, res) => {
      if (n === 0) reply(res, 503, { error: { code: 'INTERNAL', message: 'busy' } });
    };
    const c = client();
    await c.command('drawer.open', { reason: 'No sale' });
    await c.command('drawer.open', { reason: 'No sale' });
    expect(seen.map((s) => s.body.commandId)).toEqual([seen[0]?.body.commandId, seen[0]?.body.commandId, seen[2]?.body.commandId]);
    expect(seen[2]?.body.commandId).not.toBe(seen[0]?.body.commandId);
  });

  it('does not retry a refusal and surfaces the hub code and message', async () => {
    behaviour = (_n, res) => reply(res, 409, { error: { code: 'ORDER_ALREADY_PAID', message: 'That order is already paid.' } });
    const error = await client().command('order.fire', { orderId: '0190a000-0000-7000-8000-000000000009' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('ORDER_ALREADY_PAID');
    expect((error as ApiError).message).toBe('That order is already paid.');
    expect((error as ApiError).status).toBe(409);
    expect(seen).toHaveLength(1);
  });

  it('gives up after its attempts with a network error when the hub stays away', async () => {
    behaviour = (_n, res) => res.socket?.destroy();
    const error = await client({ maxAttempts: 3 }).command('drawer.open', { reason: 'No sale' }).catch((e: unknown) => e);
    expect((error as ApiError).code).toBe('NETWORK');
    expect(seen).toHaveLength(3);
  });

  it('never replays a sign-in', async () => {
    behaviour = (_n, res) => res.socket?.destroy();
    await expect(client().post('/api/session', { pin: '1111' })).rejects.toBeInstanceOf(ApiError);
    expect(seen).toHaveLength(1);
  });

  it('tells the screen when the hub no longer knows its device or staff session', async () => {
    const lost: string[] = [];
    const c = client({ onDeviceRejected: (e) => lost.push(e.code), onStaffRejected: (e) => lost.push(e.code) });
    behaviour = (n, res) => reply(res, 401, { error: { code: n === 0 ? 'DEVICE_REVOKED' : 'STAFF_SIGN_IN_REQUIRED', message: 'x' } });
    await c.get('/api/orders').catch(() => undefined);
    await c.command('drawer.open', { reason: 'No sale' }).catch(() => undefined);
    expect(lost).toEqual(['DEVICE_REVOKED', 'STAFF_SIGN_IN_REQUIRED']);
  });

  it('turns a non-JSON error page into a generic refusal', async () => {
    behaviour = (_n, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>nope</h1>');
    };
    const error = await client().get('/api/nowhere').catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).code).toBe('INTERNAL');
  });
});
