import { DEMO, type Order } from '@brigade/sync/model';
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { newLine } from '../shared/draft-order';
import { kioskMachine } from './kiosk-machine';

const order = (id: string, total: number, paid: number) => ({ id, number: 'K-010', paid, totals: { total } }) as unknown as Order;

function start() {
  let charged: Order | null = null;
  const machine = kioskMachine.provide({
    actors: {
      createOrder: fromPromise(({ input }) => Promise.resolve(order(input.orderId, 1200, 0))),
      chargeCard: fromPromise(({ input }) => {
        charged = input.order;
        return Promise.resolve(order(input.order.id, 1200, 1200));
      }),
    },
  });
  const actor = createActor(machine, { input: {} }).start();
  actor.send({ type: 'START' });
  actor.send({ type: 'ADD_LINE', line: newLine(DEMO.beer, [], 1) });
  actor.send({ type: 'VIEW_CART' });
  return { actor, charged: () => charged };
}

describe('kiosk gift card payment', () => {
  it('waits for the card number instead of the reader, and a card that covers the order confirms it', async () => {
    const { actor, charged } = start();
    actor.send({ type: 'CHECKOUT_GIFT' });
    await waitFor(actor, (s) => s.matches({ session: { flow: { paying: 'giftCard' } } }));
    const id = actor.getSnapshot().context.order?.id ?? '';
    actor.send({ type: 'GIFT_PAID', order: order(id, 1200, 1200) });
    expect(actor.getSnapshot().matches({ session: { flow: 'confirmed' } })).toBe(true);
    expect(charged()).toBeNull();
  });

  it('a card that covers part leaves the rest to the reader, on the same order', async () => {
    const { actor, charged } = start();
    actor.send({ type: 'CHECKOUT_GIFT' });
    await waitFor(actor, (s) => s.matches({ session: { flow: { paying: 'giftCard' } } }));
    const id = actor.getSnapshot().context.order?.id ?? '';
    actor.send({ type: 'GIFT_PAID', order: order(id, 1200, 500) });
    await waitFor(actor, (s) => s.matches({ session: { flow: 'confirmed' } }));
    expect(charged()).toMatchObject({ id, paid: 500 });
  });

  it('giving up on the card pays on the reader', async () => {
    const { actor, charged } = start();
    actor.send({ type: 'CHECKOUT_GIFT' });
    await waitFor(actor, (s) => s.matches({ session: { flow: { paying: 'giftCard' } } }));
    actor.send({ type: 'GIFT_SKIP' });
    await waitFor(actor, (s) => s.matches({ session: { flow: 'confirmed' } }));
    expect(charged()).not.toBeNull();
  });

  it('an ordinary checkout still goes straight to the reader', async () => {
    const { actor, charged } = start();
    actor.send({ type: 'CHECKOUT' });
    await waitFor(actor, (s) => s.matches({ session: { flow: 'confirmed' } }));
    expect(charged()).not.toBeNull();
  });
});
