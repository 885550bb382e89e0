/**
 * The hub's online-order routes over a real hub and store: the POS reads which orders came
 * from the cloud with their flags, other screens may not, and the node's own command cannot
 * be sent by any screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type OnlineIntake, newId } from '@brigade/sync/model';
import { CASHIER_PIN, type Screen, type TestHub, startTestHub } from '../hub/hub-test-kit';
import { actors } from '../store/test-support';
import { jsonSafeRow, createOnlineIntake } from './online-orders';
import { cloudRow, onlineAcceptArgs } from './online-test-support';

let hub: TestHub;
let pos: Screen;
let kds: Screen;

beforeAll(async () => {
  hub = await startTestHub();
  pos = await hub.signIn(await hub.pair('pos'), CASHIER_PIN);
  kds = await hub.pair('kds');
});
afterAll(async () => {
  await hub.close();
});

describe('online orders at the hub', () => {
  it('lists the orders taken from the cloud with what needs a person', async () => {
    await hub.store.execute('item.set86', newId(), { itemId: DEMO.fries, unavailable: true }, actors.manager);
    const flagged = cloudRow([{ itemId: DEMO.fries, quantity: 1, modifierOptionIds: [DEMO.regular] }]);
    const plain = cloudRow([{ itemId: DEMO.cola, quantity: 1, modifierOptionIds: [DEMO.regular] }]);
    hub.store.shapes.apply(
      'online_orders',
      [flagged, plain].map((r) => ({ key: String(r.id), value: jsonSafeRow(r), headers: { operation: 'insert' as const } })),
      { handle: 'h', offset: '1_0', reset: true },
    );
    await createOnlineIntake({ store: hub.store }).process();

    const response = await hub.app.inject({ method: 'GET', url: '/api/online-orders', headers: pos.headers });
    expect(response.statusCode).toBe(200);
    const byId = new Map(response.json<{ orders: OnlineIntake[] }>().orders.map((o) => [o.orderId, o]));
    expect(byId.get(String(flagged.id))?.flags).toEqual([{ kind: 'eighty_sixed', itemId: DEMO.fries, name: 'Fries' }]);
    expect(byId.get(String(plain.id))?.flags).toEqual([]);
    expect(byId.get(String(plain.id))?.paidOnline).toBe(Number(plain.total));
  });

  it('refuses other screens, bad queries, and the acceptance command from any screen, writing nothing', async () => {
    expect((await hub.app.inject({ method: 'GET', url: '/api/online-orders', headers: kds.headers })).json<{ error: { code: string } }>().error.code).toBe('WRONG_DEVICE_ROLE');
    expect((await hub.app.inject({ method: 'GET', url: '/api/online-orders' })).statusCode).toBe(401);
    const bad = await hub.app.inject({ method: 'GET', url: '/api/online-orders?limit=0', headers: pos.headers });
    expect(bad.statusCode).toBe(400);
    const before = hub.counts();
    const sent = await hub.command(pos, 'order.acceptOnline', { commandId: newId(), args: onlineAcceptArgs() });
    expect(sent.statusCode).toBe(403);
    expect(sent.json<{ error: { code: string } }>().error.code).toBe('WRONG_DEVICE_ROLE');
    expect(hub.counts()).toEqual(before);
  });
});
