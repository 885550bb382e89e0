/**
 * Two terminals on one check lose nothing: two POS screens talk to the real hub over HTTP at
 * the same time, each sending many interleaved line commands (add, change quantity, move to
 * a seat, discount, void) and some retries of the same command. Every change must survive,
 * and the check must be priced as the model prices the lines both terminals meant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CheckLineRequest, DEMO, type LineDiscount, type LineId, demoMenu, indexMenu, newId, priceCheck } from '@brigade/sync/model';
import type { CheckView } from '../store/commands/check-rows';
import { CASHIER_PIN, MANAGER_PIN, type Screen, type TestHub, startTestHub } from './hub-test-kit';

let hub: TestHub;
let base: string;

beforeAll(async () => {
  hub = await startTestHub();
  await hub.app.listen({ host: '127.0.0.1', port: 0 });
  const address = hub.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the hub is not listening');
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await hub.close();
});

/** One terminal: sends commands over real HTTP and keeps what it meant each line to become. */
class Terminal {
  readonly intended = new Map<string, { request: CheckLineRequest; voided: boolean }>();

  constructor(private readonly screen: Screen, private readonly seat: number) {}

  async send(name: string, args: Record<string, unknown>, commandId = newId()): Promise<void> {
    const response = await fetch(`${base}/api/commands/${name}`, {
      method: 'POST', headers: { ...this.screen.headers, 'content-type': 'application/json' }, body: JSON.stringify({ commandId, args }),
    });
    if (response.status !== 200) throw new Error(`${name} answered ${response.status}: ${await response.text()}`);
  }

  /** A deterministic mix of changes on this terminal's own lines, `rounds` times. */
  async work(orderId: string, rounds: number): Promise<void> {
    const items = [DEMO.cola, DEMO.brulee, DEMO.burger];
    for (let i = 0; i < rounds; i++) {
      const itemId = items[i % items.length] as string;
      const request: CheckLineRequest = {
        lineId: newId<LineId>(), itemId: itemId as CheckLineRequest['itemId'], quantity: 1,
        modifierOptionIds: itemId === DEMO.burger ? [DEMO.medium] : itemId === DEMO.cola ? [DEMO.regular] : [],
        seat: this.seat,
      };
      const addId = newId();
      // A retry of the same command (a lost answer) must not add the line twice.
      await Promise.all([this.send('check.addLines', { orderId, lines: [request] }, addId), this.send('check.addLines', { orderId, lines: [request] }, addId)]);
      this.intended.set(request.lineId, { request, voided: false });
      const own = [...this.intended.values()].filter((l) => !l.voided);
      const pick = own[(i * 7) % own.length];
      if (!pick) continue;
      const id = pick.request.lineId;
      switch (i % 4) {
        case 0:
          await this.send('check.setQuantity', { orderId, lineId: id, quantity: 2 + (i % 3) });
          pick.request = { ...pick.request, quantity: 2 + (i % 3) };
          break;
        case 1:
          await this.send('check.moveLines', { orderId, lineIds: [id], seat: this.seat + 10 });
          pick.request = { ...pick.request, seat: this.seat + 10 };
          break;
        case 2: {
          const discount: LineDiscount = { name: 'Regular', value: { kind: 'percent', bps: 1000 + i } };
          await this.send('check.discountLine', { orderId, lineId: id, discount });
          pick.request = { ...pick.request, discount };
          break;
        }
        default:
          await this.send('order.voidLine', { orderId, lineId: id, reason: 'Changed their mind' });
          pick.voided = true;
      }
    }
  }
}

describe('two terminals on one check', () => {
  it('keeps every change both make at the same time, priced as the model prices them', async () => {
    const a = new Terminal(await hub.signIn(await hub.pair('pos'), MANAGER_PIN), 1);
    const b = new Terminal(await hub.signIn(await hub.pair('pos'), MANAGER_PIN), 2);
    const opener = await hub.signIn(await hub.pair('pos'), CASHIER_PIN);
    const orderId = newId();
    const opened = await hub.command(opener, 'check.open', { commandId: newId(), args: { orderId, tableId: 't4', guests: 4 } });
    expect(opened.statusCode).toBe(200);

    await Promise.all([a.work(orderId, 40), b.work(orderId, 40)]);

    const response = await fetch(`${base}/api/checks/${orderId}`, { headers: opener.headers });
    expect(response.status).toBe(200);
    const { check } = (await response.json()) as { check: CheckView };
    const intended = [...a.intended.values(), ...b.intended.values()];
    expect(check.lines).toHaveLength(intended.length);
    const byId = new Map(check.lines.map((l) => [l.lineId, l]));
    const orderLines = new Map(check.order.lines.map((l) => [l.lineId as string, l]));
    for (const { request, voided } of intended) {
      const stored = byId.get(request.lineId);
      expect(stored?.voided, request.lineId).toBe(voided);
      expect(stored?.seat).toBe(request.seat);
      expect(stored?.discount ?? undefined).toEqual(request.discount);
      expect(orderLines.get(request.lineId)?.quantity).toBe(request.quantity);
    }
    const live = intended.filter((l) => !l.voided).map((l) => l.request);
    const expected = priceCheck(indexMenu(demoMenu), { lines: live, diningOption: 'eat_in', guests: 4 }).totals;
    expect(check.totals).toEqual(expected);
    expect(check.order.totals.total).toBe(expected.total);
  });
});
