/**
 * Inventory and gift cards over the real hub: the last burger sold at the POS reaches a
 * kiosk's live socket as an 86 in the same commit; the reads report levels, alerts, card
 * balances and points; bad reads and commands get a 4xx with a stable code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEMO, type HubEvent, type Order, newId } from '@brigade/sync/model';
import { CARD_A, CARD_B } from '../store/commands/inventory-test-support';
import { CASHIER_PIN, MANAGER_PIN, type Screen, type TestHub, burgerLine, orderCreate, startTestHub } from './hub-test-kit';

let hub: TestHub;
let ws: string;
let pos: Screen;
let manager: Screen;
let kiosk: Screen;
const BUNS = newId();

async function ok(screen: Screen, name: string, args: Record<string, unknown>): Promise<unknown> {
  const response = await hub.command(screen, name, { commandId: newId(), args });
  expect(response.statusCode, `${name}: ${response.body}`).toBe(200);
  return response.json<{ result: unknown }>().result;
}

function openSocket(token: string): Promise<{ events: HubEvent[]; close: () => void }> {
  const socket = new WebSocket(`${ws}?token=${token}`);
  const events: HubEvent[] = [];
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8')) as HubEvent | { type: 'hello' };
    if (message.type !== 'hello') events.push(message);
  });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ events, close: () => socket.close() }));
    socket.once('error', reject);
  });
}

beforeAll(async () => {
  hub = await startTestHub();
  await hub.app.listen({ host: '127.0.0.1', port: 0 });
  const address = hub.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('hub is not listening on TCP');
  ws = `ws://127.0.0.1:${address.port}/ws`;
  const screen = await hub.pair('pos');
  pos = await hub.signIn(screen, CASHIER_PIN);
  manager = await hub.signIn(screen, MANAGER_PIN);
  kiosk = await hub.pair('kiosk');
  await ok(manager, 'inventory.defineIngredient', { ingredientId: BUNS, name: 'Brioche buns', unit: 'each', lowThreshold: 1 });
  await ok(manager, 'inventory.setRecipe', { targetKind: 'item', targetId: DEMO.burger, components: [{ ingredientId: BUNS, quantity: 1 }] });
});

afterAll(async () => {
  await hub.close();
});

describe('auto-86 over the hub', () => {
  it('the kiosk hears the burger go and come back', async () => {
    await ok(pos, 'inventory.receive', { lines: [{ ingredientId: BUNS, quantity: 2 }] });
    const socket = await openSocket(kiosk.deviceToken);
    try {
      const created = orderCreate([burgerLine({ quantity: 2 })]);
      const order = (await ok(pos, 'order.create', created.args) as { order: Order }).order;
      await ok(pos, 'payment.capture', { orderId: order.id, paymentId: newId(), tender: 'cash', amount: order.totals.total });
      await expect.poll(() => socket.events.some((e) => e.type === 'item.availability' && e.itemId === DEMO.burger && e.unavailable), { timeout: 5000 }).toBe(true);
      const menu = await hub.app.inject({ method: 'GET', url: '/api/menu', headers: kiosk.headers });
      expect(menu.json<{ unavailable: string[] }>().unavailable).toContain(DEMO.burger);
      const refused = await hub.command(kiosk, 'order.create', orderCreate([burgerLine()], { channel: 'kiosk' }));
      expect(refused.json<{ error: { code: string } }>().error.code).toBe('ITEM_UNAVAILABLE');

      const inventory = await hub.app.inject({ method: 'GET', url: '/api/inventory', headers: pos.headers });
      expect(inventory.statusCode).toBe(200);
      const body = inventory.json<{ ingredients: { id: string; level: number; low: boolean }[]; autoUnavailable: string[] }>();
      expect(body.ingredients.find((i) => i.id === BUNS)).toMatchObject({ level: 0, low: true });
      expect(body.autoUnavailable).toEqual([DEMO.burger]);

      await ok(pos, 'inventory.receive', { lines: [{ ingredientId: BUNS, quantity: 6 }] });
      await expect.poll(() => socket.events.some((e) => e.type === 'item.availability' && e.itemId === DEMO.burger && !e.unavailable), { timeout: 5000 }).toBe(true);
      const moves = await hub.app.inject({ method: 'GET', url: `/api/inventory/movements?ingredientId=${BUNS}`, headers: pos.headers });
      expect(moves.json<{ movements: { reason: string }[] }>().movements.map((m) => m.reason).sort()).toEqual(['receipt', 'receipt', 'sale']);
    } finally {
      socket.close();
    }
  });
});

describe('gift card and loyalty reads', () => {
  it('reports a card\'s balance to the POS and the kiosk, and what may be taken now', async () => {
    const sold = await ok(pos, 'gift.sell', { orderId: newId(), lineId: newId(), cardNumber: CARD_A, amount: 4000 }) as { order: Order };
    await ok(pos, 'payment.capture', { orderId: sold.order.id, paymentId: newId(), tender: 'cash', amount: 4000 });
    for (const screen of [pos, kiosk]) {
      const response = await hub.app.inject({ method: 'GET', url: `/api/gift-cards/${CARD_A}`, headers: screen.headers });
      expect(response.json()).toMatchObject({ card: `•••• ${CARD_A.slice(-4)}`, balance: 4000, known: true, available: 4000 });
    }
    const stranger = await hub.app.inject({ method: 'GET', url: `/api/gift-cards/${CARD_B}`, headers: pos.headers });
    expect(stranger.json()).toMatchObject({ balance: null, known: false, available: 10_000 });
  });

  it('refuses bad card numbers and accounts with a stable code', async () => {
    const typo = `${CARD_A.slice(0, -1)}${(Number(CARD_A.slice(-1)) + 3) % 10}`;
    const bad = await hub.app.inject({ method: 'GET', url: `/api/gift-cards/${typo}`, headers: pos.headers });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<{ error: { code: string } }>().error.code).toBe('GIFT_CARD_NUMBER_INVALID');
    const letters = await hub.app.inject({ method: 'GET', url: '/api/gift-cards/abc', headers: pos.headers });
    expect(letters.statusCode).toBe(400);
    const account = await hub.app.inject({ method: 'GET', url: '/api/loyalty/no-phone-here', headers: pos.headers });
    expect(account.json<{ error: { code: string } }>().error.code).toBe('LOYALTY_ACCOUNT_INVALID');
    const kioskInventory = await hub.app.inject({ method: 'GET', url: '/api/inventory', headers: kiosk.headers });
    expect(kioskInventory.statusCode).toBe(403);
  });

  it('a refused redemption over the hub writes nothing', async () => {
    const created = orderCreate([burgerLine({ quantity: 20 })]);
    await ok(pos, 'order.create', created.args);
    const before = hub.counts();
    const response = await hub.command(pos, 'gift.redeem', { commandId: newId(), args: { orderId: created.args.orderId, paymentId: newId(), cardNumber: CARD_B, amount: 10_001 } });
    expect(response.statusCode).toBe(409);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('OFFLINE_CAP_REACHED');
    expect(hub.counts()).toEqual(before);
  });

  it('reports points for a phone number', async () => {
    const created = orderCreate([burgerLine({ quantity: 3 })]);
    const order = (await ok(pos, 'order.create', created.args) as { order: Order }).order;
    await ok(pos, 'loyalty.attach', { orderId: order.id, account: '555 010 2222' });
    await ok(pos, 'payment.capture', { orderId: order.id, paymentId: newId(), tender: 'cash', amount: order.totals.total });
    const response = await hub.app.inject({ method: 'GET', url: '/api/loyalty/5550102222', headers: pos.headers });
    expect(response.json()).toMatchObject({ account: '5550102222', points: Math.floor(order.totals.total / 100), pointValue: 5 });
  });
});
