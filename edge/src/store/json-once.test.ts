import { describe, expect, it } from 'vitest';
import { jsonOf, rememberJson } from './json-once';

describe('serialising an order once', () => {
  it('gives the text JSON.stringify gives, with or without remembered parts', () => {
    const order = { id: 'o1', lines: [{ n: 1, note: undefined }], total: 1250, when: new Date(Date.UTC(2026, 2, 10)) };
    const payment = { id: 'p1', amount: 1250 };
    rememberJson(order);
    const envelopes: unknown[] = [
      { order, version: 3 },
      { type: 'order.updated', order },
      { order, payment, skipped: undefined, fn: () => 1 },
      { kind: 'receipt', order, reprint: false, nested: { order } },
      order,
      [order, payment],
      null,
      'text',
      42,
    ];
    for (const envelope of envelopes) expect(JSON.parse(jsonOf(envelope))).toEqual(JSON.parse(JSON.stringify(envelope) ?? 'null'));
    expect(jsonOf({ order, version: 3 })).toBe(JSON.stringify({ order, version: 3 }));
  });

  it('reuses the remembered text instead of serialising the object again', () => {
    const order = { id: 'o2', total: 100 };
    const text = rememberJson(order);
    // Changing a remembered object is not allowed; doing it here shows the text was not rebuilt.
    (order as { total: number }).total = 999;
    expect(jsonOf({ order })).toBe(`{"order":${text}}`);
    expect(jsonOf(order)).toBe(text);
  });
});
