import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, newId } from '@brigade/sync/model';
import { CASHIER_PIN, MANAGER_PIN, type Screen, type TestHub, burgerLine, colaLine, orderCreate, startTestHub } from './hub-test-kit';

let hub: TestHub;
let cashierPos: Screen;
let kiosk: Screen;
let kds: Screen;
let openOrderId: string;

beforeAll(async () => {
  hub = await startTestHub();
  cashierPos = await hub.signIn(await hub.pair('pos'), CASHIER_PIN);
  kiosk = await hub.pair('kiosk');
  kds = await hub.pair('kds', { stationId: DEMO.grill });
  const created = orderCreate([burgerLine()]);
  const response = await hub.command(cashierPos, 'order.create', created);
  expect(response.statusCode).toBe(200);
  openOrderId = created.args.orderId as string;
});

afterAll(async () => {
  await hub.close();
});

/** Sends a request and checks it is refused with `status` and `code` and wrote nothing. */
async function expectRefused(send: () => Promise<{ statusCode: number; json: <T>() => T }>, status: number, code: string): Promise<void> {
  const before = hub.counts();
  const response = await send();
  expect(response.statusCode).toBe(status);
  expect(response.json<{ error: { code: string; message: string } }>().error.code).toBe(code);
  expect(hub.counts()).toEqual(before);
}

