import { afterEach, describe, expect, it } from 'vitest';
import type { Order } from '@brigade/sync/model';
import { CASHIER_PIN, type TestHub, burgerLine, colaLine, orderCreate, startTestHub } from './hub-test-kit';

let hubs: TestHub[] = [];
afterEach(async () => {
  for (const hub of hubs.reverse()) await hub.close();
  hubs = [];
});

async function ordersOn(hub: TestHub, headers: Record<string, string>): Promise<Order[]> {
  const response = await hub.app.inject({ method: 'GET', url: '/api/orders?limit=100', headers });
  expect(response.statusCode).toBe(200);
  return response.json<{ orders: Order[] }>().orders;
}

describe('a command sent twice applies once', () => {
  it('returns the first result with replayed: true and makes one order', async () => {
    const hub = await startTestHub();
    hubs.push(hub);
    const pos = await hub.signIn(await hub.pair('pos'), CASHIER_PIN);
    const body = orderCreate([burgerLine(), colaLine({ quantity: 2 })]);

    const first = await hub.command(pos, 'order.create', body);
    const second = await hub.command(pos, 'order.create', body);
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(first.json<{ replayed: boolean }>().replayed).toBe(false);
    expect(second.json<{ replayed: boolean }>().replayed).toBe(true);
    expect(second.json<{ result: unknown }>().result).toEqual(first.json<{ result: unknown }>().result);

    const orders = await ordersOn(hub, pos.headers);
    expect(orders.filter((order) => order.id === body.args.orderId)).toHaveLength(1);
    expect(orders).toHaveLength(1);
  });

  it('still applies once after the hub restarts on the same data folder', async () => {
    const firstHub = await startTestHub();
    const pos = await firstHub.signIn(await firstHub.pair('pos'), CASHIER_PIN);
    const body = orderCreate([burgerLine()]);
    const first = await firstHub.command(pos, 'order.create', body);
    expect(first.statusCode).toBe(200);
    await firstHub.close({ keepData: true });

    const restarted = await startTestHub({ dataDir: firstHub.dataDir });
    hubs.push(restarted);
    const again = await restarted.command(pos, 'order.create', body);
    expect(again.statusCode).toBe(200);
    expect(again.json<{ replayed: boolean }>().replayed).toBe(true);
    expect(again.json<{ result: unknown }>().result).toEqual(first.json<{ result: unknown }>().result);
    const orders = await ordersOn(restarted, pos.headers);
    expect(orders.map((order) => order.id)).toEqual([body.args.orderId]);
  });

  it('two concurrent sends of one command make one order', async () => {
    const hub = await startTestHub();
    hubs.push(hub);
    const pos = await hub.signIn(await hub.pair('pos'), CASHIER_PIN);
    const body = orderCreate([colaLine()]);
    const [a, b] = await Promise.all([hub.command(pos, 'order.create', body), hub.command(pos, 'order.create', body)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect([a.json<{ replayed: boolean }>().replayed, b.json<{ replayed: boolean }>().replayed].sort()).toEqual([false, true]);
    expect(await ordersOn(hub, pos.headers)).toHaveLength(1);
  });
});
