/** A store's business day: its local date, rolled back while before the day's end hour (e.g. 04:00). */
export function businessDayOf(now: Date, timeZone: string, endsAt: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  const [endHour = 0, endMinute = 0] = endsAt.split(':').map(Number);
  const minutes = Number(parts.hour) * 60 + Number(parts.minute);
  const local = new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)));
  if (minutes < endHour * 60 + endMinute) local.setUTCDate(local.getUTCDate() - 1);
  return local.toISOString().slice(0, 10);
}
