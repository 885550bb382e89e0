import { SimulatedTerminal } from '@brigade/drivers';
import { describe, expect, it } from 'vitest';
import { CardReaderUnavailableError, GuardedTerminal } from './card-reader';

const charge = (amount: number, key: string) => ({ amount, currency: 'USD', idempotencyKey: key });

describe('the card reader guard', () => {
  it('passes approvals and card declines through unchanged', async () => {
    const reader = new GuardedTerminal(new SimulatedTerminal());
    expect(await reader.charge(charge(1000, 'key-approve-1'))).toMatchObject({ status: 'approved' });
    // The simulated reader declines amounts ending in 13 cents, as a customer's bank would.
    expect(await reader.charge(charge(1013, 'key-decline-1'))).toEqual({ status: 'declined', reason: 'card declined' });
  });

  it('turns an offline or busy reader into a failure the store answers with PAYMENT_UNAVAILABLE', async () => {
    const inner = new SimulatedTerminal();
    const reader = new GuardedTerminal(inner);
    inner.setOnline(false);
    await expect(reader.charge(charge(1000, 'key-offline-1'))).rejects.toBeInstanceOf(CardReaderUnavailableError);
    expect(await reader.health()).toBe('offline');

    inner.setOnline(true);
    const slow = new SimulatedTerminal({ delayMs: 10_000 });
    const busyReader = new GuardedTerminal(slow);
    const waiting = busyReader.charge(charge(1000, 'key-waiting-1'));
    await expect(busyReader.charge(charge(2000, 'key-busy-1'))).rejects.toThrow(/card reader busy/);
    await busyReader.cancel();
    expect(await waiting).toEqual({ status: 'declined', reason: 'cancelled' });
  });
});
