import type { CodepageMappingName } from '../escpos/codepages';
import { EscPosDecodeError, EscPosParser, type PaperEvent } from '../escpos/escpos-parser';

export interface DecodedPaper {
  /** What a person would read on the paper, trailing spaces trimmed. */
  text: string;
  events: PaperEvent[];
}

/** Decodes a whole ESC/POS job into virtual paper. Throws on bytes it does not know. */
export function decodeEscPos(bytes: Uint8Array, opts: { codepages?: CodepageMappingName } = {}): DecodedPaper {
  const parser = new EscPosParser(opts.codepages);
  const paper = new PaperBuilder();
  for (const item of parser.push(bytes)) paper.add(item);
  if (parser.pendingBytes > 0) throw new EscPosDecodeError('job ends inside a command', bytes.length - parser.pendingBytes);
  return paper.result();
}

/** Collects parsed items into text and events. */
export class PaperBuilder {
  private text = '';
  private events: PaperEvent[] = [];

  add(item: ReturnType<EscPosParser['push']>[number]): void {
    if (item.kind === 'text') this.text += item.text;
    else if (item.kind === 'event') {
      this.events.push(item.event);
      // Codes and cuts take their own place on the paper; mark them so the text reads in order.
      if (item.event.type === 'qr') this.text += `[QR ${item.event.data ?? ''}]\n`;
      else if (item.event.type === 'barcode') this.text += `[BARCODE ${item.event.data ?? ''}]\n`;
      else if (item.event.type === 'image') this.text += `[IMAGE ${item.event.data ?? ''}]\n`;
      else if (item.event.type === 'cut') this.text += `[CUT ${item.event.data ?? ''}]\n`;
    }
  }

  get isEmpty(): boolean {
    return this.text.trim() === '' && this.events.length === 0;
  }

  result(): DecodedPaper {
    const lines = this.text.split('\n').map((l) => l.trimEnd());
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    while (lines.length > 0 && lines[0] === '') lines.shift();
    return { text: lines.join('\n'), events: this.events };
  }
}
