import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import { type ConnectionState, HubSocket, backoffMs } from './hub-socket';

/** A stand-in hub speaking the real wire protocol on a real socket; each test scripts its connections. */
let server: WebSocketServer;
let port = 0;
let script: (socket: NodeWebSocket, since: string | null, n: number) => void = () => undefined;
let connections: (string | null)[] = [];
let socket: HubSocket | null = null;

beforeAll(async () => {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  port = address.port;
  server.on('connection', (ws, request) => {
    const since = new URL(request.url ?? '/', 'http://x').searchParams.get('since');
    connections.push(since);
    script(ws, since, connections.length - 1);
  });
});

afterEach(() => {
  socket?.stop();
  socket = null;
  connections = [];
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const send = (ws: NodeWebSocket, message: object) => ws.send(JSON.stringify(message));
const event = (seq: number) => ({ seq, type: 'device.pairing', pending: seq });
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

function open(onResync: () => void = () => undefined) {
  const seqs: number[] = [];
  const states: ConnectionState[] = [];
  socket = new HubSocket({
    url: (since) => `ws://127.0.0.1:${port}/ws?token=t${since === null ? '' : `&since=${since}`}`,
    onEvent: (e) => seqs.push(e.seq),
    onResync,
    onState: (s) => states.push(s),
    WebSocketImpl: NodeWebSocket as unknown as typeof WebSocket,
    backoff: () => 5,
  });
  socket.start();
  return { seqs, states };
}

describe('hub socket', () => {
  it('can be stopped while still connecting without an unhandled error', async () => {
    const errors: unknown[] = [];
    const onError = (error: unknown) => errors.push(error);
    process.on('uncaughtException', onError);
    try {
      open();
      socket?.stop();
      // The aborted handshake reports on the next ticks; give it time to surface.
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      process.off('uncaughtException', onError);
    }
    expect(errors).toEqual([]);
  });

  it('reconnects after a drop asking for what it missed, and skips what it already has', async () => {
    script = (ws, _since, n) => {
      if (n === 0) {
        send(ws, { type: 'hello', seq: 5, deviceId: 'd', role: 'pos' });
        send(ws, event(6));
        send(ws, event(7));
        setTimeout(() => ws.terminate(), 20);
      } else {
        send(ws, { type: 'hello', seq: 9, deviceId: 'd', role: 'pos' });
        send(ws, event(7));
        send(ws, event(8));
        send(ws, event(9));
      }
    };
    const { seqs, states } = open();
    await until(() => seqs.length === 4);
    expect(connections).toEqual([null, '7']);
    expect(seqs).toEqual([6, 7, 8, 9]);
    expect(states).toContain('reconnecting');
    expect(states.at(-1)).toBe('online');
  });

  it('reloads over HTTP when the hub says resync, then starts again from the new hello', async () => {
    let resyncs = 0;
    script = (ws, _since, n) => {
      send(ws, { type: 'hello', seq: n === 0 ? 3 : 50, deviceId: 'd', role: 'kds' });
      if (n === 0) {
        send(ws, { type: 'resync', reason: 'too far behind' });
        ws.close(4000, 'resync');
      } else {
        send(ws, event(51));
      }
    };
    const { seqs } = open(() => (resyncs += 1));
    await until(() => seqs.length === 1);
    expect(resyncs).toBe(1);
    expect(connections).toEqual([null, null]);
    expect(seqs).toEqual([51]);
  });

  it('says offline after repeated failures and keeps trying', async () => {
    script = (ws) => ws.terminate();
    const { states } = open();
    await until(() => states.includes('offline'));
    await until(() => connections.length >= 5);
  });

  it('backs off from half a second up to fifteen seconds', () => {
    expect(backoffMs(0)).toBe(500);
    expect(backoffMs(1)).toBe(1000);
    expect(backoffMs(20)).toBe(15_000);
  });
});
