import { describe, expect, it } from 'vitest';
import { countText, minutesText, overShortLevel, overShortText, reconciliationText, shiftDay } from './staff-cash-format';

describe('over/short in words', () => {
  it('says over, short, even or not counted, with the amount in the store currency', () => {
    expect([overShortLevel(125), overShortText(125, 'USD')]).toEqual(['over', '$1.25 over']);
    expect([overShortLevel(-150), overShortText(-150, 'USD')]).toEqual(['short', '$1.50 short']);
    expect([overShortLevel(0), overShortText(0, 'USD')]).toEqual(['even', 'even']);
    expect([overShortLevel(null), overShortText(null, 'USD')]).toEqual(['uncounted', 'not counted']);
  });
});

describe('hours and days', () => {
  it('writes minutes as hours and minutes', () => {
    expect([minutesText(210), minutesText(45), minutesText(120), minutesText(0)]).toEqual(['3 h 30 min', '45 min', '2 h', '0 min']);
  });

  it('counts things in words', () => {
    expect([countText(1, 'no-sale'), countText(0, 'no-sale'), countText(3, 'cash movement')]).toEqual(['1 no-sale', '0 no-sales', '3 cash movements']);
  });

  it('steps business days across month and year ends', () => {
    expect([shiftDay('2026-03-01', -1), shiftDay('2026-12-31', 1), shiftDay('2024-02-28', 1), shiftDay('2026-03-10', -6)]).toEqual(['2026-02-28', '2027-01-01', '2024-02-29', '2026-03-04']);
  });
});

describe('a Z against the synced payments', () => {
  it('names each tender that differs', () => {
    expect(reconciliationText({ reconciles: true, tenders: [] }, 'USD')).toBe('matches the synced payments');
    const differs = { reconciles: false, tenders: [{ tender: 'cash', reported: 1000, synced: 1000, difference: 0 }, { tender: 'card', reported: 2500, synced: 2000, difference: -500 }] };
    expect(reconciliationText(differs, 'USD')).toBe('card: synced $20.00, Z $25.00');
  });
});
