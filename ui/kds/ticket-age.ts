/** How old a ticket is and the colour that says so. The thresholds live here and nowhere else. */
export const TICKET_AGE_THRESHOLDS = {
  /** Below this a ticket is on time (green). */
  amberAfterMs: 5 * 60_000,
  /** From this on a ticket is late (red). */
  redAfterMs: 10 * 60_000,
} as const;

export type AgeLevel = 'fresh' | 'aging' | 'late';

export function ageLevel(ageMs: number): AgeLevel {
  if (ageMs >= TICKET_AGE_THRESHOLDS.redAfterMs) return 'late';
  if (ageMs >= TICKET_AGE_THRESHOLDS.amberAfterMs) return 'aging';
  return 'fresh';
}

/** "4:07" — minutes and seconds since the ticket arrived (never negative on a skewed clock). */
export function formatAge(ageMs: number): string {
  const total = Math.max(0, Math.floor(ageMs / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

export function ageMs(createdAt: string, now: number): number {
  const born = Date.parse(createdAt);
  return Number.isNaN(born) ? 0 : now - born;
}
