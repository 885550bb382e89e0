/**
 * A small 5×7 bitmap font drawn for Brigade's receipt previews, in the style of the classic
 * character-LCD fonts. Each glyph is seven rows, bit 4 the leftmost pixel. Accented letters
 * are composed from a base letter and an accent (Unicode NFD), so "Crème brûlée" and
 * "Jalapeños" need no glyphs of their own.
 */
type Rows = readonly [number, number, number, number, number, number, number];

const glyphs: Record<string, Rows> = {
  ' ': [0, 0, 0, 0, 0, 0, 0], '!': [4, 4, 4, 4, 4, 0, 4], '"': [10, 10, 10, 0, 0, 0, 0], '#': [10, 10, 31, 10, 31, 10, 10],
  '$': [4, 15, 20, 14, 5, 30, 4], '%': [24, 25, 2, 4, 8, 19, 3], '&': [12, 18, 20, 8, 21, 18, 13], "'": [12, 4, 8, 0, 0, 0, 0],
  '(': [2, 4, 8, 8, 8, 4, 2], ')': [8, 4, 2, 2, 2, 4, 8], '*': [0, 4, 21, 14, 21, 4, 0], '+': [0, 4, 4, 31, 4, 4, 0],
  ',': [0, 0, 0, 0, 12, 4, 8], '-': [0, 0, 0, 31, 0, 0, 0], '.': [0, 0, 0, 0, 0, 12, 12], '/': [0, 1, 2, 4, 8, 16, 0],
  '0': [14, 17, 19, 21, 25, 17, 14], '1': [4, 12, 4, 4, 4, 4, 14], '2': [14, 17, 1, 2, 4, 8, 31], '3': [31, 2, 4, 2, 1, 17, 14],
  '4': [2, 6, 10, 18, 31, 2, 2], '5': [31, 16, 30, 1, 1, 17, 14], '6': [6, 8, 16, 30, 17, 17, 14], '7': [31, 1, 2, 4, 8, 8, 8],
  '8': [14, 17, 17, 14, 17, 17, 14], '9': [14, 17, 17, 15, 1, 2, 12], ':': [0, 12, 12, 0, 12, 12, 0], ';': [0, 12, 12, 0, 12, 4, 8],
  '<': [2, 4, 8, 16, 8, 4, 2], '=': [0, 0, 31, 0, 31, 0, 0], '>': [8, 4, 2, 1, 2, 4, 8], '?': [14, 17, 1, 2, 4, 0, 4],
  '@': [14, 17, 1, 13, 21, 21, 14], 'A': [14, 17, 17, 17, 31, 17, 17], 'B': [30, 17, 17, 30, 17, 17, 30], 'C': [14, 17, 16, 16, 16, 17, 14],
  'D': [28, 18, 17, 17, 17, 18, 28], 'E': [31, 16, 16, 30, 16, 16, 31], 'F': [31, 16, 16, 30, 16, 16, 16], 'G': [14, 17, 16, 23, 17, 17, 15],
  'H': [17, 17, 17, 31, 17, 17, 17], 'I': [14, 4, 4, 4, 4, 4, 14], 'J': [7, 2, 2, 2, 2, 18, 12], 'K': [17, 18, 20, 24, 20, 18, 17],
  'L': [16, 16, 16, 16, 16, 16, 31], 'M': [17, 27, 21, 21, 17, 17, 17], 'N': [17, 17, 25, 21, 19, 17, 17], 'O': [14, 17, 17, 17, 17, 17, 14],
  'P': [30, 17, 17, 30, 16, 16, 16], 'Q': [14, 17, 17, 17, 21, 18, 13], 'R': [30, 17, 17, 30, 20, 18, 17], 'S': [15, 16, 16, 14, 1, 1, 30],
  'T': [31, 4, 4, 4, 4, 4, 4], 'U': [17, 17, 17, 17, 17, 17, 14], 'V': [17, 17, 17, 17, 17, 10, 4], 'W': [17, 17, 17, 21, 21, 21, 10],
  'X': [17, 17, 10, 4, 10, 17, 17], 'Y': [17, 17, 17, 10, 4, 4, 4], 'Z': [31, 1, 2, 4, 8, 16, 31], '[': [14, 8, 8, 8, 8, 8, 14],
  '\\': [0, 16, 8, 4, 2, 1, 0], ']': [14, 2, 2, 2, 2, 2, 14], '^': [4, 10, 17, 0, 0, 0, 0], '_': [0, 0, 0, 0, 0, 0, 31],
  '`': [8, 4, 2, 0, 0, 0, 0], 'a': [0, 0, 14, 1, 15, 17, 15], 'b': [16, 16, 22, 25, 17, 17, 30], 'c': [0, 0, 14, 16, 16, 17, 14],
  'd': [1, 1, 13, 19, 17, 17, 15], 'e': [0, 0, 14, 17, 31, 16, 14], 'f': [6, 9, 8, 28, 8, 8, 8], 'g': [15, 17, 17, 19, 13, 1, 14],
  'h': [16, 16, 22, 25, 17, 17, 17], 'i': [4, 0, 12, 4, 4, 4, 14], 'j': [2, 0, 6, 2, 2, 18, 12], 'k': [16, 16, 18, 20, 24, 20, 18],
  'l': [12, 4, 4, 4, 4, 4, 14], 'm': [0, 0, 26, 21, 21, 17, 17], 'n': [0, 0, 22, 25, 17, 17, 17], 'o': [0, 0, 14, 17, 17, 17, 14],
  'p': [30, 17, 17, 17, 30, 16, 16], 'q': [15, 17, 17, 17, 15, 1, 1], 'r': [0, 0, 22, 25, 16, 16, 16], 's': [0, 0, 15, 16, 14, 1, 30],
  't': [8, 8, 28, 8, 8, 9, 6], 'u': [0, 0, 17, 17, 17, 19, 13], 'v': [0, 0, 17, 17, 17, 10, 4], 'w': [0, 0, 17, 17, 21, 21, 10],
  'x': [0, 0, 17, 10, 4, 10, 17], 'y': [17, 17, 17, 19, 13, 1, 14], 'z': [0, 0, 31, 2, 4, 8, 31], '{': [2, 4, 4, 8, 4, 4, 2],
  '|': [4, 4, 4, 4, 4, 4, 4], '}': [8, 4, 4, 2, 4, 4, 8], '~': [0, 0, 8, 21, 2, 0, 0],
  '€': [7, 8, 30, 8, 30, 8, 7], '£': [6, 9, 8, 28, 8, 9, 30], '¥': [17, 10, 31, 4, 31, 4, 4], '·': [0, 0, 0, 4, 0, 0, 0],
  '°': [12, 18, 18, 12, 0, 0, 0], 'ß': [12, 18, 18, 22, 17, 17, 22], '×': [0, 17, 10, 4, 10, 17, 0],
  '\u00a0': [0, 0, 0, 0, 0, 0, 0], '\u202f': [0, 0, 0, 0, 0, 0, 0], '“': [10, 20, 0, 0, 0, 0, 0], '”': [5, 10, 0, 0, 0, 0, 0],
};

