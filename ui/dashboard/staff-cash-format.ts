/** Pure helpers of the "Shifts & cash" panel: over/short in words and colour, hours, day steps. */
import { cents, formatMoney } from '@brigade/sync/model';
import type { ZReportView } from '@brigade/sync/protocol';

export type OverShortLevel = 'even' | 'over' | 'short' | 'uncounted';

/** Short is the owner's first worry (red), over a question (amber), even fine. */
export function overShortLevel(overShort: number | null): OverShortLevel {
  if (overShort === null) return 'uncounted';
  if (overShort === 0) return 'even';
  return overShort > 0 ? 'over' : 'short';
}

export function overShortText(overShort: number | null, currency: string): string {
  if (overShort === null) return 'not counted';
  if (overShort === 0) return 'even';
  const amount = formatMoney(cents(Math.abs(overShort)), currency);
  return overShort > 0 ? `${amount} over` : `${amount} short`;
}

/** 210 → "3 h 30 min"; 45 → "45 min". */
export function minutesText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** "1 no-sale", "2 no-sales". */
export function countText(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The business day `delta` days from `day` (YYYY-MM-DD), calendar-correct across months. */
export function shiftDay(day: string, delta: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + delta);
  return date.toISOString().slice(0, 10);
}

/** "reconciles" or what differs, tender by tender, for the Z row. */
export function reconciliationText(z: Pick<ZReportView, 'reconciles' | 'tenders'>, currency: string): string {
  if (z.reconciles) return 'matches the synced payments';
  return z.tenders
    .filter((t) => t.difference !== 0)
    .map((t) => `${t.tender}: synced ${formatMoney(cents(t.synced), currency)}, Z ${formatMoney(cents(t.reported), currency)}`)
    .join('; ');
}
