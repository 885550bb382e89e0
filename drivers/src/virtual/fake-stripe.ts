/**
 * A fake of the Stripe API for Terminal's server-driven integration, reached by the real
 * `stripe` SDK through `host`/`port`/`protocol: 'http'`. It keeps Stripe's idempotency
 * contract (same key and body → the stored response, replayed; same key, other body →
 * idempotency_error), can fail requests on cue (a 5xx or a dropped connection, before or
 * after doing the work) and sends webhooks signed the way Stripe signs them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { type FakeReader, FakeStripeState, type ReaderOutcome, StripeApiError, newStripeId } from './fake-stripe-state';

export type { ReaderOutcome } from './fake-stripe-state';

export type FaultMode = 'error-before' | 'error-after' | 'drop-before' | 'drop-after';

export interface FakeStripeRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  replayed: boolean;
}

export interface FakeStripe {
  readonly port: number;
  readonly state: FakeStripeState;
  /** Client options for the real SDK. */
  clientConfig(): { host: string; port: number; protocol: 'http' };
  addReader(id: string, status?: 'online' | 'offline'): void;
  setReaderStatus(id: string, status: 'online' | 'offline'): void;
  /** What the next card at this reader does, and after how long. */
  setOutcome(readerId: string, outcome: ReaderOutcome, afterMs?: number): void;
  /** Fails the next request whose path matches (5xx or dropped connection). */
  injectFault(match: RegExp, mode: FaultMode, status?: number): void;
  requests(): FakeStripeRequest[];
  /** Succeeded charges: what the customer's bank would see. */
  succeededCharges(): number;
  setWebhook(url: string, secret: string): void;
  close(): Promise<void>;
}

interface Stored {
  fingerprint: string;
  status: number;
  body: string;
}

/** Parses Stripe's form encoding (`a[b]=c`, `a[0]=x`) into nested objects. */
export function parseStripeForm(body: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const parts = rawKey.replace(/\]/g, '').split('[');
    let node: Record<string, unknown> = out;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        if (Array.isArray(node)) (node as unknown[]).push(value);
        else node[part] = value;
        return;
      }
      const nextIsIndex = /^\d*$/.test(parts[i + 1] ?? '');
      node[part] ??= nextIsIndex ? [] : {};
      node = node[part] as Record<string, unknown>;
    });
  }
  return out;
}

