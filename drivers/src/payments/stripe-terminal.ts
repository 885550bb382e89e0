/**
 * Card payments on a Stripe Terminal reader through the server-driven API: create a
 * card_present PaymentIntent, hand it to the reader (`processPaymentIntent`), follow the
 * reader's action until it succeeds or fails. Every POST carries an Idempotency-Key derived
 * from the charge's own key, so a retry — by the SDK after a 5xx or a dropped connection,
 * or by the POS after a restart — finds the same PaymentIntent and never charges twice.
 *
 * Stripe's offline mode exists only in the mobile SDKs: with this integration, card
 * payments stop when the store's internet is down (the POS then takes cash).
 */
import Stripe from 'stripe';
import {
  type ChargeRequest, type ChargeResult, type PaymentTerminal, type RefundRequest, type RefundResult, checkChargeRequest, checkRefundRequest,
} from './payment-terminal';

export interface StripeTerminalOptions {
  secretKey: string;
  readerId: string;
  /** SDK overrides (the fake API in tests: host, port, protocol). */
  client?: { host?: string; port?: number; protocol?: 'http' | 'https' };
  /** How often to look at the reader while it waits for a card. */
  pollMs?: number;
  /** Give up (and cancel the reader action) after this long without an outcome. */
  timeoutMs?: number;
  maxNetworkRetries?: number;
}

const failureReasons: Record<string, string> = {
  card_declined: 'card declined',
  canceled: 'cancelled',
  terminal_reader_timeout: 'timed out waiting for a card',
  terminal_reader_offline: 'card reader offline',
  terminal_reader_busy: 'card reader busy',
};

export class StripeTerminal implements PaymentTerminal {
  readonly stripe: Stripe;
  private cancelled = false;
  private wake: (() => void) | null = null;
  private woken = false;
  private readonly pollMs: number;
  private readonly timeoutMs: number;

  constructor(private readonly opts: StripeTerminalOptions) {
    this.stripe = new Stripe(opts.secretKey, {
      maxNetworkRetries: opts.maxNetworkRetries ?? 3,
      timeout: 15_000,
      ...(opts.client ?? {}),
    });
    this.pollMs = opts.pollMs ?? 500;
    this.timeoutMs = opts.timeoutMs ?? 120_000;
  }

  async charge(req: ChargeRequest): Promise<ChargeResult> {
    checkChargeRequest(req);
    this.cancelled = false;
    const key = req.idempotencyKey;
    const created = await this.stripe.paymentIntents.create(
      {
        amount: req.amount,
        currency: req.currency.toLowerCase(),
        allowed_payment_method_types: ['card_present'],
        capture_method: 'automatic',
        ...(req.description ? { description: req.description } : {}),
        metadata: { brigade_key: key },
      },
      { idempotencyKey: `${key}:intent` },
    );
    // A replayed create returns the intent as it was when first made, so ask for it now:
    // a retry of a charge that already went through is reported, the reader left alone.
    const intent = await this.stripe.paymentIntents.retrieve(created.id);
    if (intent.status === 'succeeded') return this.approved(intent.id);
    // The reader may still be working on this very intent (the POS restarted mid-payment).
    const reader = await this.stripe.terminal.readers.retrieve(this.opts.readerId);
    const action = 'deleted' in reader ? null : reader.action;
    if (action?.status === 'in_progress' && action.process_payment_intent?.payment_intent === intent.id) return this.follow(intent.id);
    try {
      // A fresh key per attempt: after a decline the same intent may be tried with another
      // card; the SDK's own retries of this request reuse the key.
      await this.stripe.terminal.readers.processPaymentIntent(this.opts.readerId, { payment_intent: intent.id }, { idempotencyKey: `${key}:process:${Date.now()}` });
    } catch (err) {
      const code = err instanceof Stripe.errors.StripeError ? err.code : undefined;
      if (code && failureReasons[code]) return { status: 'declined', reason: failureReasons[code] };
      throw err;
    }
    return this.follow(intent.id);
  }

