import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEMO, type HubEvent, newId } from '@brigade/sync/model';
import { CASHIER_PIN, type Screen, type TestHub, burgerLine, colaLine, orderCreate, startTestHub } from './hub-test-kit';

type Message = HubEvent | { type: 'hello'; seq: number } | { type: 'resync'; reason: string };

/** A real WebSocket client that keeps every message it receives. */
class ScreenSocket {
  readonly messages: Message[] = [];
  /** Browsers hand binary frames to screens as Blobs, not text: events must never come as one. */
  binaryFrames = 0;
  private waiters: (() => void)[] = [];
  constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) this.binaryFrames += 1;
      this.messages.push(JSON.parse(data.toString('utf8')) as Message);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static async open(url: string): Promise<ScreenSocket> {
    const socket = new WebSocket(url);
    const client = new ScreenSocket(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return client;
  }

  /** Waits until a message matching `match` has arrived. */
  async waitFor(match: (message: Message) => boolean, what: string): Promise<Message> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const found = this.messages.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${what} within 5 s; got ${JSON.stringify(this.messages.map((m) => m.type))}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  events(): HubEvent[] {
    return this.messages.filter((message): message is HubEvent => 'seq' in message && message.type !== 'hello');
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}

let hub: TestHub;
let base: string;
let pos: Screen;

beforeAll(async () => {
  hub = await startTestHub();
  await hub.app.listen({ host: '127.0.0.1', port: 0 });
  const address = hub.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('hub is not listening on TCP');
  base = `ws://127.0.0.1:${address.port}/ws`;
  pos = await hub.signIn(await hub.pair('pos'), CASHIER_PIN);
});

afterAll(async () => {
  await hub.close();
});

async function createAndFire(lines: Record<string, unknown>[]): Promise<string> {
  const created = orderCreate(lines);
  expect((await hub.command(pos, 'order.create', created)).statusCode).toBe(200);
  const orderId = created.args.orderId as string;
  expect((await hub.command(pos, 'order.fire', { commandId: newId(), args: { orderId } })).statusCode).toBe(200);
  return orderId;
}

const isTicketFor = (orderId: string) => (message: Message): boolean => message.type === 'ticket.updated' && message.ticket.orderId === orderId;

describe('the live event socket', () => {
  it('greets a screen and refuses a bad token before upgrading', async () => {
    const kiosk = await hub.pair('kiosk');
    const screen = await ScreenSocket.open(`${base}?token=${kiosk.deviceToken}`);
    const hello = await screen.waitFor((m) => m.type === 'hello', 'hello');
    expect(hello).toMatchObject({ type: 'hello', deviceId: kiosk.deviceId, role: 'kiosk' });
    await screen.close();

    const refused = new WebSocket(`${base}?token=forged-token`);
    const status = await new Promise<number>((resolve) => refused.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0)));
    expect(status).toBe(401);
    refused.on('error', () => undefined);
    refused.terminate();
  });

  it('a screen that reconnects with since receives what it missed, in order', async () => {
    const till = await hub.pair('pos');
    const first = await ScreenSocket.open(`${base}?token=${till.deviceToken}`);
    const hello = (await first.waitFor((m) => m.type === 'hello', 'hello')) as { seq: number };
    await first.close();

    const missedA = orderCreate([colaLine()]);
    const missedB = orderCreate([burgerLine()]);
    expect((await hub.command(pos, 'order.create', missedA)).statusCode).toBe(200);
    expect((await hub.command(pos, 'order.create', missedB)).statusCode).toBe(200);

    const again = await ScreenSocket.open(`${base}?token=${till.deviceToken}&since=${hello.seq}`);
    await again.waitFor((m) => m.type === 'order.updated' && m.order.id === missedB.args.orderId, 'the second missed order');
    const seqs = again.events().map((event) => event.seq);
    expect(seqs.every((seq, index) => seq > hello.seq && (index === 0 || seq > (seqs[index - 1] as number)))).toBe(true);
    const orderIds: string[] = again.events().flatMap((event) => (event.type === 'order.updated' ? [event.order.id] : []));
    expect(orderIds.indexOf(missedA.args.orderId as string)).toBeGreaterThanOrEqual(0);
    expect(orderIds.indexOf(missedA.args.orderId as string)).toBeLessThan(orderIds.indexOf(missedB.args.orderId as string));

    // And it keeps receiving live events after the replay.
    const live = orderCreate([colaLine()]);
    expect((await hub.command(pos, 'order.create', live)).statusCode).toBe(200);
    await again.waitFor((m) => m.type === 'order.updated' && m.order.id === live.args.orderId, 'the live order');
    await again.close();
  });

  it('sends every screen the same event text, in text frames', async () => {
    const tills = await Promise.all([hub.pair('pos'), hub.pair('pos')]);
    const screens = await Promise.all(tills.map((till) => ScreenSocket.open(`${base}?token=${till.deviceToken}`)));
    await Promise.all(screens.map((screen) => screen.waitFor((m) => m.type === 'hello', 'hello')));
    const created = orderCreate([burgerLine(), colaLine()]);
    expect((await hub.command(pos, 'order.create', created)).statusCode).toBe(200);
    const received = await Promise.all(screens.map((screen) =>
      screen.waitFor((m) => m.type === 'order.updated' && m.order.id === created.args.orderId, 'the new order')));
    expect(received[1]).toEqual(received[0]);
    expect(received[0]).toMatchObject({ type: 'order.updated', order: { id: created.args.orderId, lines: [{ itemId: DEMO.burger }, { itemId: DEMO.cola }] } });
    for (const screen of screens) expect(screen.binaryFrames).toBe(0);
    await Promise.all(screens.map((screen) => screen.close()));
  });

  it('a kiosk hears about its own orders and not about anyone else\'s', async () => {
    const kiosk = await hub.pair('kiosk');
    const screen = await ScreenSocket.open(`${base}?token=${kiosk.deviceToken}`);
    await screen.waitFor((m) => m.type === 'hello', 'hello');
    const counterOrder = orderCreate([colaLine()]);
    expect((await hub.command(pos, 'order.create', counterOrder)).statusCode).toBe(200);
    const own = orderCreate([colaLine()], { channel: 'kiosk', diningOption: 'take_out' });
    expect((await hub.command(kiosk, 'order.create', own)).statusCode).toBe(200);
    await screen.waitFor((m) => m.type === 'order.updated' && m.order.id === own.args.orderId, 'its own order');
    // Sent in commit order on one socket: the counter order came first, so it would be here by now.
    expect(screen.events().some((event) => event.type === 'order.updated' && event.order.id === counterOrder.args.orderId)).toBe(false);
    expect(screen.events().some((event) => event.type === 'ticket.updated')).toBe(false);
    await screen.close();
  });

  it('tells a screen whose since is out of the retained window to resync', async () => {
    const kiosk = await hub.pair('kiosk');
    const screen = await ScreenSocket.open(`${base}?token=${kiosk.deviceToken}&since=99999999`);
    await screen.waitFor((m) => m.type === 'resync', 'resync');
    await screen.close();
  });

  it('a grill KDS gets grill tickets and never drinks tickets; expo gets both', async () => {
    const grill = await hub.pair('kds', { stationId: DEMO.grill });
    const expo = await hub.pair('kds');
    const grillSocket = await ScreenSocket.open(`${base}?token=${grill.deviceToken}`);
    const expoSocket = await ScreenSocket.open(`${base}?token=${expo.deviceToken}`);
    await grillSocket.waitFor((m) => m.type === 'hello', 'hello');
    await expoSocket.waitFor((m) => m.type === 'hello', 'hello');

    const orderId = await createAndFire([burgerLine(), colaLine()]);
    await expoSocket.waitFor((m) => isTicketFor(orderId)(m) && m.type === 'ticket.updated' && m.ticket.stationId === DEMO.drinks, 'the drinks ticket on expo');
    await expoSocket.waitFor((m) => isTicketFor(orderId)(m) && m.type === 'ticket.updated' && m.ticket.stationId === DEMO.grill, 'the grill ticket on expo');
    await grillSocket.waitFor(isTicketFor(orderId), 'the grill ticket');

    // A later drinks-only order: expo sees it, the grill screen must not.
    const drinksOnly = await createAndFire([colaLine()]);
    await expoSocket.waitFor(isTicketFor(drinksOnly), 'the drinks-only ticket on expo');
    // One socket delivers in order: once this later grill ticket is in, a drinks ticket would be too.
    const grillAfter = await createAndFire([burgerLine()]);
    await grillSocket.waitFor(isTicketFor(grillAfter), 'the later grill ticket');
    expect(grillSocket.messages.some(isTicketFor(drinksOnly))).toBe(false);
    const grillTickets = grillSocket.events().flatMap((event) => (event.type === 'ticket.updated' ? [event.ticket] : []));
    expect(grillTickets.length).toBeGreaterThan(0);
    expect(grillTickets.every((ticket) => ticket.stationId === DEMO.grill)).toBe(true);
    await grillSocket.close();
    await expoSocket.close();
  });
});
