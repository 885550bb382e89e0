/**
 * Whether the POS should offer card payments right now. Under the default policy
 * (`cash-only-when-offline`) the POS says "Card payments unavailable — take cash" before the
 * customer taps a card that could not be charged: when the reader does not answer, or when
 * a reader that needs the internet (Stripe Terminal) has no way to reach it.
 */
import type { CardPolicy } from './device-settings';

export interface CardAvailability {
  readonly card: boolean;
  readonly reason: string | null;
}

export interface CardAvailabilitySources {
  readonly policy: CardPolicy;
  readonly readerHealth: () => Promise<'online' | 'offline'>;
  /** Null when the reader works without the internet (the simulated one) or no cloud is configured. */
  readonly internetOnline: (() => boolean) | null;
}

export async function cardAvailability(sources: CardAvailabilitySources): Promise<CardAvailability> {
  if (sources.policy === 'always-try') return { card: true, reason: null };
  if (sources.internetOnline && !sources.internetOnline()) return { card: false, reason: 'No internet connection: card payments unavailable — take cash.' };
  const health = await sources.readerHealth().catch(() => 'offline' as const);
  if (health !== 'online') return { card: false, reason: 'Card reader offline: card payments unavailable — take cash.' };
  return { card: true, reason: null };
}
