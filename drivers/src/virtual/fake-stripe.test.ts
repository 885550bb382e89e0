import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeStripe, parseStripeForm, startFakeStripe } from './fake-stripe';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function setup(): Promise<{ fake: FakeStripe; stripe: Stripe }> {
  const fake = await startFakeStripe();
  cleanup.push(() => fake.close());
  return { fake, stripe: new Stripe('sk_test_brigade', { ...fake.clientConfig(), maxNetworkRetries: 0 }) };
}

describe('fake Stripe API refusals (through the real SDK)', () => {
  it('refuses a bad amount or currency with Stripe error codes and creates nothing', async () => {
    const { fake, stripe } = await setup();
    await expect(stripe.paymentIntents.create({ amount: 0, currency: 'eur' })).rejects.toMatchObject({ statusCode: 400, code: 'parameter_invalid_integer', param: 'amount' });
    await expect(stripe.paymentIntents.create({ amount: 100, currency: 'euro' })).rejects.toMatchObject({ statusCode: 400, param: 'currency' });
    expect(fake.state.intents.size).toBe(0);
  });

  it('refuses an idempotency key reused with other parameters', async () => {
    const { fake, stripe } = await setup();
    await stripe.paymentIntents.create({ amount: 100, currency: 'eur' }, { idempotencyKey: 'same-key-1' });
    await expect(stripe.paymentIntents.create({ amount: 200, currency: 'eur' }, { idempotencyKey: 'same-key-1' })).rejects.toMatchObject({ statusCode: 400, type: 'StripeIdempotencyError' });
    expect(fake.state.intents.size).toBe(1);
  });

  it('refuses a wrong key, unknown readers and intents, and refunds of unpaid intents', async () => {
    const { fake, stripe } = await setup();
    const wrong = new Stripe('rk_live_nope', { ...fake.clientConfig(), maxNetworkRetries: 0 });
    await expect(wrong.paymentIntents.create({ amount: 100, currency: 'eur' })).rejects.toMatchObject({ statusCode: 401 });
    await expect(stripe.terminal.readers.retrieve('tmr_missing')).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
    const pi = await stripe.paymentIntents.create({ amount: 100, currency: 'eur' });
    await expect(stripe.refunds.create({ payment_intent: pi.id })).rejects.toMatchObject({ statusCode: 400, code: 'charge_not_captured' });
    await expect(stripe.refunds.create({ payment_intent: 'pi_missing' })).rejects.toMatchObject({ statusCode: 404 });
    expect(fake.state.refunds.size).toBe(0);
  });
});

describe('parseStripeForm', () => {
  it('reads nested objects and arrays as the SDK encodes them', () => {
    expect(parseStripeForm('amount=100&metadata[key]=v&allowed_payment_method_types[0]=card_present&card_present[number]=4242&expand[]=latest_charge')).toEqual({
      amount: '100', metadata: { key: 'v' }, allowed_payment_method_types: ['card_present'], card_present: { number: '4242' }, expand: ['latest_charge'],
    });
  });
});
