import { describe, expect, it } from 'vitest';
import { parseChannelPrice, parseDaypart, parseTags } from './menu-details';

describe('menu editor details', () => {
  it('reads tags as lower-case words, dashes for spaces, without repeats or blanks', () => {
    expect(parseTags(' Vegan, gluten free,, vegan ,Halal ')).toEqual(['vegan', 'gluten-free', 'halal']);
    expect(parseTags('')).toEqual([]);
  });

  it('reads a channel price, an empty box as none, and refuses words', () => {
    expect(parseChannelPrice('14.95', 'USD')).toBe(1495);
    expect(parseChannelPrice('  ', 'USD')).toBeNull();
    expect(parseChannelPrice('cheap', 'USD')).toBe('invalid');
  });

  it('accepts a daypart with real times and refuses bad ones', () => {
    expect(parseDaypart('dp-1', ' Lunch ', '11:00', '15:00')).toEqual({ id: 'dp-1', name: 'Lunch', start: '11:00', end: '15:00' });
    expect(parseDaypart('dp-1', 'Late', '22:00', '02:00')).toMatchObject({ start: '22:00', end: '02:00' });
    expect(parseDaypart('dp-1', 'X', '9:00', '11:00')).toHaveProperty('problem');
    expect(parseDaypart('dp-1', 'X', '24:00', '11:00')).toHaveProperty('problem');
    expect(parseDaypart('dp-1', 'X', '10:00', '10:00')).toHaveProperty('problem');
    expect(parseDaypart('dp-1', '', '10:00', '11:00')).toHaveProperty('problem');
  });
});
