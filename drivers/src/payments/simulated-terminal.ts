import { randomUUID } from 'node:crypto';
import {
  type ChargeRequest, type ChargeResult, type PaymentTerminal, type RefundRequest, type RefundResult, PaymentRequestError, checkChargeRequest, checkRefundRequest,
} from './payment-terminal';

/**
 * A card reader for the demo and tests. It approves, except amounts ending in 13 cents,
 * which decline ("card declined") so a decline can be shown on purpose. It remembers
 * idempotency keys: a retry returns the first answer and never charges twice.
 */
export class SimulatedTerminal implements PaymentTerminal {
  private readonly results = new Map<string, { fingerprint: string; result: ChargeResult }>();
  private pending: { resolve: (r: ChargeResult) => void; timer: NodeJS.Timeout } | null = null;
  private online = true;
  /** Approved charges, one per idempotency key: what the bank would have settled. */
  readonly captured: Array<{ reference: string; amount: number; currency: string; idempotencyKey: string; refunded: number }> = [];
  private readonly refunds = new Map<string, RefundResult>();

  /** `delayMs` keeps a charge waiting for a card, so cancel can be shown. */
  constructor(private readonly opts: { delayMs?: number } = {}) {}

  setOnline(online: boolean): void {
    this.online = online;
  }

  async charge(req: ChargeRequest): Promise<ChargeResult> {
    checkChargeRequest(req);
    const fingerprint = `${req.amount}:${req.currency.toUpperCase()}`;
    const seen = this.results.get(req.idempotencyKey);
    if (seen) {
      if (seen.fingerprint !== fingerprint) throw new PaymentRequestError('idempotencyKey was already used for a different charge');
      return seen.result;
    }
    if (!this.online) return { status: 'declined', reason: 'card reader offline' };
    if (this.pending) return { status: 'declined', reason: 'card reader busy' };
    const waited = await this.waitForCard();
    if (waited) return waited; // cancelled: not remembered, the same key may be tried again
    const result: ChargeResult = req.amount % 100 === 13
      ? { status: 'declined', reason: 'card declined' }
      : { status: 'approved', reference: `sim_${randomUUID()}`, cardBrand: 'visa', last4: '4242' };
    this.results.set(req.idempotencyKey, { fingerprint, result });
    if (result.status === 'approved') this.captured.push({ reference: result.reference, amount: req.amount, currency: req.currency.toUpperCase(), idempotencyKey: req.idempotencyKey, refunded: 0 });
    return result;
  }

  /** Refunds what is left of a charge it approved; a repeated key answers the first result. */
  refund(req: RefundRequest): Promise<RefundResult> {
    checkRefundRequest(req);
    const seen = this.refunds.get(req.idempotencyKey);
    if (seen) return Promise.resolve(seen);
    const charge = this.captured.find((c) => c.reference === req.reference);
    const left = charge ? charge.amount - charge.refunded : 0;
    const result: RefundResult = !charge
      ? { status: 'failed', reason: 'no such charge' }
      : req.amount > left ? { status: 'failed', reason: `only ${left} left to refund` } : { status: 'refunded', reference: `simre_${randomUUID()}` };
    if (charge && result.status === 'refunded') charge.refunded += req.amount;
    this.refunds.set(req.idempotencyKey, result);
    return Promise.resolve(result);
  }

  cancel(): Promise<void> {
    const p = this.pending;
    if (p) {
      this.pending = null;
      clearTimeout(p.timer);
      p.resolve({ status: 'declined', reason: 'cancelled' });
    }
    return Promise.resolve();
  }

  health(): Promise<'online' | 'offline'> {
    return Promise.resolve(this.online ? 'online' : 'offline');
  }

  private waitForCard(): Promise<ChargeResult | null> {
    const delay = this.opts.delayMs ?? 0;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending = null;
        resolve(null);
      }, delay);
      this.pending = { resolve, timer };
    });
  }
}
