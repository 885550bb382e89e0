/**
 * The store's card reader: the drivers' Stripe Terminal reader or the simulated one, behind
 * a guard that tells "the card was declined" apart from "the reader could not take a card".
 * The store answers a thrown charge with PAYMENT_UNAVAILABLE and a declined one with
 * PAYMENT_DECLINED, so a busy, offline or timed-out reader is turned into a throw here:
 * the cashier must hear "take cash", not "the customer's card was refused".
 */
import {
  type ChargeRequest, type ChargeResult, type PaymentTerminal, type RefundRequest, type RefundResult, SimulatedTerminal, StripeTerminal,
} from '@brigade/drivers';
import type { TerminalSettings } from './device-settings';

/** Reasons the drivers give when the reader, not the card, failed. */
const unavailableReasons = new Set(['card reader offline', 'card reader busy', 'timed out waiting for a card']);

export class CardReaderUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`card reader unavailable: ${reason}`);
    this.name = 'CardReaderUnavailableError';
  }
}

export class GuardedTerminal implements PaymentTerminal {
  constructor(readonly inner: PaymentTerminal) {}

  async charge(req: ChargeRequest): Promise<ChargeResult> {
    const result = await this.inner.charge(req);
    if (result.status === 'declined' && unavailableReasons.has(result.reason)) throw new CardReaderUnavailableError(result.reason);
    return result;
  }

  refund(req: RefundRequest): Promise<RefundResult> {
    if (!this.inner.refund) return Promise.resolve({ status: 'failed', reason: 'this card reader cannot refund' });
    return this.inner.refund(req);
  }

  cancel(): Promise<void> {
    return this.inner.cancel();
  }

  health(): Promise<'online' | 'offline'> {
    return this.inner.health();
  }
}

export interface CardReaderOptions {
  /** How often the Stripe reader is polled while it waits for a card. */
  pollMs?: number;
  /** Give up waiting for a card after this long. */
  timeoutMs?: number;
}

export function createCardReader(settings: TerminalSettings, options: CardReaderOptions = {}): GuardedTerminal {
  if (settings.kind === 'simulated') return new GuardedTerminal(new SimulatedTerminal());
  return new GuardedTerminal(new StripeTerminal({
    secretKey: settings.apiKey,
    readerId: settings.readerId,
    client: settings.client,
    ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  }));
}
