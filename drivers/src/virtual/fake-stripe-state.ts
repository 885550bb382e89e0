/**
 * The state behind the fake Stripe API: readers, PaymentIntents, charges and refunds, with
 * reader actions that succeed, decline or time out on cue. Objects carry the fields the
 * real API returns that our client reads; nothing more.
 */
import { randomBytes } from 'node:crypto';

export type ReaderOutcome = 'approve' | 'decline' | 'timeout' | 'wait';

export interface FakeReader {
  id: string;
  object: 'terminal.reader';
  label: string;
  device_type: string;
  status: 'online' | 'offline';
  action: null | {
    type: 'process_payment_intent';
    status: 'in_progress' | 'succeeded' | 'failed';
    failure_code: string | null;
    failure_message: string | null;
    process_payment_intent: { payment_intent: string };
  };
}

export interface FakePaymentIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  currency: string;
  status: 'requires_payment_method' | 'processing' | 'succeeded' | 'canceled';
  capture_method: string;
  payment_method_types: string[];
  description: string | null;
  metadata: Record<string, string>;
  latest_charge: string | null;
  last_payment_error: null | { code: string; decline_code?: string; message: string };
  created: number;
}

export interface FakeCharge {
  id: string;
  object: 'charge';
  amount: number;
  amount_refunded: number;
  currency: string;
  payment_intent: string;
  refunded: boolean;
  payment_method_details: { type: 'card_present'; card_present: { brand: string; last4: string } } | { type: 'card'; card: { brand: string; last4: string } };
}

export interface FakeRefund {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  payment_intent: string;
  charge: string;
  status: 'succeeded';
}

export class StripeApiError extends Error {
  constructor(readonly status: number, readonly type: string, readonly code: string, message: string, readonly param?: string) {
    super(message);
  }
}

export const DECLINE_CARD = '4000000000000002';

export const newStripeId = (prefix: string): string => `${prefix}_${randomBytes(12).toString('hex')}`;

