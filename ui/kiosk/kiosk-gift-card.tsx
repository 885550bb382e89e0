/** The kiosk's gift card step: the customer keys in the card number; what it does not cover goes on the reader. */
import type { Order } from '@brigade/sync/model';
import { useState } from 'react';
import { GiftCardEntry } from '../shared/gift-card-entry';
import { RetryMemo } from '../shared/retry-memo';
import type { KioskEvent } from './kiosk-machine';

export function KioskGiftCard({ order, send }: { order: Order; send: (event: KioskEvent) => void }) {
  // Kept for the step: a retried payment after a lost answer replays instead of taking the card twice.
  const [memo] = useState(() => new RetryMemo());
  return (
    <section className="kiosk-center" aria-labelledby="gift-title">
      <h2 id="gift-title" className="kiosk-big">Pay with a gift card</h2>
      <GiftCardEntry kiosk order={order} memo={memo} onPaid={(paid) => send({ type: 'GIFT_PAID', order: paid })} onBack={() => send({ type: 'GIFT_SKIP' })} />
      <p className="kiosk-hint">Back pays the whole order by card instead.</p>
    </section>
  );
}
