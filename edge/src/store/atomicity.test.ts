import { afterEach, describe, expect, it } from 'vitest';
import { BrigadeError, newId } from '@brigade/sync/model';
import { type TestStore, actors, count, createArgs, createOrder, fingerprint, openTestStore } from './test-support';

let t: TestStore | undefined;
afterEach(() => t?.cleanup());

describe('one transaction per command', () => {
  it('leaves nothing behind when a command fails after writing inside its transaction', async () => {
    let failNext = true;
    t = openTestStore({
      beforeCommit: () => {
        if (failNext) throw new Error('power cut simulated before commit');
      },
    });
    const heard: unknown[] = [];
    t.store.onEvents((events) => heard.push(...events));
    const before = fingerprint(t.store);
    const args = createArgs();
    await expect(t.store.execute('order.create', newId(), args, actors.cashier)).rejects.toThrow('power cut');
    expect(fingerprint(t.store)).toEqual(before);
    expect(count(t.store, 'order_lines')).toBe(0);
    expect(count(t.store, 'outbox')).toBe(0);
    expect(count(t.store, 'audit_log')).toBe(0);
    expect(count(t.store, 'commands')).toBe(0);
    expect(count(t.store, 'order_counters')).toBe(0);
    expect(heard).toEqual([]);
    // The same order goes through once the fault is gone, and takes the first number.
    failNext = false;
    const outcome = await t.store.execute('order.create', newId(), args, actors.cashier);
    expect((outcome.result as { order: { number: string } }).order.number).toBe('001');
  });

  it('rolls back a fire whose kitchen print job collides with an existing job', async () => {
    t = openTestStore();
    const order = await createOrder(t.store);
    // A job already holding the idem key this fire will use: the insert fails half-way.
    t.store.db.prepare(
      "INSERT INTO print_jobs (id, idem_key, kind, printer_role, station_id, order_id, payload, status, attempts, reprint, next_attempt_at, created_at, updated_at) VALUES (?, ?, 'kitchen', 'kitchen', 'drinks', ?, '{}', 'printed', 1, 0, '', '', '')",
    ).run(newId(), `kitchen:${order.id}:drinks:1`, order.id);
    const before = fingerprint(t.store);
    const error = await t.store.execute('order.fire', newId(), { orderId: order.id }, actors.cashier).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(BrigadeError);
    expect(fingerprint(t.store)).toEqual(before);
    expect(count(t.store, 'kitchen_tickets')).toBe(0);
    expect(t.store.queries.order(order.id).status).toBe('open');
    expect(t.store.queries.order(order.id).lines.every((l) => l.firedIn === null)).toBe(true);
  });
});
