import { randomUUID } from 'node:crypto';
import { type ChargeRequest, type ChargeResult, type PaymentTerminal, PaymentRequestError, checkChargeRequest } from './payment-terminal';

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
  readonly captured: Array<{ reference: string; amount: number; currency: string; idempotencyKey: string }> = [];

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
    if (result.status === 'approved') this.captured.push({ reference: result.reference, amount: req.amount, currency: req.currency.toUpperCase(), idempotencyKey: req.idempotencyKey });
    return result;
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
