/**
 * The floor and check reads over the hub: the demo floor plan, open checks on their tables
 * (split parts in place of the check they came from, settled ones gone), and refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, newId } from '@brigade/sync/model';
import type { FloorView } from '../store/commands/check-reads';
import type { CheckView } from '../store/commands/check-rows';
import { CASHIER_PIN, type Screen, type TestHub, startTestHub } from './hub-test-kit';

let hub: TestHub;
let pos: Screen;
beforeAll(async () => {
  hub = await startTestHub();
  pos = await hub.signIn(await hub.pair('pos'), CASHIER_PIN);
});
afterAll(async () => {
  await hub.close();
});

async function floor(): Promise<FloorView> {
  const response = await hub.app.inject({ method: 'GET', url: '/api/floor', headers: pos.headers });
  expect(response.statusCode).toBe(200);
  return response.json<FloorView>();
}

async function command<T = { check: CheckView }>(name: string, args: Record<string, unknown>): Promise<T> {
  const response = await hub.command(pos, name, { commandId: newId(), args });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ result: T }>().result;
}

describe('GET /api/floor and /api/checks/{id}', () => {
  it('shows the demo floor, a check on its table, its split parts until each is paid, and a transfer', async () => {
    const plan = await floor();
    expect(plan.sections.map((s) => s.name)).toEqual(['Dining room', 'Bar']);
    expect(plan.tables.find((t) => t.label === '4')?.seats).toBeGreaterThan(0);
    const lines = [1, 2].map((seat) => ({ lineId: newId(), itemId: DEMO.brulee, quantity: 1, modifierOptionIds: [], seat }));
    const { check } = await command('check.open', { orderId: newId(), tableId: 't4', guests: 2, lines });
    expect((await floor()).checks.filter((c) => c.tableId === 't4').map((c) => c.orderId)).toEqual([check.orderId]);

    const read = await hub.app.inject({ method: 'GET', url: `/api/checks/${check.orderId}`, headers: pos.headers });
    expect(read.json<{ check: CheckView }>().check.lines.map((l) => l.seat)).toEqual([1, 2]);

    await command('check.update', { orderId: check.orderId, tableId: 't5' });
    const moved = await floor();
    expect(moved.checks.filter((c) => c.tableId === 't4')).toHaveLength(0);
    expect(moved.checks.find((c) => c.orderId === check.orderId)?.tableId).toBe('t5');

    const childOrderIds = [newId(), newId()];
    await command('check.split', { orderId: check.orderId, mode: 'seat', childOrderIds });
    const split = await floor();
    expect(split.checks.filter((c) => c.parentOrderId === check.orderId).map((c) => c.splitLabel)).toEqual(['Seat 1', 'Seat 2']);
    for (const id of childOrderIds) {
      const { check: part } = await hub.app.inject({ method: 'GET', url: `/api/checks/${id}`, headers: pos.headers }).then((r) => r.json<{ check: CheckView }>());
      await command('payment.capture', { orderId: id, paymentId: newId(), tender: 'cash', amount: part.totals.total });
    }
    expect((await floor()).checks.filter((c) => c.orderId === check.orderId || c.parentOrderId === check.orderId)).toHaveLength(0);
  });

  it('refuses an unknown check, a malformed id, and screens other than a POS', async () => {
    const unknown = await hub.app.inject({ method: 'GET', url: `/api/checks/${newId()}`, headers: pos.headers });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<{ error: { code: string } }>().error.code).toBe('ORDER_NOT_FOUND');
    const malformed = await hub.app.inject({ method: 'GET', url: '/api/checks/not-an-id', headers: pos.headers });
    expect(malformed.statusCode).toBe(400);
    const kds = await hub.pair('kds', { stationId: DEMO.grill });
    const refused = await hub.app.inject({ method: 'GET', url: '/api/floor', headers: kds.headers });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('WRONG_DEVICE_ROLE');
    expect((await hub.app.inject({ method: 'GET', url: '/api/floor' })).statusCode).toBe(401);
  });
});
