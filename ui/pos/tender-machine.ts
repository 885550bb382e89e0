/**
 * Taking payment at the counter as a state machine, so a half-finished payment can never
 * be left in an impossible state (the card reader is busy while the cashier types cash…).
 *
 *   choosing ─CASH─▶ cash ─PAY (tendered ≥ due)─▶ capturingCash ─▶ paid (change due)
 *            └CARD─▶ card (follow the reader) ─▶ paid | declined ─RETRY─▶ card
 *
 * Paying less than due in cash is refused here; the hub refuses it too.
 */
import { type Cents, type Payment, cents, formatMoney } from '@brigade/sync/model';
import { assign, fromPromise, setup } from 'xstate';

export interface CaptureInput {
  tender: 'cash' | 'card';
  amount: Cents;
  tendered?: Cents;
}

export interface TenderContext {
  due: Cents;
  currency: string;
  tendered: Cents;
  error: string | null;
  payment: Payment | null;
}

export type TenderEvent =
  | { type: 'CASH' }
  | { type: 'CARD' }
  | { type: 'SET_TENDERED'; amount: Cents }
  | { type: 'EXACT' }
  | { type: 'PAY' }
  | { type: 'RETRY' }
  | { type: 'BACK' }
  | { type: 'CANCEL' };

/** Quick cash buttons: the exact amount, then the next round notes above it. */
export function quickCashAmounts(due: Cents): Cents[] {
  const amounts = new Set<number>([due]);
  for (const note of [500, 1000, 2000, 5000, 10000]) {
    const rounded = Math.ceil(due / note) * note;
    if (rounded > due) amounts.add(rounded);
  }
  return [...amounts].sort((a, b) => a - b).slice(0, 4).map(cents);
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : 'The payment failed.');

export const tenderMachine = setup({
  types: {
    context: {} as TenderContext,
    events: {} as TenderEvent,
    input: {} as { due: Cents; currency: string },
  },
  actors: {
    capture: fromPromise<Payment, CaptureInput>(() => Promise.reject(new Error('capture is provided by the screen'))),
  },
  guards: {
    coversDue: ({ context }) => context.tendered >= context.due,
  },
}).createMachine({
  id: 'tender',
  context: ({ input }) => ({ due: input.due, currency: input.currency, tendered: cents(0), error: null, payment: null }),
  initial: 'choosing',
  on: { CANCEL: '.cancelled' },
  states: {
    choosing: {
      on: { CASH: 'cash', CARD: 'card' },
    },
    cash: {
      on: {
        SET_TENDERED: { actions: assign({ tendered: ({ event }) => event.amount, error: null }) },
        EXACT: { actions: assign({ tendered: ({ context }) => context.due, error: null }) },
        PAY: [
          { guard: 'coversDue', target: 'capturingCash' },
          { actions: assign({ error: ({ context }) => `Take at least ${formatMoney(context.due, context.currency)}.` }) },
        ],
        BACK: { target: 'choosing', actions: assign({ tendered: cents(0), error: null }) },
      },
    },
    capturingCash: {
      invoke: {
        src: 'capture',
        input: ({ context }) => ({ tender: 'cash' as const, amount: context.due, tendered: context.tendered }),
        onDone: { target: 'paid', actions: assign({ payment: ({ event }) => event.output, error: null }) },
        onError: { target: 'cash', actions: assign({ error: ({ event }) => errorText(event.error) }) },
      },
      // Money may already have moved: the cashier cannot cancel mid-capture.
      on: { CANCEL: {} },
    },
    card: {
      invoke: {
        src: 'capture',
        input: ({ context }) => ({ tender: 'card' as const, amount: context.due }),
        onDone: { target: 'paid', actions: assign({ payment: ({ event }) => event.output, error: null }) },
        onError: { target: 'declined', actions: assign({ error: ({ event }) => errorText(event.error) }) },
      },
      on: { CANCEL: {} },
    },
    declined: {
      on: { RETRY: 'card', CASH: 'cash', BACK: 'choosing' },
    },
    paid: { type: 'final' },
    cancelled: { type: 'final' },
  },
});

/** Change due for a cash payment, as the hub recorded it (or as computed before it answers). */
export function changeDue(context: TenderContext): Cents {
  return context.payment?.change ?? cents(Math.max(0, context.tendered - context.due));
}
