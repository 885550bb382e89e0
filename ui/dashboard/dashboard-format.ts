/** Pure helpers of the dashboard: money typed by an owner, the hourly chart, how fresh a store is. */
import { type Cents, currencyDigits } from '@brigade/sync/model';
import type { SalesSummary, StoreHealth } from './owner-api';

/**
 * "12.5", "12.50", "$12.50" or "1,299.00" to minor units; null for anything that is not a
 * plain non-negative amount with at most the currency's digits (no floats on the way).
 */
export function parsePrice(text: string, currency: string): Cents | null {
  const digits = currencyDigits(currency);
  const cleaned = text.trim().replace(/^[^\d.,-]+/, '').replace(/,(?=\d{3}(\D|$))/g, '');
  const match = /^(\d{1,7})(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? (minor as Cents) : null;
}

/** The price as an owner types it back (12.50), for the edit field. */
export function priceInput(amount: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(amount);
  const whole = Math.trunc(amount / 10 ** digits);
  return `${whole}.${String(amount % 10 ** digits).padStart(digits, '0')}`;
}

/** 24 bars, one per hour, zeros where nothing sold (the cloud sends only hours with sales). */
export function hourlySeries(byHour: SalesSummary['byHour']): { hour: number; label: string; orders: number; gross: number }[] {
  const found = new Map(byHour.map((h) => [h.hour, h]));
  return Array.from({ length: 24 }, (_, hour) => ({ hour, label: `${String(hour).padStart(2, '0')}h`, orders: found.get(hour)?.orders ?? 0, gross: found.get(hour)?.gross ?? 0 }));
}

export function lastHeardText(lastHeardAt: string | null, now: Date): string {
  if (!lastHeardAt) return 'never';
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(lastHeardAt)) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} d ago`;
}

export type HealthLevel = 'ok' | 'warn' | 'bad' | 'unknown';

/** Bad when the store is silent; a warning when changes have waited more than 5 minutes to go up. */
export function healthLevel(health: StoreHealth): HealthLevel {
  if (!health.lastHeardAt) return 'unknown';
  if (!health.online) return 'bad';
  if ((health.oldestWaitingSeconds ?? 0) > 300) return 'warn';
  return 'ok';
}

export function durationText(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}
