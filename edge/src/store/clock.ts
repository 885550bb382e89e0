/** Time as the store sees it: ISO instants for storage, business days in the store's zone. */

export function iso(date: Date): string {
  return date.toISOString();
}

/**
 * The business day an instant belongs to, YYYY-MM-DD, in the store's time zone: before
 * `endHour` local time it still counts as the previous day (a bar's 01:30 sale belongs to
 * the evening before). Computed from local wall-clock parts, so DST changes do not shift it.
 */
export function businessDayOf(at: Date, timezone: string, endHour: number): string {
  // Every order asks, and formatting a date in a zone is the costly part: the answer is kept per
  // quarter hour of UTC. Zone offsets and their changes fall on quarter hours, so the local hour
  // cannot change inside one; a quarter whose first and last instants disagree is never kept.
  const quarter = Math.floor(at.getTime() / QUARTER_MS);
  const key = `${timezone}|${endHour}|${quarter}`;
  if (lastDay.key === key) return lastDay.day;
  const day = computeBusinessDay(at, timezone, endHour);
  const first = computeBusinessDay(new Date(quarter * QUARTER_MS), timezone, endHour);
  const last = computeBusinessDay(new Date((quarter + 1) * QUARTER_MS - 1), timezone, endHour);
  if (first === day && last === day) lastDay = { key, day };
  return day;
}

const QUARTER_MS = 15 * 60 * 1000;
let lastDay = { key: '', day: '' };

function computeBusinessDay(at: Date, timezone: string, endHour: number): string {
  const parts = localFormat(timezone).formatToParts(at);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const local = new Date(Date.UTC(get('year'), get('month') - 1, get('day')));
  if (get('hour') < endHour) local.setUTCDate(local.getUTCDate() - 1);
  return local.toISOString().slice(0, 10);
}

// Building a DateTimeFormat costs far more than using one, and every order asks.
const formats = new Map<string, Intl.DateTimeFormat>();
function localFormat(timezone: string): Intl.DateTimeFormat {
  let format = formats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });
    formats.set(timezone, format);
  }
  return format;
}

export function isValidTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}
