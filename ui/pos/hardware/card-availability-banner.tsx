/**
 * Tells the cashier before the customer reaches for a card that card payments are off
 * (reader offline, no internet): "Card payments unavailable — take cash". Asked again on
 * every `device.status` and `sync.status` event and once a minute.
 */
import { useCallback, useEffect, useState } from 'react';
import { useHub, useHubEvents } from '../../shared/hub-context';

export interface CardAvailability {
  readonly card: boolean;
  readonly reason: string | null;
}

const RECHECK_MS = 60_000;

export function useCardAvailability(): CardAvailability | null {
  const { client } = useHub();
  const [availability, setAvailability] = useState<CardAvailability | null>(null);
  const check = useCallback(() => {
    // A failed check leaves the last answer: the payment itself still reports a refusal.
    client.get<CardAvailability>('/api/payments/availability').then(setAvailability, () => undefined);
  }, [client]);
  useEffect(() => {
    check();
    const timer = setInterval(check, RECHECK_MS);
    return () => clearInterval(timer);
  }, [check]);
  useHubEvents((event) => {
    if (event.type === 'device.status' || event.type === 'sync.status') check();
  });
  return availability;
}

export function CardAvailabilityBanner() {
  const availability = useCardAvailability();
  if (!availability || availability.card) return null;
  return (
    <p className="card-unavailable" role="alert">
      Card payments unavailable — take cash.{availability.reason ? <span className="muted"> {availability.reason}</span> : null}
    </p>
  );
}
