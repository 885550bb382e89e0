/**
 * An order goes out as JSON several times per command: in the outbox snapshot, the hub
 * event, the stored command result and a receipt's print job. `jsonOf` serialises each
 * remembered object once and splices its text into the envelopes that carry it, one level
 * deep, with JSON.stringify's own rules for everything else. A remembered object must not
 * change afterwards (orders are rebuilt from the rows for every change, never edited).
 */
const known = new WeakMap<object, string>();

/** Serialises `value` once (reusing remembered parts, as `jsonOf`) and remembers the text for `jsonOf`. */
export function rememberJson(value: object): string {
  let text = known.get(value);
  if (text === undefined) {
    text = jsonOf(value);
    known.set(value, text);
  }
  return text;
}

/** JSON.stringify(value), reusing the text of remembered objects at the top level or one level down. */
export function jsonOf(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  const own = known.get(value);
  if (own !== undefined) return own;
  if (Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) return JSON.stringify(value);
  const entries = Object.entries(value as Record<string, unknown>);
  if (!entries.some(([, v]) => typeof v === 'object' && v !== null && known.has(v))) return JSON.stringify(value);
  const parts: string[] = [];
  for (const [key, v] of entries) {
    const text = typeof v === 'object' && v !== null ? (known.get(v) ?? JSON.stringify(v)) : JSON.stringify(v);
    // JSON.stringify leaves out undefined, functions and symbols; so does this.
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}
