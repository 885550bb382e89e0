import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrigadeError } from '@brigade/sync/model';
import { type TestStore, createOrder, openTestStore, payCash } from './test-support';

let t: TestStore;
beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.cleanup());

describe('print queue for the print runner', () => {
  it('hands out due jobs oldest first and records each outcome', async () => {
    const order = await payCash(t.store, await createOrder(t.store));
    const due = t.store.printJobs.nextDue(t.clock.now());
    expect(due.map((j) => j.kind)).toEqual(['drawer', 'kitchen', 'kitchen', 'receipt']);
    expect(due.every((j) => j.orderId === order.id && j.status === 'queued' && j.attempts === 0)).toBe(true);
    const [drawer, kitchen] = due;
    if (!drawer || !kitchen) throw new Error('expected jobs');
    t.store.printJobs.mark(drawer.id, 'sending', { attempts: 1, printerId: 'receipt' });
    t.store.printJobs.mark(drawer.id, 'printed', { printedAt: t.clock.now() });
    expect(t.store.printJobs.get(drawer.id)).toMatchObject({ status: 'printed', attempts: 1, printerId: 'receipt', printedAt: t.clock.now().toISOString() });
    // A failed attempt waits for its retry time before it is due again.
    const retryAt = new Date(t.clock.now().getTime() + 30_000);
    t.store.printJobs.mark(kitchen.id, 'queued', { attempts: 1, lastError: 'paper out', nextAttemptAt: retryAt });
    expect(t.store.printJobs.nextDue(t.clock.now()).map((j) => j.id)).not.toContain(kitchen.id);
    expect(t.store.printJobs.nextDue(retryAt).map((j) => j.id)).toContain(kitchen.id);
    expect(t.store.printJobs.get(kitchen.id).lastError).toBe('paper out');
    expect(t.store.printJobs.list({ status: 'printed' }).map((j) => j.id)).toEqual([drawer.id]);
    expect(t.store.printJobs.nextDue(retryAt, 1)).toHaveLength(1);
  });

  it('refuses unknown jobs', () => {
    expect(() => t.store.printJobs.get('nope')).toThrow(BrigadeError);
    expect(() => t.store.printJobs.mark('nope', 'printed')).toThrow(expect.objectContaining({ code: 'PRINT_JOB_NOT_FOUND' }));
  });

  it('leaves money-bearing writes fully synchronous after a relaxed print mark, even a failed one', async () => {
    const order = await payCash(t.store, await createOrder(t.store));
    const [job] = t.store.printJobs.nextDue(t.clock.now());
    if (!job) throw new Error('expected a job');
    t.store.printJobs.mark(job.id, 'sending', { attempts: 1 });
    t.store.printJobs.mark(job.id, 'printed', { printedAt: t.clock.now() });
    expect(() => t.store.printJobs.mark('nope', 'held')).toThrow(expect.objectContaining({ code: 'PRINT_JOB_NOT_FOUND' }));
    // 2 = FULL: the next command (a payment, say) still waits for the disk.
    expect(t.store.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(t.store.printJobs.get(job.id).status).toBe('printed');
    expect(order.paymentStatus).toBe('paid');
  });
});
