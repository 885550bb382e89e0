// eslint-disable-next-line no-restricted-imports -- test-only: a real HTTP server speaking the cloud's auth protocol
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloudApiError } from '../cloud-shared/cloud-http';
import { OwnerClient, type Session, loadSession } from './owner-api';

/** A small stand-in for the cloud's auth: tokens expire when told to, refresh rotates them. */
class AuthServer {
  server: Server = createServer((req, res) => void this.handle(req, res));
  url = '';
  access = 'bat_1';
  refresh = 'brt_1';
  refreshes = 0;
  seen: string[] = [];

  private async handle(req: IncomingMessage, res: ServerResponse) {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const send = (status: number, json: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    this.seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    if (req.url === '/api/auth/refresh') {
      const { refreshToken } = JSON.parse(body) as { refreshToken: string };
      if (refreshToken !== this.refresh) return send(401, { error: { code: 'SESSION_EXPIRED', message: 'Your session has expired. Sign in again.' } });
      this.refreshes++;
      this.access = `bat_${this.refreshes + 1}`;
      this.refresh = `brt_${this.refreshes + 1}`;
      return send(200, { accessToken: this.access, refreshToken: this.refresh, user: { name: 'Owner', email: 'o@x', role: 'owner' } });
    }
    if (req.headers.authorization !== `Bearer ${this.access}`) return send(401, { error: { code: 'SESSION_EXPIRED', message: 'Your session has expired. Sign in again.' } });
    if (req.url === '/api/stores') return send(200, { stores: [{ id: 's1', name: 'Diner' }] });
    return send(404, { error: { code: 'NOT_FOUND', message: 'Not found.' } });
  }
}

describe('owner API client', () => {
  const auth = new AuthServer();
  beforeAll(async () => {
    await new Promise<void>((resolve) => auth.server.listen(0, '127.0.0.1', resolve));
    const address = auth.server.address();
    auth.url = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
  });
  afterAll(() => new Promise<void>((resolve) => auth.server.close(() => resolve())));

  const at: typeof fetch = (input, init) => fetch(`${auth.url}${typeof input === 'string' ? input : input instanceof URL ? input.pathname : input.url}`, init);

  it('refreshes an expired access token once and repeats the request', async () => {
    const saved: (Session | null)[] = [];
    const client = new OwnerClient({ accessToken: 'bat_old', refreshToken: auth.refresh, user: { name: 'Owner', email: 'o@x', role: 'owner' } }, (s) => saved.push(s), at);
    const stores = await client.stores();
    expect(stores.map((s) => s.id)).toEqual(['s1']);
    expect(auth.refreshes).toBe(1);
    expect(saved.at(-1)?.accessToken).toBe(auth.access);
    expect(auth.seen.filter((s) => s.startsWith('GET /api/stores')).map((s) => s.split(' ')[3])).toEqual(['bat_old', auth.access]);
  });

  it('signs out when the refresh token is refused, and passes the refusal on', async () => {
    const saved: (Session | null)[] = [];
    const client = new OwnerClient({ accessToken: 'bat_old', refreshToken: 'brt_revoked', user: { name: 'Owner', email: 'o@x', role: 'owner' } }, (s) => saved.push(s), at);
    await expect(client.stores()).rejects.toMatchObject({ code: 'SESSION_EXPIRED', status: 401 });
    expect(saved).toEqual([null]);
    expect(client.user).toBeNull();
  });

  it('reports a refusal that is not about the session without refreshing', async () => {
    const before = auth.refreshes;
    const client = new OwnerClient({ accessToken: auth.access, refreshToken: auth.refresh, user: { name: 'Owner', email: 'o@x', role: 'owner' } }, () => undefined, at);
    const error = await client.store('nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudApiError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(auth.refreshes).toBe(before);
  });

  it('reads a saved session and ignores a broken one', () => {
    const store = (value: string | null) => ({ getItem: () => value });
    expect(loadSession(store(JSON.stringify({ accessToken: 'a', refreshToken: 'r', user: { name: 'n', email: 'e', role: 'owner' } })))?.accessToken).toBe('a');
    expect(loadSession(store('{not json'))).toBeNull();
    expect(loadSession(store(JSON.stringify({ accessToken: 'a' })))).toBeNull();
    expect(loadSession(store(null))).toBeNull();
  });
});
