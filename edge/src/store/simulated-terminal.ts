/** The demo's card reader: approves every charge, and answers a repeated key with the same result. */
import { randomBytes } from 'node:crypto';
import type { PaymentTerminal } from './types';

type ChargeResult = Awaited<ReturnType<PaymentTerminal['charge']>>;

export function createSimulatedTerminal(): PaymentTerminal {
  const seen = new Map<string, ChargeResult>();
  return {
    charge(req) {
      const earlier = seen.get(req.idempotencyKey);
      if (earlier) return Promise.resolve(earlier);
      const result: ChargeResult = { status: 'approved', reference: `sim_${randomBytes(8).toString('hex')}`, cardBrand: 'visa', last4: '4242' };
      seen.set(req.idempotencyKey, result);
      return Promise.resolve(result);
    },
    // The demo's refunds always go through; the drivers' simulator checks amounts.
    refund(req) {
      return Promise.resolve({ status: 'refunded', reference: `simre_${req.idempotencyKey}` });
    },
  };
}
