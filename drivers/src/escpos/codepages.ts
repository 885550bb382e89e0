/**
 * Code page tables for ESC/POS `ESC t n`. The encoder picks code pages automatically
 * ("Crème brûlée" in CP437, "€" in CP858/CP857); the decoder needs the same table to map
 * the bytes back, so both read this one list.
 */
import CodepageEncoder, { type Codepage } from '@point-of-sale/codepage-encoder';

export type CodepageMappingName = 'epson' | 'epson/legacy' | 'star';

/** `ESC t n` → code page, as the encoder's 'epson' mapping defines it (index = n). */
const epson: readonly (Codepage | undefined)[] = [
  'cp437', 'epson/katakana', 'cp850', 'cp860', 'cp863', 'cp865', undefined, undefined, undefined, undefined,
  undefined, 'cp851', 'cp853', 'cp857', 'cp737', 'iso8859-7', 'windows1252', 'cp866', 'cp852', 'cp858',
  'thai42', 'thai11', undefined, undefined, undefined, undefined, 'thai13', undefined, undefined, undefined,
  'tcvn3', 'tcvn3capitals', 'cp720', 'cp775', 'cp855', 'cp861', 'cp862', 'cp864', 'cp869', 'epson/iso8859-2',
  'iso8859-15', 'cp1098', 'cp774', 'cp772', 'cp1125', 'windows1250', 'windows1251', 'windows1253', 'windows1254', 'windows1255',
  'windows1256', 'windows1257', 'windows1258', 'rk1048',
];

const epsonLegacy: readonly (Codepage | undefined)[] = [
  'cp437', 'epson/katakana', 'cp850', 'cp860', 'cp863', 'cp865', undefined, undefined, undefined, undefined,
  undefined, undefined, undefined, undefined, undefined, undefined, 'windows1252', 'cp866', 'cp852', 'cp858',
];

/** Star line mode `ESC GS t n` → code page, as the encoder's 'star' mapping defines it. */
const star: readonly (Codepage | undefined)[] = [
  'star/standard', 'cp437', 'star/katakana', undefined, 'cp858', 'cp852', 'cp860', 'cp861', 'cp863', 'cp865',
  'cp866', 'cp855', 'cp857', 'cp862', 'cp864', 'cp737', 'cp851', 'cp869', 'star/cp928', 'cp772',
  'cp774', 'star/cp874', undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined,
  undefined, undefined, 'windows1252', 'windows1250', 'windows1251',
];

const mappings: Record<CodepageMappingName, readonly (Codepage | undefined)[]> = { epson, 'epson/legacy': epsonLegacy, star };

export function codepageFor(mapping: CodepageMappingName, n: number): Codepage | undefined {
  return mappings[mapping][n];
}

const tables = new Map<Codepage, readonly number[]>();

/** Decodes one byte ≥ 0x80 in a code page; undefined when the page has no character there. */
export function decodeHighByte(codepage: Codepage, byte: number): string | undefined {
  let table = tables.get(codepage);
  if (!table) {
    table = CodepageEncoder.getCodepoints(codepage, true);
    tables.set(codepage, table);
  }
  const cp = table[byte];
  return cp === undefined || cp === 0 ? undefined : String.fromCodePoint(cp);
}
