/** Parsing of the menu editor's detail fields (tags, channel prices, daypart times), pure and tested. */
import { type Cents, type Daypart, type DaypartId, TIME_OF_DAY } from '@brigade/sync/model';
import { parsePrice, priceInput } from './dashboard-format';

/** "Vegan, gluten free" → ["vegan", "gluten-free"]: lower case, dashes for spaces, no repeats. */
export function parseTags(text: string): string[] {
  const tags = text.split(',').map((t) => t.trim().toLowerCase().replace(/\s+/g, '-')).filter((t) => t !== '');
  return [...new Set(tags)].slice(0, 20).map((t) => t.slice(0, 40));
}

export function tagsInput(tags: readonly string[] | undefined): string {
  return (tags ?? []).join(', ');
}

/** An empty box means "same as the menu price"; anything else must read as a price. */
export function parseChannelPrice(text: string, currency: string): Cents | null | 'invalid' {
  if (text.trim() === '') return null;
  return parsePrice(text, currency) ?? 'invalid';
}

export function channelPriceInput(price: Cents | undefined, currency: string): string {
  return price === undefined ? '' : priceInput(price, currency);
}

/** A new daypart from the form, or what is wrong with it. */
export function parseDaypart(id: string, name: string, start: string, end: string): Daypart | { problem: string } {
  if (name.trim() === '') return { problem: 'Give the daypart a name.' };
  if (!TIME_OF_DAY.test(start) || !TIME_OF_DAY.test(end)) return { problem: 'Times are like 06:00 or 22:30.' };
  if (start === end) return { problem: 'A daypart must end at another time than it starts.' };
  return { id: id as DaypartId, name: name.trim(), start, end };
}
