import { EscPosDecodeError } from '../escpos/escpos-parser';
import { StarLineParser } from '../star/star-line-parser';
import { type DecodedPaper, PaperBuilder } from './decode-escpos';

/** Decodes a whole Star line mode job into virtual paper. Throws on bytes it does not know. */
export function decodeStarLine(bytes: Uint8Array): DecodedPaper {
  const parser = new StarLineParser();
  const paper = new PaperBuilder();
  for (const item of parser.push(bytes)) paper.add(item);
  if (parser.pendingBytes > 0) throw new EscPosDecodeError('job ends inside a command', bytes.length - parser.pendingBytes);
  return paper.result();
}
