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
