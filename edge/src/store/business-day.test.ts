import { afterEach, describe, expect, it } from 'vitest';
import { businessDayOf } from './clock';
import { type TestStore, createOrder, openTestStore } from './test-support';

let t: TestStore | undefined;
afterEach(() => t?.cleanup());

describe('business day', () => {
  it('counts the small hours as the previous day, in the store\'s zone', () => {
    // New York is UTC-4 in summer: 07:30Z is 03:30 local (still Monday's business), 08:30Z is 04:30.
    expect(businessDayOf(new Date('2026-06-16T07:30:00Z'), 'America/New_York', 4)).toBe('2026-06-15');
    expect(businessDayOf(new Date('2026-06-16T08:30:00Z'), 'America/New_York', 4)).toBe('2026-06-16');
    // Kolkata is UTC+5:30: 22:00Z on the 15th is 03:30 on the 16th locally.
    expect(businessDayOf(new Date('2026-06-15T22:00:00Z'), 'Asia/Kolkata', 4)).toBe('2026-06-15');
    expect(businessDayOf(new Date('2026-06-15T23:00:00Z'), 'Asia/Kolkata', 4)).toBe('2026-06-16');
    // With the day ending at midnight the business day is the calendar day; across a year end too.
    expect(businessDayOf(new Date('2027-01-01T00:30:00Z'), 'UTC', 0)).toBe('2027-01-01');
    expect(businessDayOf(new Date('2027-01-01T00:30:00Z'), 'UTC', 4)).toBe('2026-12-31');
  });

  it('keeps the boundary at the local hour across a daylight-saving change', () => {
    // Europe/Paris moves to UTC+2 on 2026-03-29: 04:00 local is 02:00Z that morning, 03:00Z the day before.
    expect(businessDayOf(new Date('2026-03-28T02:59:00Z'), 'Europe/Paris', 4)).toBe('2026-03-27');
    expect(businessDayOf(new Date('2026-03-28T03:00:00Z'), 'Europe/Paris', 4)).toBe('2026-03-28');
    expect(businessDayOf(new Date('2026-03-29T01:59:00Z'), 'Europe/Paris', 4)).toBe('2026-03-28');
    expect(businessDayOf(new Date('2026-03-29T02:00:00Z'), 'Europe/Paris', 4)).toBe('2026-03-29');
  });

  it('gives the right day minute by minute across a boundary, asked again and again as orders do', () => {
    const minutes = (from: string, count: number): Date[] => Array.from({ length: count }, (_, i) => new Date(Date.parse(from) + i * 60_000));
    // Paris: the day ends at 04:00 local, 02:00Z on the morning DST starts.
    for (const at of minutes('2026-03-29T01:30:00Z', 60)) {
      expect(businessDayOf(at, 'Europe/Paris', 4)).toBe(at.getTime() < Date.parse('2026-03-29T02:00:00Z') ? '2026-03-28' : '2026-03-29');
    }
    // Kathmandu is UTC+5:45: 04:00 local is 22:15Z, inside a quarter hour of UTC on neither side.
    for (const at of minutes('2026-06-15T21:50:00Z', 50)) {
      expect(businessDayOf(at, 'Asia/Kathmandu', 4)).toBe(at.getTime() < Date.parse('2026-06-15T22:15:00Z') ? '2026-06-15' : '2026-06-16');
    }
    // Two zones asked in turn do not share an answer.
    const at = new Date('2026-06-16T02:00:00Z');
    expect([businessDayOf(at, 'UTC', 4), businessDayOf(at, 'Asia/Tokyo', 4), businessDayOf(at, 'UTC', 0)]).toEqual(['2026-06-15', '2026-06-16', '2026-06-16']);
  });

  it('restarts order numbers when the business day ends in the store\'s time zone', async () => {
    t = openTestStore({ timezone: 'America/New_York', businessDayEndHour: 4 });
    t.clock.set('2026-06-15T23:00:00Z'); // 19:00 Monday in New York
    const a = await createOrder(t.store);
    t.clock.set('2026-06-16T07:59:00Z'); // 03:59 Tuesday: still Monday's business
    const b = await createOrder(t.store);
    t.clock.set('2026-06-16T08:00:00Z'); // 04:00 Tuesday: a new business day
    const c = await createOrder(t.store);
    const d = await createOrder(t.store);
    expect([a, b, c, d].map((o) => [o.businessDay, o.number])).toEqual([
      ['2026-06-15', '001'], ['2026-06-15', '002'], ['2026-06-16', '001'], ['2026-06-16', '002'],
    ]);
    expect(t.store.queries.store().businessDay).toBe('2026-06-16');
  });

  it('refuses to open with an unknown time zone or end hour', () => {
    expect(() => openTestStore({ timezone: 'Mars/Olympus' })).toThrow(/time zone/);
    expect(() => openTestStore({ businessDayEndHour: 24 })).toThrow(/businessDayEndHour/);
  });
});