describe('the hub refuses bad input with a 4xx and a stable code, writing nothing', () => {
  it('refuses malformed JSON', async () => {
    await expectRefused(
      () => hub.app.inject({ method: 'POST', url: '/api/commands/order.create', headers: { ...cashierPos.headers, 'content-type': 'application/json' }, payload: '{"commandId": "x", "args": {' }),
      400,
      'BAD_REQUEST',
    );
  });

  it('refuses a body that is not JSON', async () => {
    await expectRefused(
      () => hub.app.inject({ method: 'POST', url: '/api/commands/order.create', headers: { ...cashierPos.headers, 'content-type': 'text/plain' }, payload: JSON.stringify(orderCreate([burgerLine()])) }),
      400,
      'BAD_REQUEST',
    );
  });

  it('refuses a body over 256 KiB', async () => {
    const huge = orderCreate([burgerLine({ note: 'x'.repeat(300 * 1024) })]);
    await expectRefused(() => hub.command(cashierPos, 'order.create', huge), 413, 'BODY_TOO_LARGE');
  });

  it('refuses a command that does not exist', async () => {
    await expectRefused(() => hub.command(cashierPos, 'order.teleport', { commandId: newId(), args: {} }), 404, 'UNKNOWN_COMMAND');
  });

  it('answers an unknown route with NOT_FOUND', async () => {
    await expectRefused(() => hub.app.inject({ method: 'GET', url: '/api/nothing-here', headers: cashierPos.headers }), 404, 'NOT_FOUND');
  });

  it('refuses a command without commandId', async () => {
    const { args } = orderCreate([burgerLine()]);
    await expectRefused(() => hub.command(cashierPos, 'order.create', { args }), 400, 'VALIDATION_FAILED');
  });

  it('refuses a commandId that is not a UUIDv7', async () => {
    const body = { ...orderCreate([burgerLine()]), commandId: '0b6a5f2e-3c1d-4e7a-9b8c-123456789abc' };
    await expectRefused(() => hub.command(cashierPos, 'order.create', body), 400, 'VALIDATION_FAILED');
  });

  it('refuses extra fields in the envelope, the args and a line', async () => {
    await expectRefused(() => hub.command(cashierPos, 'order.create', { ...orderCreate([burgerLine()]), sneaky: true }), 400, 'VALIDATION_FAILED');
    await expectRefused(() => hub.command(cashierPos, 'order.create', orderCreate([burgerLine()], { discount: 500 })), 400, 'VALIDATION_FAILED');
    await expectRefused(() => hub.command(cashierPos, 'order.create', orderCreate([burgerLine({ free: true })])), 400, 'VALIDATION_FAILED');
  });

  it('refuses a price sent in a line: the hub prices orders itself', async () => {
    await expectRefused(() => hub.command(cashierPos, 'order.create', orderCreate([burgerLine({ price: 1 })])), 400, 'VALIDATION_FAILED');
  });

  it('refuses an order whose expected total is not the server total', async () => {
    await expectRefused(() => hub.command(cashierPos, 'order.create', orderCreate([burgerLine()], { expectedTotal: 1 })), 409, 'PRICE_MISMATCH');
  });

  it('refuses negative, zero, fractional, huge and string quantities', async () => {
    for (const quantity of [-1, 0, 1.5, 1_000_000, '2']) {
      await expectRefused(() => hub.command(cashierPos, 'order.create', orderCreate([burgerLine({ quantity })])), 400, 'VALIDATION_FAILED');
    }
  });

  it('refuses a burger without its required doneness', async () => {
    await expectRefused(() => hub.command(cashierPos, 'order.create', orderCreate([burgerLine({ modifierOptionIds: [] })])), 422, 'MODIFIER_REQUIRED');
  });

  it('refuses an item that is not on the menu', async () => {
    await expectRefused(() => hub.command(cashierPos, 'order.create', orderCreate([colaLine({ itemId: 'item-caviar' })])), 422, 'ITEM_UNKNOWN');
  });

  it('refuses a screen that is not paired', async () => {
    await expectRefused(() => hub.command(null, 'order.create', orderCreate([burgerLine()])), 401, 'DEVICE_NOT_PAIRED');
    const forged: Screen = { ...kiosk, headers: { authorization: 'Bearer not-a-real-token' } };
    await expectRefused(() => hub.command(forged, 'order.create', orderCreate([burgerLine()])), 401, 'DEVICE_NOT_PAIRED');
    await expectRefused(() => hub.app.inject({ method: 'GET', url: '/api/menu' }), 401, 'DEVICE_NOT_PAIRED');
  });

  it('refuses a KDS creating an order and a kiosk voiding one', async () => {
    await expectRefused(() => hub.command(kds, 'order.create', orderCreate([burgerLine()])), 403, 'WRONG_DEVICE_ROLE');
    await expectRefused(() => hub.command(kiosk, 'order.void', { commandId: newId(), args: { orderId: openOrderId, reason: 'prank' } }), 403, 'WRONG_DEVICE_ROLE');
  });

  it('refuses reads to screens of the wrong role', async () => {
    await expectRefused(() => hub.app.inject({ method: 'GET', url: '/api/orders', headers: kds.headers }), 403, 'WRONG_DEVICE_ROLE');
    await expectRefused(() => hub.app.inject({ method: 'GET', url: '/api/audit', headers: cashierPos.headers }), 403, 'MANAGER_APPROVAL_REQUIRED');
  });

  it('refuses a cashier voiding an order without a manager PIN, or with a wrong one', async () => {
    await expectRefused(() => hub.command(cashierPos, 'order.void', { commandId: newId(), args: { orderId: openOrderId, reason: 'customer left' } }), 403, 'MANAGER_APPROVAL_REQUIRED');
    await expectRefused(
      () => hub.command(cashierPos, 'order.void', { commandId: newId(), args: { orderId: openOrderId, reason: 'customer left', managerPin: CASHIER_PIN } }),
      403,
      'MANAGER_APPROVAL_REQUIRED',
    );
  });

  it('refuses POS commands before anyone signed in', async () => {
    const bare = await hub.pair('pos');
    await expectRefused(() => hub.command(bare, 'order.create', orderCreate([burgerLine()])), 401, 'STAFF_SIGN_IN_REQUIRED');
    await expectRefused(() => hub.command({ ...bare, headers: { ...bare.headers, 'x-staff-session': 'made-up' } }, 'order.create', orderCreate([burgerLine()])), 401, 'STAFF_SIGN_IN_REQUIRED');
  });

  it('refuses the same commandId used for different args', async () => {
    const first = orderCreate([colaLine()]);
    expect((await hub.command(cashierPos, 'order.create', first)).statusCode).toBe(200);
    await expectRefused(() => hub.command(cashierPos, 'order.create', { commandId: first.commandId, args: { ...first.args, orderId: newId() } }), 409, 'COMMAND_ID_REUSED');
  });

  it('refuses a revoked screen', async () => {
    const doomed = await hub.pair('kiosk');
    const revoke = await hub.command(cashierPos, 'device.revoke', { commandId: newId(), args: { deviceId: doomed.deviceId, managerPin: MANAGER_PIN } });
    expect(revoke.statusCode).toBe(200);
    await expectRefused(() => hub.command(doomed, 'order.create', orderCreate([burgerLine()], { channel: 'kiosk' })), 401, 'DEVICE_REVOKED');
  });

  it('refuses a setup code that does not exist', async () => {
    await expectRefused(() => hub.app.inject({ method: 'POST', url: '/api/pairing/setup', payload: { setupCode: 'guessed-code', name: 'Intruder' } }), 400, 'PAIRING_CODE_INVALID');
  });

  it('refuses a wrong PIN, and locks PIN entry on the screen after five', async () => {
    const pos = await hub.pair('pos');
    const wrong = async (): Promise<string> =>
      (await hub.app.inject({ method: 'POST', url: '/api/session', headers: pos.headers, payload: { pin: '0000' } })).json<{ error: { code: string } }>().error.code;
    for (let attempt = 1; attempt <= 4; attempt++) expect(await wrong()).toBe('PIN_INVALID');
    // The fifth wrong PIN locks the screen: it may already say so.
    expect(['PIN_INVALID', 'PIN_LOCKED']).toContain(await wrong());
    const locked = await hub.app.inject({ method: 'POST', url: '/api/session', headers: pos.headers, payload: { pin: CASHIER_PIN } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json<{ error: { code: string } }>().error.code).toBe('PIN_LOCKED');
  });
});
