/**
 * The kiosk's whole customer flow as one machine, so a kiosk can never be left stuck half
 * way: welcome → browse and customise → cart (with an upsell) → pay on the reader (or
 * with a gift card, the rest on the reader) → order number → welcome. A parallel `idle` region watches for touches: after IDLE_MS
 * without one it asks "Are you still there?", and after ASK_MS more it returns to welcome
 * with an empty cart, so the next customer never sees someone else's order. It never
 * interrupts a payment in progress.
 */
import type { LineId, LineRequest, Order, OrderId } from '@brigade/sync/model';
import { newId } from '@brigade/sync/model';
import { and, assign, fromPromise, not, setup, stateIn } from 'xstate';
import { addOrMerge, changeQuantity } from '../shared/draft-order';

export const KIOSK_TIMING = {
  /** Without a touch for this long, the kiosk asks whether anyone is there. */
  idleMs: 60_000,
  /** How long the question stays before the kiosk starts over. */
  askMs: 20_000,
  /** How long the order number stays up after paying. */
  confirmationMs: 20_000,
} as const;

export type KioskTiming = { readonly [K in keyof typeof KIOSK_TIMING]: number };

/**
 * A store may set other waits in the kiosk's URL (`?idleSeconds=90&askSeconds=15`), e.g. a
 * slower pace for an accessible kiosk; values outside 2 s – 10 min are ignored.
 */
export function timingFromQuery(search: string): KioskTiming {
  const query = new URLSearchParams(search);
  const seconds = (name: string, fallbackMs: number) => {
    const value = Number(query.get(name));
    return Number.isFinite(value) && value >= 2 && value <= 600 ? value * 1000 : fallbackMs;
  };
  return {
    idleMs: seconds('idleSeconds', KIOSK_TIMING.idleMs),
    askMs: seconds('askSeconds', KIOSK_TIMING.askMs),
    confirmationMs: seconds('confirmationSeconds', KIOSK_TIMING.confirmationMs),
  };
}

export interface KioskContext {
  timing: KioskTiming;
  cart: LineRequest[];
  orderId: OrderId | null;
  order: Order | null;
  error: string | null;
  /** How the customer chose to pay; a gift card that does not cover the order leaves the rest to the reader. */
  method: 'card' | 'gift';
}

export type KioskEvent =
  | { type: 'START' }
  | { type: 'ACTIVITY' }
  | { type: 'ADD_LINE'; line: LineRequest }
  | { type: 'CHANGE_QTY'; lineId: LineId; delta: number }
  | { type: 'VIEW_CART' }
  | { type: 'BACK' }
  | { type: 'CHECKOUT' }
  | { type: 'CHECKOUT_GIFT' }
  /** The gift card paid what it could; the order as the hub now has it. */
  | { type: 'GIFT_PAID'; order: Order }
  /** The customer gave up on the gift card: pay on the reader instead. */
  | { type: 'GIFT_SKIP' }
  | { type: 'RETRY' }
  | { type: 'FINISH' };

const errorText = (error: unknown): string => (error instanceof Error ? error.message : 'The payment did not go through.');
const emptyOrder = () => ({ cart: [], orderId: null, order: null, error: null, method: 'card' as const });

/** The machine's input: only the store's waits, when it set its own. */
export interface KioskInput {
  timing?: KioskTiming;
}
const inputShape: KioskInput = {};