/** Lower-case letters whose tails hang below the baseline: drawn two rows lower. */
const descenders = new Set(['g', 'p', 'q', 'y']);

/** Accents (combining marks after NFD) as two rows; cedilla goes below the letter. */
const accents: Record<string, readonly [number, number]> = {
  '\u0300': [8, 4], '\u0301': [2, 4], '\u0302': [4, 10], '\u0303': [13, 22], '\u0308': [10, 0], '\u030a': [4, 10], '\u0327': [4, 8],
};

/** Box-drawing rules span the whole cell so a rule reads as one line. */
const rules: Record<string, readonly number[]> = { '─': [6], '━': [5, 6], '═': [5, 7] };

export const CELL_WIDTH = 6;
export const CELL_HEIGHT = 12;
const GLYPH_TOP = 2;

/** The pixels of one character in a CELL_WIDTH × CELL_HEIGHT cell, as [x, y] pairs. */
export function glyphPixels(ch: string): Array<[number, number]> {
  const px: Array<[number, number]> = [];
  const ruleRows = rules[ch];
  if (ruleRows) {
    for (const y of ruleRows) for (let x = 0; x < CELL_WIDTH; x++) px.push([x, y]);
    return px;
  }
  if (ch === '│' || ch === '║') {
    for (let y = 0; y < CELL_HEIGHT; y++) px.push([2, y]);
    return px;
  }
  const [base = '?', ...marks] = [...ch.normalize('NFD')];
  const rows = glyphs[base];
  if (!rows) return box();
  const lower = base !== base.toUpperCase();
  const top = GLYPH_TOP + (descenders.has(base) ? 2 : 0);
  rows.forEach((bits, r) => {
    // Accented lower-case letters lose what sits above the x-height (the dot of i and j).
    if (marks.length > 0 && lower && r < 2) return;
    for (let c = 0; c < 5; c++) if (bits & (16 >> c)) px.push([c, top + r]);
  });
  for (const mark of marks) {
    const a = accents[mark];
    if (!a) continue;
    const y0 = mark === '\u0327' ? GLYPH_TOP + 7 : lower ? GLYPH_TOP : 0;
    a.forEach((bits, r) => {
      for (let c = 0; c < 5; c++) if (bits & (16 >> c)) px.push([c, y0 + r]);
    });
  }
  return px;
}

/** What an unknown character looks like: a hollow box, so it is noticed, not guessed. */
function box(): Array<[number, number]> {
  const px: Array<[number, number]> = [];
  for (let y = GLYPH_TOP; y < GLYPH_TOP + 7; y++) for (let x = 0; x < 5; x++) if (y === GLYPH_TOP || y === GLYPH_TOP + 6 || x === 0 || x === 4) px.push([x, y]);
  return px;
}

export function hasGlyph(ch: string): boolean {
  const base = [...ch.normalize('NFD')][0] ?? '';
  return ch in rules || ch === '│' || ch === '║' || base in glyphs;
}
