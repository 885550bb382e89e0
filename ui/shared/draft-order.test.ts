import { DEMO, demoMenu, indexMenu } from '@brigade/sync/model';
import { describe, expect, it } from 'vitest';
import { addOrMerge, changeQuantity, newLine, priceDraft, toWireLines, unavailableLines, weighedLine } from './draft-order';

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

  it('keeps each weighing as its own line, priced by its weight, removable but not multiplied', () => {
    let lines = addOrMerge([], weighedLine(DEMO.sweets, 250));
    lines = addOrMerge(lines, weighedLine(DEMO.sweets, 400));
    expect(lines.map((l) => l.weightGrams)).toEqual([250, 400]);
    const [first] = lines;
    if (!first) throw new Error('no line');
    expect(changeQuantity(lines, first.lineId, 1)).toEqual(lines);
    expect(changeQuantity(lines, first.lineId, -1).map((l) => l.weightGrams)).toEqual([400]);
    // 19.90 a kilo: 250 g is 4.975, rounded half away from zero to 4.98.
    const sweets = demoMenu.items.find((i) => i.id === DEMO.sweets);
    expect(sweets?.price).toBe(1990);
    expect(priceDraft(indexMenu(demoMenu), [first]).lines[0]?.lineAmount).toBe(498);
  });
});