export class FakeStripeState {
  readonly readers = new Map<string, FakeReader>();
  readonly intents = new Map<string, FakePaymentIntent>();
  readonly charges = new Map<string, FakeCharge>();
  readonly refunds = new Map<string, FakeRefund>();
  readonly outcomes = new Map<string, { outcome: ReaderOutcome; afterMs: number }>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly onActionDone: (reader: FakeReader) => void) {}

  addReader(id: string, status: 'online' | 'offline' = 'online'): FakeReader {
    const reader: FakeReader = { id, object: 'terminal.reader', label: id, device_type: 'simulated_wisepos_e', status, action: null };
    this.readers.set(id, reader);
    return reader;
  }

  reader(id: string): FakeReader {
    const r = this.readers.get(id);
    if (!r) throw new StripeApiError(404, 'invalid_request_error', 'resource_missing', `No such reader: '${id}'`, 'id');
    return r;
  }

  intent(id: string): FakePaymentIntent {
    const pi = this.intents.get(id);
    if (!pi) throw new StripeApiError(404, 'invalid_request_error', 'resource_missing', `No such payment_intent: '${id}'`, 'payment_intent');
    return pi;
  }

  createIntent(p: Record<string, unknown>): FakePaymentIntent {
    const amount = Number(p.amount);
    if (!Number.isSafeInteger(amount) || amount < 1) throw new StripeApiError(400, 'invalid_request_error', 'parameter_invalid_integer', 'Invalid positive integer', 'amount');
    if (typeof p.currency !== 'string' || !/^[a-z]{3}$/i.test(p.currency)) throw new StripeApiError(400, 'invalid_request_error', 'parameter_invalid_empty', 'Missing required param: currency.', 'currency');
    const requested = p.allowed_payment_method_types ?? p.payment_method_types;
    const types = Array.isArray(requested) ? requested.map(String) : ['card'];
    const pi: FakePaymentIntent = {
      id: newStripeId('pi'), object: 'payment_intent', amount, amount_received: 0, currency: p.currency.toLowerCase(),
      status: 'requires_payment_method', capture_method: typeof p.capture_method === 'string' ? p.capture_method : 'automatic',
      payment_method_types: types, description: typeof p.description === 'string' ? p.description : null,
      metadata: (p.metadata as Record<string, string> | undefined) ?? {}, latest_charge: null, last_payment_error: null,
      created: Math.floor(Date.now() / 1000),
    };
    this.intents.set(pi.id, pi);
    return pi;
  }

  process(readerId: string, intentId: string): FakeReader {
    const reader = this.reader(readerId);
    const pi = this.intent(intentId);
    if (reader.status === 'offline') throw new StripeApiError(400, 'invalid_request_error', 'terminal_reader_offline', 'Reader is currently offline, please ensure the reader is powered on and connected to the internet before retrying your request.');
    if (reader.action?.status === 'in_progress') throw new StripeApiError(400, 'invalid_request_error', 'terminal_reader_busy', 'Reader is currently busy processing another request.');
    if (pi.status !== 'requires_payment_method') throw new StripeApiError(400, 'invalid_request_error', 'payment_intent_unexpected_state', `This PaymentIntent's status is ${pi.status}.`);
    reader.action = { type: 'process_payment_intent', status: 'in_progress', failure_code: null, failure_message: null, process_payment_intent: { payment_intent: pi.id } };
    const plan = this.outcomes.get(readerId) ?? { outcome: 'approve', afterMs: 30 };
    if (plan.outcome !== 'wait') {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (reader.action?.status !== 'in_progress') return;
        if (plan.outcome === 'timeout') this.fail(reader, 'terminal_reader_timeout', 'The reader timed out waiting for the customer to present a card.');
        else this.present(reader, plan.outcome === 'decline' ? DECLINE_CARD : '4242424242424242');
      }, plan.afterMs);
      this.timers.add(timer);
    }
    return reader;
  }

  /** What the customer's card does at the reader. */
  present(reader: FakeReader, number: string): FakeReader {
    if (reader.action?.status !== 'in_progress') throw new StripeApiError(400, 'invalid_request_error', 'terminal_reader_no_action', 'The reader has no action in progress.');
    const pi = this.intent(reader.action.process_payment_intent.payment_intent);
    if (number === DECLINE_CARD) {
      pi.last_payment_error = { code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' };
      this.fail(reader, 'card_declined', 'Your card was declined.');
      return reader;
    }
    const charge: FakeCharge = {
      id: newStripeId('ch'), object: 'charge', amount: pi.amount, amount_refunded: 0, currency: pi.currency, payment_intent: pi.id, refunded: false,
      payment_method_details: { type: 'card_present', card_present: { brand: 'visa', last4: number.slice(-4) } },
    };
    this.charges.set(charge.id, charge);
    Object.assign(pi, { status: 'succeeded', amount_received: pi.amount, latest_charge: charge.id, last_payment_error: null });
    reader.action = { ...reader.action, status: 'succeeded' };
    this.onActionDone(reader);
    return reader;
  }

  /** A card-not-present payment (the online checkout confirming with a test card). */
  confirm(intentId: string, paymentMethod: string): FakePaymentIntent {
    const pi = this.intent(intentId);
    if (pi.status !== 'requires_payment_method') throw new StripeApiError(400, 'invalid_request_error', 'payment_intent_unexpected_state', `This PaymentIntent's status is ${pi.status}.`);
    if (paymentMethod === 'pm_card_chargeDeclined') {
      pi.last_payment_error = { code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' };
      throw new StripeApiError(402, 'card_error', 'card_declined', 'Your card was declined.');
    }
    const charge: FakeCharge = {
      id: newStripeId('ch'), object: 'charge', amount: pi.amount, amount_refunded: 0, currency: pi.currency, payment_intent: pi.id, refunded: false,
      payment_method_details: { type: 'card', card: { brand: 'visa', last4: '4242' } },
    };
    this.charges.set(charge.id, charge);
    Object.assign(pi, { status: 'succeeded', amount_received: pi.amount, latest_charge: charge.id, last_payment_error: null });
    return pi;
  }

  cancelAction(readerId: string): FakeReader {
    const reader = this.reader(readerId);
    if (reader.status === 'offline') throw new StripeApiError(400, 'invalid_request_error', 'terminal_reader_offline', 'Reader is currently offline.');
    if (reader.action?.status === 'in_progress') this.fail(reader, 'canceled', 'The action was canceled.');
    return reader;
  }

  refund(p: Record<string, unknown>): FakeRefund {
    const pi = this.intent(String(p.payment_intent));
    const charge = pi.latest_charge ? this.charges.get(pi.latest_charge) : undefined;
    if (!charge || pi.status !== 'succeeded') throw new StripeApiError(400, 'invalid_request_error', 'charge_not_captured', 'This PaymentIntent has no successful charge to refund.');
    const left = charge.amount - charge.amount_refunded;
    const amount = p.amount === undefined ? left : Number(p.amount);
    if (!Number.isSafeInteger(amount) || amount < 1) throw new StripeApiError(400, 'invalid_request_error', 'parameter_invalid_integer', 'Invalid positive integer', 'amount');
    if (left === 0) throw new StripeApiError(400, 'invalid_request_error', 'charge_already_refunded', 'This charge has already been refunded.');
    if (amount > left) throw new StripeApiError(400, 'invalid_request_error', 'amount_too_large', `Refund amount (${amount}) is greater than unrefunded amount on charge (${left}).`, 'amount');
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    const refund: FakeRefund = { id: newStripeId('re'), object: 'refund', amount, currency: charge.currency, payment_intent: pi.id, charge: charge.id, status: 'succeeded' };
    this.refunds.set(refund.id, refund);
    return refund;
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private fail(reader: FakeReader, code: string, message: string): void {
    if (!reader.action) return;
    reader.action = { ...reader.action, status: 'failed', failure_code: code, failure_message: message };
    this.onActionDone(reader);
  }
}
