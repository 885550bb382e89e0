/**
 * The code page library clones a whole code page table (structuredClone) each time it is
 * asked for one, and its automatic mode asks once per character for every candidate page:
 * measured, a third of the print runner's CPU went there. The tables never change, so each
 * page is looked up once and the same copy handed out after. The library's encoders only
 * read it; its own `getCodepoints` writes into the copy it gets of a base page, so that one
 * call keeps getting fresh copies. Imported for its effect by the renderers (printer-profile.ts).
 */
import CodepageEncoder from '@point-of-sale/codepage-encoder';

type Definition = ReturnType<typeof CodepageEncoder.getEncoding>;

const cache = new Map<string, Definition>();
const lookUp = CodepageEncoder.getEncoding.bind(CodepageEncoder);
const codepointsOf = CodepageEncoder.getCodepoints.bind(CodepageEncoder);
let building = 0;

CodepageEncoder.getCodepoints = (...args: Parameters<typeof CodepageEncoder.getCodepoints>): ReturnType<typeof CodepageEncoder.getCodepoints> => {
  building += 1;
  try {
    return codepointsOf(...args);
  } finally {
    building -= 1;
  }
};

CodepageEncoder.getEncoding = (codepage: Parameters<typeof CodepageEncoder.getEncoding>[0]): Definition => {
  if (building > 0) return lookUp(codepage);
  let definition = cache.get(codepage);
  if (!definition) {
    definition = lookUp(codepage);
    cache.set(codepage, definition);
  }
  return definition;
};
