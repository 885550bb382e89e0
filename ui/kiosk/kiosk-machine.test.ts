import { DEMO, type Order } from '@brigade/sync/model';
import { describe, expect, it } from 'vitest';
import { SimulatedClock, createActor, fromPromise, waitFor } from 'xstate';
import { newLine } from '../shared/draft-order';
import { KIOSK_TIMING, type KioskTiming, kioskMachine, timingFromQuery } from './kiosk-machine';

const fakeOrder = (id: string, paid = false) => ({ id, number: 'K-007', paymentStatus: paid ? 'paid' : 'unpaid' }) as unknown as Order;

function start(options: { charge?: () => Promise<Order>; timing?: KioskTiming } = {}) {
  const clock = new SimulatedClock();
  const created: string[] = [];
  let charges = 0;
  const machine = kioskMachine.provide({
    actors: {
      createOrder: fromPromise(({ input }) => {
        created.push(input.orderId);
        return Promise.resolve(fakeOrder(input.orderId));
      }),
      chargeCard: fromPromise(({ input }) => {
        charges += 1;
        return options.charge ? options.charge() : Promise.resolve(fakeOrder(input.order.id, true));
      }),
    },
  });
  const actor = createActor(machine, { clock, input: options.timing ? { timing: options.timing } : {} }).start();
  return { actor, clock, created, charges: () => charges };
}

const inState = (actor: ReturnType<typeof start>['actor'], path: string) => actor.getSnapshot().matches(path as never);

describe('kiosk flow', () => {
  it('returns to welcome and empties the cart when left idle', () => {
    const { actor, clock } = start();
    actor.send({ type: 'START' });
    actor.send({ type: 'ADD_LINE', line: newLine(DEMO.beer, [], 2) });
    clock.increment(KIOSK_TIMING.idleMs);
    expect(inState(actor, 'session.idle.asking')).toBe(true);
    expect(actor.getSnapshot().context.cart).toHaveLength(1);
    clock.increment(KIOSK_TIMING.askMs);
    expect(actor.getSnapshot().value).toBe('welcome');
    expect(actor.getSnapshot().context.cart).toEqual([]);
  });

  it('keeps the order when the customer answers "still here", and touches reset the timer', () => {
    const { actor, clock } = start();
    actor.send({ type: 'START' });
    actor.send({ type: 'ADD_LINE', line: newLine(DEMO.beer, [], 1) });
    clock.increment(KIOSK_TIMING.idleMs - 1000);
    actor.send({ type: 'ACTIVITY' });
    clock.increment(KIOSK_TIMING.idleMs - 1000);
    expect(inState(actor, 'session.idle.active')).toBe(true);
    clock.increment(1000);
    expect(inState(actor, 'session.idle.asking')).toBe(true);
    actor.send({ type: 'ACTIVITY' });
    clock.increment(KIOSK_TIMING.askMs);
    expect(inState(actor, 'session.flow.browsing')).toBe(true);
    expect(actor.getSnapshot().context.cart).toHaveLength(1);
  });

  it('refuses to check out an empty cart', () => {
    const { actor, created } = start();
    actor.send({ type: 'START' });
    actor.send({ type: 'VIEW_CART' });
    actor.send({ type: 'CHECKOUT' });
    expect(inState(actor, 'session.flow.cart')).toBe(true);
    expect(created).toEqual([]);
  });

  it('creates the order once and charges it again on the same order after a decline', async () => {
    let declines = 1;
    const { actor, created, charges } = start({
      charge: () => (declines-- > 0 ? Promise.reject(new Error('The card was declined.')) : Promise.resolve(fakeOrder('x', true))),
    });
    actor.send({ type: 'START' });
    actor.send({ type: 'ADD_LINE', line: newLine(DEMO.beer, [], 1) });
    actor.send({ type: 'VIEW_CART' });
    actor.send({ type: 'CHECKOUT' });
    const failed = await waitFor(actor, (s) => s.matches({ session: { flow: 'failed' } }));
    expect(failed.context.error).toBe('The card was declined.');
    actor.send({ type: 'RETRY' });
    await waitFor(actor, (s) => s.matches({ session: { flow: 'confirmed' } }));
    expect(created).toHaveLength(1);
    expect(charges()).toBe(2);
  });

  it('does not time out while the card is being charged', async () => {
    const { actor, clock } = start({ charge: () => new Promise<Order>(() => undefined) });
    actor.send({ type: 'START' });
    actor.send({ type: 'ADD_LINE', line: newLine(DEMO.beer, [], 1) });
    actor.send({ type: 'VIEW_CART' });
    actor.send({ type: 'CHECKOUT' });
    await waitFor(actor, (s) => s.matches({ session: { flow: { paying: 'charging' } } }));
    clock.increment(KIOSK_TIMING.idleMs + KIOSK_TIMING.askMs + 1);
    expect(inState(actor, 'session.flow.paying.charging')).toBe(true);
    expect(inState(actor, 'session.idle.active')).toBe(true);
  });

  it('shows the order number, then starts over by itself', async () => {
    const { actor, clock } = start();
    actor.send({ type: 'START' });
    actor.send({ type: 'ADD_LINE', line: newLine(DEMO.beer, [], 1) });
    actor.send({ type: 'VIEW_CART' });
    actor.send({ type: 'CHECKOUT' });
    const done = await waitFor(actor, (s) => s.matches({ session: { flow: 'confirmed' } }));
    expect(done.context.order?.number).toBe('K-007');
    clock.increment(KIOSK_TIMING.confirmationMs);
    expect(actor.getSnapshot().value).toBe('welcome');
    expect(actor.getSnapshot().context.order).toBeNull();
  });

  it('uses the waits the store set in the URL, within sane bounds', () => {
    const timing = timingFromQuery('?idleSeconds=5&askSeconds=1&confirmationSeconds=abc');
    expect(timing).toEqual({ idleMs: 5000, askMs: KIOSK_TIMING.askMs, confirmationMs: KIOSK_TIMING.confirmationMs });
    const { actor, clock } = start({ timing });
    actor.send({ type: 'START' });
    clock.increment(5000);
    expect(inState(actor, 'session.idle.asking')).toBe(true);
  });
});