export async function startFakeStripe(opts: { port?: number } = {}): Promise<FakeStripe> {
  const stored = new Map<string, Stored>();
  const faults: Array<{ match: RegExp; mode: FaultMode; status: number }> = [];
  const log: FakeStripeRequest[] = [];
  let webhook: { url: string; secret: string } | null = null;

  const sendWebhook = (reader: FakeReader): void => {
    if (!webhook) return;
    const type = reader.action?.status === 'succeeded' ? 'terminal.reader.action_succeeded' : 'terminal.reader.action_failed';
    const payload = JSON.stringify({ id: newStripeId('evt'), object: 'event', type, created: Math.floor(Date.now() / 1000), data: { object: reader } });
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: webhook.secret });
    void fetch(webhook.url, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': header }, body: payload }).catch(() => undefined);
  };
  const state = new FakeStripeState(sendWebhook);

  const route = (method: string, path: string, params: Record<string, unknown>, query: URLSearchParams): unknown => {
    let m: RegExpExecArray | null;
    if (method === 'POST' && path === '/v1/payment_intents') return state.createIntent(params);
    if ((m = /^\/v1\/payment_intents\/([^/]+)$/.exec(path)) && method === 'GET') {
      const pi = state.intent(m[1] as string);
      const expand = query.getAll('expand[]').concat(query.getAll('expand[0]'));
      if (expand.includes('latest_charge') && pi.latest_charge) return { ...pi, latest_charge: state.charges.get(pi.latest_charge) };
      return pi;
    }
    if ((m = /^\/v1\/payment_intents\/([^/]+)\/confirm$/.exec(path)) && method === 'POST') return state.confirm(m[1] as string, typeof params.payment_method === 'string' ? params.payment_method : 'pm_card_visa');
    if ((m = /^\/v1\/payment_intents\/([^/]+)\/cancel$/.exec(path)) && method === 'POST') {
      const pi = state.intent(m[1] as string);
      if (pi.status === 'succeeded') throw new StripeApiError(400, 'invalid_request_error', 'payment_intent_unexpected_state', 'You cannot cancel this PaymentIntent because it has a status of succeeded.');
      pi.status = 'canceled';
      return pi;
    }
    if ((m = /^\/v1\/terminal\/readers\/([^/]+)$/.exec(path)) && method === 'GET') return state.reader(m[1] as string);
    if ((m = /^\/v1\/terminal\/readers\/([^/]+)\/process_payment_intent$/.exec(path)) && method === 'POST') return state.process(m[1] as string, String(params.payment_intent));
    if ((m = /^\/v1\/terminal\/readers\/([^/]+)\/cancel_action$/.exec(path)) && method === 'POST') return state.cancelAction(m[1] as string);
    if ((m = /^\/v1\/test_helpers\/terminal\/readers\/([^/]+)\/present_payment_method$/.exec(path)) && method === 'POST') {
      const card = (params.card_present as Record<string, string> | undefined)?.number ?? '4242424242424242';
      return state.present(state.reader(m[1] as string), card);
    }
    if (method === 'POST' && path === '/v1/refunds') return state.refund(params);
    throw new StripeApiError(404, 'invalid_request_error', 'resource_missing', `Unrecognized request URL (${method}: ${path}).`);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const method = req.method ?? 'GET';
      const body = Buffer.concat(chunks).toString();
      const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null;
      const send = (status: number, json: string, replayed = false): void => {
        res.writeHead(status, { 'content-type': 'application/json', 'request-id': newStripeId('req'), ...(replayed ? { 'idempotent-replayed': 'true' } : {}) });
        res.end(json);
      };
      if (!/^Bearer sk_test_/.test(req.headers.authorization ?? '')) {
        send(401, JSON.stringify({ error: { type: 'invalid_request_error', message: 'Invalid API Key provided.' } }));
        return;
      }
      const faultIndex = faults.findIndex((f) => f.match.test(url.pathname));
      const fault = faultIndex >= 0 ? faults.splice(faultIndex, 1)[0] : undefined;
      const failNow = (): void => {
        if (fault?.mode.startsWith('drop')) req.socket.destroy();
        else send(fault?.status ?? 500, JSON.stringify({ error: { type: 'api_error', message: 'An unknown error occurred.' } }));
      };
      if (fault && fault.mode.endsWith('before')) {
        log.push({ method, path: url.pathname, idempotencyKey: key, replayed: false });
        failNow();
        return;
      }
      const fingerprint = `${method} ${url.pathname} ${body}`;
      const previous = key && method === 'POST' ? stored.get(key) : undefined;
      log.push({ method, path: url.pathname, idempotencyKey: key, replayed: previous !== undefined });
      if (previous) {
        if (previous.fingerprint !== fingerprint) {
          send(400, JSON.stringify({ error: { type: 'idempotency_error', message: 'Keys for idempotent requests can only be used with the same parameters they were first used with.' } }));
        } else send(previous.status, previous.body, true);
        return;
      }
      let status = 200;
      let json: string;
      try {
        json = JSON.stringify(route(method, url.pathname, parseStripeForm(body), url.searchParams));
      } catch (err) {
        if (!(err instanceof StripeApiError)) throw err;
        status = err.status;
        json = JSON.stringify({ error: { type: err.type, code: err.code, message: err.message, ...(err.param ? { param: err.param } : {}) } });
      }
      if (key && method === 'POST') stored.set(key, { fingerprint, status, body: json });
      if (fault) failNow();
      else send(status, json);
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    state,
    clientConfig: () => ({ host: '127.0.0.1', port, protocol: 'http' }),
    addReader: (id, status) => { state.addReader(id, status); },
    setReaderStatus: (id, status) => { state.reader(id).status = status; },
    setOutcome: (readerId, outcome, afterMs = 30) => { state.outcomes.set(readerId, { outcome, afterMs }); },
    injectFault: (match, mode, status = 500) => { faults.push({ match, mode, status }); },
    requests: () => [...log],
    succeededCharges: () => state.charges.size,
    setWebhook: (url, secret) => { webhook = { url, secret }; },
    close: () => {
      state.stop();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
