import { DEMO } from '@brigade/sync/model';
import { describe, expect, it } from 'vitest';
import { addOrMerge, changeQuantity, newLine, toWireLines, unavailableLines } from './draft-order';

describe('draft order', () => {
  it('adds one to an identical line instead of a new line, whatever the choice order', () => {
    let lines = addOrMerge([], newLine(DEMO.burger, [DEMO.rare, DEMO.bacon], 1));
    lines = addOrMerge(lines, newLine(DEMO.burger, [DEMO.bacon, DEMO.rare], 2));
    lines = addOrMerge(lines, newLine(DEMO.burger, [DEMO.medium], 1));
    expect(lines.map((l) => l.quantity)).toEqual([3, 1]);
  });

  it('drops a line whose quantity reaches zero', () => {
    const lines = [newLine(DEMO.beer, [], 1), newLine(DEMO.cola, [DEMO.large], 1)];
    const first = lines[0];
    if (!first) throw new Error('no line');
    expect(changeQuantity(lines, first.lineId, -1).map((l) => l.itemId)).toEqual([DEMO.cola]);
  });

  it('flags sold-out lines and sends choices as plain arrays', () => {
    const lines = [newLine(DEMO.burger, [DEMO.rare, DEMO.cheese], 2), newLine(DEMO.beer, [], 1)];
    expect(unavailableLines(lines, new Set([DEMO.beer]))).toEqual([lines[1]?.lineId]);
    expect(toWireLines(lines)[0]?.modifierOptionIds).toEqual([DEMO.rare, DEMO.cheese]);
  });
});
