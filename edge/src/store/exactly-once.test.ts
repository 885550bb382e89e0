import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrigadeError} from '@brigade/sync/model';
import { type Order, newId } from '@brigade/sync/model';
import { openEdgeStore } from './open-store';
import { type TestStore, actors, count, createArgs, createOrder, openTestStore } from './test-support';
import type { PaymentTerminal } from './types';

let t: TestStore;
beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.cleanup());

describe('exactly once', () => {
  it('applies the same order.create commandId once and replays the first result', async () => {
    const commandId = newId();
    const args = createArgs();
    const first = await t.store.execute('order.create', commandId, args, actors.cashier);
    const second = await t.store.execute('order.create', commandId, args, actors.cashier);
    expect(first.replayed).toBe(false);
    expect(second.replayed).toBe(true);
    expect(second.result).toEqual(first.result);
    expect(count(t.store, 'orders')).toBe(1);
    expect(count(t.store, 'commands')).toBe(1);
    expect(count(t.store, 'outbox', "name = 'order.snapshot'")).toBe(1);
  });

  it('still replays after the store is closed and reopened', async () => {
    const commandId = newId();
    const args = createArgs();
    const first = await t.store.execute('order.create', commandId, args, actors.cashier);
    t.reopen();
    const again = await t.store.execute('order.create', commandId, args, actors.cashier);
    expect(again.replayed).toBe(true);
    expect((again.result as { order: Order }).order.number).toBe((first.result as { order: Order }).order.number);
    expect(count(t.store, 'orders')).toBe(1);
  });

  it('forgets results after thirty days, and a very late retry is still refused by its ids', async () => {
    const commandId = newId();
    const args = createArgs();
    await t.store.execute('order.create', commandId, args, actors.cashier);
    t.clock.advance(29 * 24 * 60 * 60 * 1000);
    t.reopen();
    expect((await t.store.execute('order.create', commandId, args, actors.cashier)).replayed).toBe(true);
    t.clock.advance(2 * 24 * 60 * 60 * 1000);
    t.reopen();
    expect(count(t.store, 'commands')).toBe(0);
    await expect(t.store.execute('order.create', commandId, args, actors.cashier)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(count(t.store, 'orders')).toBe(1);
  });

  it('refuses the same commandId with other args or for another command', async () => {
    const commandId = newId();
    await t.store.execute('order.create', commandId, createArgs(), actors.cashier);
    const otherArgs = await t.store.execute('order.create', commandId, createArgs(), actors.cashier).catch((e: unknown) => e);
    expect((otherArgs as BrigadeError).code).toBe('COMMAND_ID_REUSED');
    const otherName = await t.store.execute('drawer.open', commandId, { reason: 'change' }, actors.manager).catch((e: unknown) => e);
    expect((otherName as BrigadeError).code).toBe('COMMAND_ID_REUSED');
    expect(count(t.store, 'orders')).toBe(1);
    expect(count(t.store, 'print_jobs')).toBe(0);
  });

  it('applies concurrent duplicates once', async () => {
    const commandId = newId();
    const args = createArgs();
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => t.store.execute('order.create', commandId, args, actors.cashier)));
    expect(outcomes.filter((o) => !o.replayed)).toHaveLength(1);
    expect(new Set(outcomes.map((o) => (o.result as { order: Order }).order.id)).size).toBe(1);
    expect(count(t.store, 'orders')).toBe(1);
  });

  it('charges the card once when a card payment is sent twice at the same time', async () => {
    const charges: string[] = [];
    const terminal: PaymentTerminal = {
      async charge(req) {
        charges.push(req.idempotencyKey);
        await new Promise((resolve) => setTimeout(resolve, 20));
        return { status: 'approved', reference: `ref-${charges.length}` };
      },
    };
    t.reopen({ terminal });
    const order = await createOrder(t.store);
    const commandId = newId();
    const args = { orderId: order.id, paymentId: newId(), tender: 'card', amount: order.totals.total };
    const [a, b] = await Promise.all([
      t.store.execute('payment.capture', commandId, args, actors.cashier),
      t.store.execute('payment.capture', commandId, args, actors.cashier),
    ]);
    expect(charges).toEqual([commandId]);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(count(t.store, 'payments')).toBe(1);
  });

  it('keeps the manager PIN out of the command log', async () => {
    const commandId = newId();
    await t.store.execute('drawer.open', commandId, { reason: 'change for the float', managerPin: '9999' }, actors.cashier);
    const raw = JSON.stringify(t.store.db.prepare('SELECT * FROM commands').all()) + JSON.stringify(t.store.db.prepare('SELECT * FROM audit_log').all());
    expect(raw).not.toContain('9999');
    const replay = await t.store.execute('drawer.open', commandId, { reason: 'change for the float', managerPin: '9999' }, actors.cashier);
    expect(replay.replayed).toBe(true);
  });
});

describe('exactly once across payments and processes', () => {
  it('lets only one of two different full card payments on one order through, charging once', async () => {
    const charged: number[] = [];
    t.reopen({
      terminal: {
        async charge(req) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          charged.push(req.amount);
          return { status: 'approved', reference: `ref-${charged.length}` };
        },
      },
    });
    const order = await createOrder(t.store);
    const pay = () => t.store.execute('payment.capture', newId(), { orderId: order.id, paymentId: newId(), tender: 'card', amount: order.totals.total }, actors.cashier);
    const results = await Promise.allSettled([pay(), pay()]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refusal = results.find((r) => r.status === 'rejected');
    expect((refusal as PromiseRejectedResult).reason).toMatchObject({ code: 'ORDER_ALREADY_PAID' });
    expect(charged).toEqual([order.totals.total]);
    expect(count(t.store, 'payments')).toBe(1);
  });

  it('answers as a replay when another process applied the same commandId while this one was preparing', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: PaymentTerminal = {
      async charge(req) {
        await gate;
        return { status: 'approved', reference: `slow-${req.idempotencyKey}` };
      },
    };
    t.reopen({ terminal: slow });
    const order = await createOrder(t.store);
    const other = openEdgeStore({ dataDir: t.dir, now: t.clock.now });
    try {
      const commandId = newId();
      const args = { orderId: order.id, paymentId: newId(), tender: 'card', amount: order.totals.total };
      const mine = t.store.execute('payment.capture', commandId, args, actors.cashier);
      const theirs = await other.execute('payment.capture', commandId, args, actors.cashier);
      release();
      const outcome = await mine;
      expect(theirs.replayed).toBe(false);
      expect(outcome.replayed).toBe(true);
      expect(outcome.result).toEqual(theirs.result);
      expect(count(t.store, 'payments')).toBe(1);
    } finally {
      other.close();
    }
  });
});
