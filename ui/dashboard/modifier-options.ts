/** Reads the new-group form's option lines: "Name" or "Name, 0.50" (the extra price). */
import { parsePrice } from './dashboard-format';

export type ParsedOptions = { options: { name: string; priceDelta: number }[] } | { problem: string };

export function parseOptions(text: string, currency: string): ParsedOptions {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  if (lines.length === 0) return { problem: 'Add at least one option.' };
  if (lines.length > 50) return { problem: 'At most 50 options.' };
  const options: { name: string; priceDelta: number }[] = [];
  for (const line of lines) {
    const comma = line.lastIndexOf(',');
    const hasPrice = comma >= 0 && parsePrice(line.slice(comma + 1), currency) !== null;
    const name = (hasPrice ? line.slice(0, comma) : line).trim();
    const priceDelta = hasPrice ? (parsePrice(line.slice(comma + 1), currency) ?? 0) : 0;
    if (!name || name.length > 80) return { problem: `"${line}" needs a name of 1 to 80 characters.` };
    if (options.some((o) => o.name.toLowerCase() === name.toLowerCase())) return { problem: `"${name}" is listed twice.` };
    options.push({ name, priceDelta });
  }
  return { options };
}