export const kioskMachine = setup({
  types: { context: {} as KioskContext, events: {} as KioskEvent, input: inputShape },
  actors: {
    createOrder: fromPromise<Order, { orderId: OrderId; lines: LineRequest[] }>(() => Promise.reject(new Error('createOrder is provided by the screen'))),
    chargeCard: fromPromise<Order, { order: Order }>(() => Promise.reject(new Error('chargeCard is provided by the screen'))),
  },
  guards: {
    hasItems: ({ context }) => context.cart.length > 0,
    orderCreated: ({ context }) => context.order !== null,
    payingByGift: ({ context }) => context.method === 'gift',
    giftPaidAll: ({ event }) => event.type === 'GIFT_PAID' && event.order.paid >= event.order.totals.total,
    customerMayLeave: and([not(stateIn('#kiosk.session.flow.paying')), not(stateIn('#kiosk.session.flow.confirmed'))]),
  },
  delays: {
    idle: ({ context }) => context.timing.idleMs,
    ask: ({ context }) => context.timing.askMs,
    confirmation: ({ context }) => context.timing.confirmationMs,
  },
}).createMachine({
  id: 'kiosk',
  context: ({ input }) => ({ timing: input.timing ?? KIOSK_TIMING, ...emptyOrder() }),
  initial: 'welcome',
  states: {
    welcome: {
      entry: assign(emptyOrder),
      on: { START: 'session' },
    },
    session: {
      type: 'parallel',
      on: {
        ADD_LINE: { actions: assign({ cart: ({ context, event }) => addOrMerge(context.cart, event.line) }) },
        CHANGE_QTY: { actions: assign({ cart: ({ context, event }) => changeQuantity(context.cart, event.lineId, event.delta) }) },
      },
      states: {
        flow: {
          initial: 'browsing',
          states: {
            browsing: { on: { VIEW_CART: 'cart' } },
            cart: {
              on: {
                BACK: 'browsing',
                CHECKOUT: { guard: 'hasItems', target: 'paying', actions: assign({ orderId: () => newId<OrderId>(), order: null, error: null, method: 'card' }) },
                CHECKOUT_GIFT: { guard: 'hasItems', target: 'paying', actions: assign({ orderId: () => newId<OrderId>(), order: null, error: null, method: 'gift' }) },
              },
            },
            paying: {
              initial: 'creating',
              states: {
                creating: {
                  invoke: {
                    src: 'createOrder',
                    input: ({ context }) => ({ orderId: context.orderId ?? newId<OrderId>(), lines: context.cart }),
                    onDone: [
                      { guard: 'payingByGift', target: 'giftCard', actions: assign({ order: ({ event }) => event.output }) },
                      { target: 'charging', actions: assign({ order: ({ event }) => event.output }) },
                    ],
                    onError: { target: '#kiosk.session.flow.failed', actions: assign({ error: ({ event }) => errorText(event.error) }) },
                  },
                },
                giftCard: {
                  on: {
                    GIFT_PAID: [
                      { guard: 'giftPaidAll', target: '#kiosk.session.flow.confirmed', actions: assign({ order: ({ event }) => event.order }) },
                      { target: 'charging', actions: assign({ order: ({ event }) => event.order }) },
                    ],
                    GIFT_SKIP: 'charging',
                  },
                },
                charging: {
                  invoke: {
                    src: 'chargeCard',
                    input: ({ context }) => ({ order: context.order as Order }),
                    onDone: { target: '#kiosk.session.flow.confirmed', actions: assign({ order: ({ event }) => event.output }) },
                    onError: { target: '#kiosk.session.flow.failed', actions: assign({ error: ({ event }) => errorText(event.error) }) },
                  },
                },
              },
            },
            failed: {
              on: {
                // The order already exists at the hub: try the card again on the same order.
                RETRY: [{ guard: 'orderCreated', target: 'paying.charging' }, { target: 'paying' }],
                BACK: { target: 'cart', actions: assign({ order: null, orderId: null, error: null }) },
              },
            },
            confirmed: {
              after: { confirmation: '#kiosk.welcome' },
              on: { FINISH: '#kiosk.welcome' },
            },
          },
        },
        idle: {
          initial: 'active',
          states: {
            active: {
              on: { ACTIVITY: { target: 'active', reenter: true } },
              after: { idle: [{ guard: 'customerMayLeave', target: 'asking' }, { target: 'active', reenter: true }] },
            },
            asking: {
              on: { ACTIVITY: 'active' },
              after: { ask: '#kiosk.welcome' },
            },
          },
        },
      },
    },
  },
});
