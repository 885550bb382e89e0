import { describe, expect, it } from 'vitest';
import { durationText, healthLevel, hourlySeries, lastHeardText, parsePrice, priceInput } from './dashboard-format';

describe('prices typed by an owner', () => {
  it('reads dollars and cents into minor units', () => {
    expect(parsePrice('12.5', 'USD')).toBe(1250);
    expect(parsePrice(' $12.50 ', 'USD')).toBe(1250);
    expect(parsePrice('1,299.00', 'USD')).toBe(129900);
    expect(parsePrice('7', 'USD')).toBe(700);
    expect(parsePrice('0.07', 'USD')).toBe(7);
  });

  it('knows currencies without minor units', () => {
    expect(parsePrice('1200', 'JPY')).toBe(1200);
    expect(parsePrice('12.5', 'JPY')).toBeNull();
  });

  it('refuses negatives, extra digits, words and empty input', () => {
    for (const bad of ['-1', '12.555', 'twelve', '', '1e3', '12.5.0']) expect(parsePrice(bad, 'USD'), bad).toBeNull();
  });

  it('writes a price back the way it is typed', () => {
    for (const cents of [0, 5, 1250, 129900, 99]) expect(parsePrice(priceInput(cents, 'USD'), 'USD')).toBe(cents);
    expect(priceInput(1250, 'USD')).toBe('12.50');
    expect(priceInput(1200, 'JPY')).toBe('1200');
  });
});

describe('sales by hour', () => {
  it('fills the hours without sales with zeros', () => {
    const series = hourlySeries([{ hour: 9, orders: 3, gross: 4500 }, { hour: 13, orders: 1, gross: 900 }]);
    expect(series).toHaveLength(24);
    expect(series[9]).toMatchObject({ label: '09h', orders: 3, gross: 4500 });
    expect(series.filter((h) => h.orders > 0).map((h) => h.hour)).toEqual([9, 13]);
    expect(series.reduce((n, h) => n + h.gross, 0)).toBe(5400);
  });
});

describe('store health', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  it('says how long ago a store was heard from', () => {
    expect(lastHeardText(null, now)).toBe('never');
    expect(lastHeardText('2026-11-22T11:59:30Z', now)).toBe('30 s ago');
    expect(lastHeardText('2026-11-22T11:45:00Z', now)).toBe('15 min ago');
    expect(lastHeardText('2026-11-22T09:00:00Z', now)).toBe('3 h ago');
    expect(lastHeardText('2026-11-20T12:00:00Z', now)).toBe('2 d ago');
  });

  it('grades a silent store bad and a long queue as a warning', () => {
    const heard = { lastHeardAt: '2026-11-22T11:59:00Z', changesWaiting: 0, oldestWaitingSeconds: 0 };
    expect(healthLevel({ ...heard, online: true })).toBe('ok');
    expect(healthLevel({ ...heard, online: false })).toBe('bad');
    expect(healthLevel({ ...heard, online: true, changesWaiting: 40, oldestWaitingSeconds: 900 })).toBe('warn');
    expect(healthLevel({ lastHeardAt: null, online: false, changesWaiting: null, oldestWaitingSeconds: null })).toBe('unknown');
  });

  it('writes durations for people', () => {
    expect([null, 42, 600, 5400].map(durationText)).toEqual(['—', '42 s', '10 min', '1 h 30 min']);
  });
});