  /** Stops the reader waiting for a card; the pending charge resolves declined ("cancelled"). */
  async cancel(): Promise<void> {
    this.cancelled = true;
    await this.stripe.terminal.readers.cancelAction(this.opts.readerId).catch(() => undefined);
  }

  async health(): Promise<'online' | 'offline'> {
    try {
      const reader = await this.stripe.terminal.readers.retrieve(this.opts.readerId);
      return 'deleted' in reader || reader.status !== 'online' ? 'offline' : 'online';
    } catch {
      return 'offline';
    }
  }

  /**
   * Refunds all or part of an approved charge. The key makes a retried refund (by the SDK
   * after a 5xx, or by the POS repeating its command) land once. Stripe refusing the refund
   * (already refunded, more than is left) is a `failed` result; Stripe out of reach throws.
   */
  async refund(req: RefundRequest): Promise<RefundResult> {
    checkRefundRequest(req);
    try {
      const refund = await this.stripe.refunds.create(
        { payment_intent: req.reference, amount: req.amount, metadata: { brigade_key: req.idempotencyKey } },
        { idempotencyKey: `${req.idempotencyKey}:refund` },
      );
      if (refund.status === 'failed' || refund.status === 'canceled') return { status: 'failed', reason: refund.failure_reason ?? `refund ${refund.status}` };
      return { status: 'refunded', reference: refund.id };
    } catch (err) {
      const refused = err instanceof Stripe.errors.StripeInvalidRequestError || err instanceof Stripe.errors.StripeCardError;
      if (refused) return { status: 'failed', reason: (err as Error).message };
      throw err;
    }
  }

  /** Verifies a webhook from Stripe (raw body and the `Stripe-Signature` header). */
  verifyWebhook(rawBody: string, signature: string, secret: string): Stripe.Event {
    return this.stripe.webhooks.constructEvent(rawBody, signature, secret);
  }

  /**
   * Verifies a webhook and, when it is about this reader's action, looks at the reader at
   * once instead of at the next poll: with webhooks set up, polling is only the fallback.
   */
  handleWebhook(rawBody: string, signature: string, secret: string): Stripe.Event {
    const event = this.verifyWebhook(rawBody, signature, secret);
    const reader = event.data.object as { id?: string };
    if (event.type.startsWith('terminal.reader.action_') && reader.id === this.opts.readerId) {
      // Remembered when it arrives while the reader is being fetched: the next wait ends at once.
      this.woken = true;
      this.wake?.();
    }
    return event;
  }

  private async follow(intentId: string): Promise<ChargeResult> {
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      await new Promise<void>((resolve) => {
        if (this.woken) {
          resolve();
          return;
        }
        const timer = setTimeout(resolve, this.pollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
      this.woken = false;
      const reader = await this.stripe.terminal.readers.retrieve(this.opts.readerId);
      const action = 'deleted' in reader ? null : reader.action;
      const mine = action?.process_payment_intent?.payment_intent === intentId;
      if (mine && action?.status === 'succeeded') return this.approved(intentId);
      if (mine && action?.status === 'failed') {
        const code = action.failure_code ?? 'failed';
        return { status: 'declined', reason: failureReasons[code] ?? action.failure_message ?? code };
      }
      if (this.cancelled) {
        // The cancel may have come before the reader had the payment: stop it now, or the
        // reader keeps waiting for a card and refuses the next payment as busy.
        await this.stripe.terminal.readers.cancelAction(this.opts.readerId).catch(() => undefined);
        return { status: 'declined', reason: 'cancelled' };
      }
      if (Date.now() > deadline) {
        await this.cancel();
        return { status: 'declined', reason: 'timed out waiting for a card' };
      }
    }
  }

  private async approved(intentId: string): Promise<ChargeResult> {
    const pi = await this.stripe.paymentIntents.retrieve(intentId, { expand: ['latest_charge'] });
    const charge = typeof pi.latest_charge === 'object' ? pi.latest_charge : null;
    const card = charge?.payment_method_details?.card_present;
    return { status: 'approved', reference: pi.id, ...(card?.brand ? { cardBrand: card.brand } : {}), ...(card?.last4 ? { last4: card.last4 } : {}) };
  }
}
