/**
 * Dayparts: named windows of the day in the store's time zone ("Breakfast, 06:00–11:00").
 * An item with `daypartIds` is sold only inside one of them; outside, screens show it
 * unavailable and the server refuses it (ITEM_NOT_AVAILABLE_NOW).
 *
 * Times are wall-clock "HH:MM" in the store's IANA time zone, start inclusive, end
 * exclusive; an end at or before the start runs past midnight (late night 22:00–02:00) and
 * then belongs to the day it started on. The wall clock comes from Intl, so daylight saving
 * moves the window with the store's clocks, as the staff expect.
 */
import type { Brand } from './ids';
import type { MenuItem } from './menu';

export type DaypartId = Brand<string, 'DaypartId'>;

export interface Daypart {
  readonly id: DaypartId;
  readonly name: string;
  /** "HH:MM", 24-hour. */
  readonly start: string;
  readonly end: string;
  /** Days of the week it applies to, 0 = Sunday … 6 = Saturday; absent means every day. */
  readonly days?: readonly number[];
}

export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formats = new Map<string, Intl.DateTimeFormat>();

/** The store's wall clock at `at`: minutes since midnight and the day of the week. */
export function wallClock(at: Date | string | number, timeZone: string): { minutes: number; weekday: number } {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(at));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { minutes: Number(part('hour')) * 60 + Number(part('minute')), weekday: WEEKDAYS.indexOf(part('weekday')) };
}

export function minutesOf(time: string): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}

export function isWithinDaypart(daypart: Daypart, at: Date | string | number, timeZone: string): boolean {
  const { minutes, weekday } = wallClock(at, timeZone);
  const start = minutesOf(daypart.start);
  const end = minutesOf(daypart.end);
  const onDay = (day: number) => !daypart.days || daypart.days.length === 0 || daypart.days.includes(day);
  if (start < end) return minutes >= start && minutes < end && onDay(weekday);
  // Past midnight: the early hours belong to the previous day's window.
  if (minutes >= start) return onDay(weekday);
  return minutes < end && onDay((weekday + 6) % 7);
}

/** True when `item` may be sold at `at` (no dayparts, or inside one of them). */
export function isItemServedAt(dayparts: readonly Daypart[] | undefined, item: MenuItem, at: Date | string | number, timeZone: string): boolean {
  const ids = item.daypartIds ?? [];
  if (ids.length === 0) return true;
  return (dayparts ?? []).some((d) => ids.includes(d.id) && isWithinDaypart(d, at, timeZone));
}

/** "Breakfast (06:00–11:00)" — what a screen or a refusal says about when an item is sold. */
export function describeServingTimes(dayparts: readonly Daypart[] | undefined, item: MenuItem): string {
  const ids = item.daypartIds ?? [];
  const named = (dayparts ?? []).filter((d) => ids.includes(d.id));
  if (named.length === 0) return 'at no time on this menu';
  return named.map((d) => `${d.name} (${d.start}–${d.end}${d.days && d.days.length > 0 ? `, ${d.days.map((x) => WEEKDAYS[x]).join(' ')}` : ''})`).join(' or ');
}
