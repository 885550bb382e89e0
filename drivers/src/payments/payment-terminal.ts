/** A card reader the POS can ask for a payment; Stripe Terminal or the simulator. */
export interface ChargeRequest {
  /** Minor units (cents). */
  amount: number;
  currency: string;
  /** The same key on a retry returns the first result and never charges twice. */
  idempotencyKey: string;
  description?: string;
}

export type ChargeResult =
  | { status: 'approved'; reference: string; cardBrand?: string; last4?: string }
  | { status: 'declined'; reason: string };

/** Gives back all or part of an approved charge. */
export interface RefundRequest {
  /** The approved charge's reference (the PaymentIntent id for Stripe). */
  reference: string;
  /** Minor units; never more than what is left of the charge. */
  amount: number;
  currency: string;
  /** The same key on a retry refunds once. */
  idempotencyKey: string;
}

export type RefundResult = { status: 'refunded'; reference: string } | { status: 'failed'; reason: string };

export interface PaymentTerminal {
  charge(req: ChargeRequest): Promise<ChargeResult>;
  /** Throws when the provider cannot be reached (the refund may be retried with the same key). */
  refund?(req: RefundRequest): Promise<RefundResult>;
  /** Stops a charge waiting for a card; the pending `charge` resolves declined ("cancelled"). */
  cancel(): Promise<void>;
  health(): Promise<'online' | 'offline'>;
}

export class PaymentRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PaymentRequestError';
  }
}

export function checkChargeRequest(req: ChargeRequest): void {
  if (!Number.isSafeInteger(req.amount) || req.amount <= 0) throw new PaymentRequestError('amount must be a positive whole number of minor units');
  if (!/^[A-Za-z]{3}$/.test(req.currency)) throw new PaymentRequestError('currency must be a three-letter ISO code');
  if (typeof req.idempotencyKey !== 'string' || req.idempotencyKey.length < 8 || req.idempotencyKey.length > 255) {
    throw new PaymentRequestError('idempotencyKey must be 8 to 255 characters');
  }
}

export function checkRefundRequest(req: RefundRequest): void {
  checkChargeRequest({ amount: req.amount, currency: req.currency, idempotencyKey: req.idempotencyKey });
  if (typeof req.reference !== 'string' || req.reference.length === 0) throw new PaymentRequestError('reference must name the approved charge');
}
