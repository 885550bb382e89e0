import { describe, expect, it } from 'vitest';
import { ScaleReplyError, parseToledoReply, toledoStatusByte } from './toledo-scale';

describe('parseToledoReply', () => {
  const table: Array<[string, string, { status: string; grams: number | null; sellable: boolean }]> = [
    ['a stable weight', '\x0200.512\r', { status: 'stable', grams: 512, sellable: true }],
    ['a net weight (N flag)', '\x02 1.250N\r', { status: 'stable', grams: 1250, sellable: true }],
    ['an empty scale', '\x0200.000\r', { status: 'stable', grams: 0, sellable: false }],
    ['in motion', '\x02?!\r', { status: 'motion', grams: null, sellable: false }],
    ['over capacity', '\x02?"\r', { status: 'over-capacity', grams: null, sellable: false }],
    ['under zero', '\x02?$\r', { status: 'under-zero', grams: null, sellable: false }],
    ['outside zero capture', '\x02?(\r', { status: 'error', grams: null, sellable: false }],
  ];
  for (const [name, frame, expected] of table) {
    it(name, () => expect(parseToledoReply(frame, 0)).toEqual({ ...expected, at: 0 }));
  }

  it('agrees with the status bytes the simulator sends', () => {
    for (const s of ['motion', 'over-capacity', 'under-zero'] as const) {
      expect(parseToledoReply(`\x02?${String.fromCharCode(toledoStatusByte(s))}\r`).status).toBe(s);
    }
  });

  it('refuses frames that are not Toledo replies', () => {
    for (const bad of ['0.512\r', '\x020.512', '\x02abc\r', '\x02-0.100\r', '', '\x02?\r']) expect(() => parseToledoReply(bad), JSON.stringify(bad)).toThrow(ScaleReplyError);
  });
});
