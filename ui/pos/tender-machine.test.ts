import { type Payment, type PaymentId, type OrderId, cents } from '@brigade/sync/model';
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { type CaptureInput, changeDue, quickCashAmounts, tenderMachine } from './tender-machine';

function payment(input: CaptureInput): Payment {
  const tendered = input.tendered ?? null;
  return {
    id: 'p' as PaymentId, orderId: 'o' as OrderId, tender: input.tender, amount: input.amount, tip: cents(0),
    tendered, change: tendered === null ? null : cents(tendered - input.amount),
    status: 'captured', refunded: cents(0), reference: null, createdAt: '2026-01-01T00:00:00Z',
  };
}

function start(due: number, capture: (input: CaptureInput) => Promise<Payment>) {
  const calls: CaptureInput[] = [];
  const machine = tenderMachine.provide({
    actors: { capture: fromPromise<Payment, CaptureInput>(({ input }) => { calls.push(input); return capture(input); }) },
  });
  const actor = createActor(machine, { input: { due: cents(due), currency: 'USD' } }).start();
  return { actor, calls };
}

describe('tender flow', () => {
  it('refuses a cash payment smaller than the amount due and never calls the hub', () => {
    const { actor, calls } = start(1234, (i) => Promise.resolve(payment(i)));
    actor.send({ type: 'CASH' });
    actor.send({ type: 'SET_TENDERED', amount: cents(1000) });
    actor.send({ type: 'PAY' });
    expect(actor.getSnapshot().value).toBe('cash');
    expect(actor.getSnapshot().context.error).toContain('$12.34');
    expect(calls).toHaveLength(0);
  });

  it('captures cash covering the amount due and shows the change', async () => {
    const { actor, calls } = start(1234, (i) => Promise.resolve(payment(i)));
    actor.send({ type: 'CASH' });
    actor.send({ type: 'SET_TENDERED', amount: cents(2000) });
    actor.send({ type: 'PAY' });
    const done = await waitFor(actor, (s) => s.matches('paid'));
    expect(calls).toEqual([{ tender: 'cash', amount: 1234, tendered: 2000 }]);
    expect(changeDue(done.context)).toBe(766);
  });

  it('pays the exact amount with no change', async () => {
    const { actor, calls } = start(999, (i) => Promise.resolve(payment(i)));
    actor.send({ type: 'CASH' });
    actor.send({ type: 'EXACT' });
    actor.send({ type: 'PAY' });
    const done = await waitFor(actor, (s) => s.matches('paid'));
    expect(calls[0]?.tendered).toBe(999);
    expect(changeDue(done.context)).toBe(0);
  });

  it('goes to declined when the card is refused, and a retry asks the reader again', async () => {
    let declines = 1;
    const { actor, calls } = start(500, (i) => (declines-- > 0 ? Promise.reject(new Error('The card was declined.')) : Promise.resolve(payment(i))));
    actor.send({ type: 'CARD' });
    const declined = await waitFor(actor, (s) => s.matches('declined'));
    expect(declined.context.error).toBe('The card was declined.');
    actor.send({ type: 'RETRY' });
    await waitFor(actor, (s) => s.matches('paid'));
    expect(calls.map((c) => c.tender)).toEqual(['card', 'card']);
  });

  it('keeps the cashier in cash with the hub message when the capture is refused', async () => {
    const { actor } = start(700, () => Promise.reject(new Error('That order is already paid.')));
    actor.send({ type: 'CASH' });
    actor.send({ type: 'EXACT' });
    actor.send({ type: 'PAY' });
    const back = await waitFor(actor, (s) => s.matches('cash') && s.context.error !== null);
    expect(back.context.error).toBe('That order is already paid.');
  });

  it('cannot be cancelled while the reader is charging', () => {
    const { actor } = start(500, () => new Promise<Payment>(() => undefined));
    actor.send({ type: 'CARD' });
    actor.send({ type: 'CANCEL' });
    expect(actor.getSnapshot().value).toBe('card');
  });

  it('offers the exact amount and round notes above it as quick cash', () => {
    const due = cents(1234);
    const quick = quickCashAmounts(due);
    expect(quick[0]).toBe(1234);
    expect(quick.slice(1).every((a) => a > due && a % 500 === 0)).toBe(true);
    expect(new Set(quick).size).toBe(quick.length);
  });
});
