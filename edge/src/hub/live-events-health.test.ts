import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CLOSE_RESYNC } from './live-events';
import { type TestHub, startTestHub } from './hub-test-kit';

let hub: TestHub | null = null;
afterEach(async () => {
  await hub?.close();
  hub = null;
});

async function listen(started: TestHub): Promise<string> {
  await started.app.listen({ host: '127.0.0.1', port: 0 });
  const address = started.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening');
  return `ws://127.0.0.1:${address.port}/ws`;
}

async function connectedScreens(started: TestHub, role: string): Promise<number> {
  const metric = await started.app.hubMetrics.connectedScreens.get();
  return metric.values.find((value) => value.labels.role === role)?.value ?? 0;
}

async function until(condition: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function open(url: string): Promise<WebSocket> {
  const socket = new WebSocket(url);
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

describe('keeping the live sockets healthy', () => {
  it('drops a screen that stops answering pings', async () => {
    hub = await startTestHub({ hub: { heartbeatMs: 50 } });
    const url = await listen(hub);
    const kiosk = await hub.pair('kiosk');
    const socket = await open(`${url}?token=${kiosk.deviceToken}`);
    const started = hub;
    await until(async () => (await connectedScreens(started, 'kiosk')) === 1, 'the screen to count');
    // A paused client reads nothing, so it never answers a ping: like a tablet that lost Wi-Fi.
    socket.pause();
    await until(async () => (await connectedScreens(started, 'kiosk')) === 0, 'the dead screen to be dropped');
    socket.terminate();
  });

  it('keeps a screen that answers pings', async () => {
    hub = await startTestHub({ hub: { heartbeatMs: 50 } });
    const url = await listen(hub);
    const kiosk = await hub.pair('kiosk');
    const socket = await open(`${url}?token=${kiosk.deviceToken}`);
    let pings = 0;
    socket.on('ping', () => (pings += 1));
    await until(() => pings >= 4, 'several pings');
    expect(socket.readyState).toBe(WebSocket.OPEN);
    expect(await connectedScreens(hub, 'kiosk')).toBe(1);
    socket.close();
  });

  it('tells a screen that cannot keep up to resync and closes it', async () => {
    hub = await startTestHub({ hub: { maxBufferedBytes: 64 * 1024, heartbeatMs: 60_000 } });
    const url = await listen(hub);
    const pos = await hub.pair('pos');
    const socket = await open(`${url}?token=${pos.deviceToken}`);
    const received: string[] = [];
    socket.on('message', (data: Buffer) => received.push(data.toString('utf8')));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.pause();
    // Far more than the kernel's socket buffers hold, so the hub's own buffer must grow.
    const message = 'x'.repeat(16 * 1024);
    for (let i = 0; i < 800; i++) hub.store.publish({ type: 'printer.status', printerId: 'front', status: 'paper_end', message });
    socket.resume();
    expect(await closed).toBe(CLOSE_RESYNC);
    const last = JSON.parse(received.at(-1) ?? '{}') as { type?: string };
    expect(last.type).toBe('resync');
    // It was dropped before all 800 events were queued for it.
    expect(received.length).toBeLessThan(800);
  });
});
