/**
 * Builds the script-folding table from opencc-js's own dictionaries (build time only: the
 * dictionaries never ship in the content script). Folding maps every UTF-16 code unit to one code
 * unit, so an offset in folded text is the same offset in the original text.
 */
import { ideographOfRadical } from '../../utils/core/radicals';

/** opencc-js dictionaries are strings of "source target|source target…" pairs. */
type OpenccDict = string;

export interface FoldSources {
  /** Traditional → Simplified characters (TSCharacters). */
  traditionalToSimplified: OpenccDict;
  /** Regional variant → standard Traditional (HKVariantsRev, TWVariantsRev, …). */
  variantsToStandard: OpenccDict[];
  /** Simplified → Traditional characters (STCharacters): catches Traditional forms TS lacks. */
  simplifiedToTraditional: OpenccDict;
  /** Compatibility ideographs → unified ideographs. */
  compatibility: OpenccDict;
  /**
   * Phrase dictionaries, Simplified → Traditional (STPhrases) and Traditional → Simplified
   * (TSPhrases): some characters change only inside phrases (了解 → 瞭解), so their pairs are read
   * from equal-length phrase pairs, character by character.
   */
  simplifiedToTraditionalPhrases: OpenccDict[];
  traditionalToSimplifiedPhrases: OpenccDict[];
}

function* pairs(dict: OpenccDict): Generator<[string, string[]]> {
  for (const item of dict.split('|')) {
    const [source, ...targets] = item.split(' ');
    if (source && targets.length > 0) yield [source, targets];
  }
}

/** Only one BMP code unit to one BMP code unit may enter the table: offsets must stay 1:1. */
function isSingleUnit(s: string): boolean {
  return s.length === 1;
}

/**
 * Returns the table as a string of (from, to) code-unit pairs, sorted by `from`, listing only
 * units that change. The fold is idempotent: fold(fold(c)) === fold(c).
 */
export function buildFoldPairs(sources: FoldSources): string {
  const map = new Map<string, string>();
  const set = (from: string, to: string) => {
    if (from !== to && isSingleUnit(from) && isSingleUnit(to) && !map.has(from)) map.set(from, to);
  };

  // Compatibility ideographs first: they are the same character, whatever the script.
  for (const [from, [to]] of pairs(sources.compatibility)) set(from, to);
  // Kangxi and CJK radicals are the ideograph they look like (utils/core/radicals.ts): text taken
  // from PDFs (Chromium's own print to PDF among them) writes 一 as ⼀ and 风 as ⻛, and 最后⼀公里
  // must still match.
  for (let code = 0x2e80; code <= 0x2fdf; code++) {
    const radical = String.fromCharCode(code);
    set(radical, ideographOfRadical(radical));
  }
  for (const [from, [to]] of pairs(sources.traditionalToSimplified)) set(from, to);
  // A regional variant folds to whatever its standard Traditional form folds to.
  for (const dict of sources.variantsToStandard) {
    for (const [variant, [standard]] of pairs(dict)) set(variant, map.get(standard) ?? standard);
  }
  // Every Traditional candidate of a Simplified character folds to that Simplified character,
  // unless TS already gave it a fold of its own (TS is the more specific table).
  for (const [simplified, traditionals] of pairs(sources.simplifiedToTraditional)) {
    for (const t of traditionals) set(t, simplified);
  }

  for (const dict of sources.simplifiedToTraditionalPhrases) {
    for (const [simplified, [traditional]] of pairs(dict)) {
      if (simplified.length !== traditional.length) continue;
      for (let i = 0; i < simplified.length; i++) set(traditional[i], map.get(simplified[i]) ?? simplified[i]);
    }
  }
  for (const dict of sources.traditionalToSimplifiedPhrases) {
    for (const [traditional, [simplified]] of pairs(dict)) {
      if (simplified.length !== traditional.length) continue;
      for (let i = 0; i < simplified.length; i++) set(traditional[i], map.get(simplified[i]) ?? simplified[i]);
    }
  }

  // Width and case: full-width ASCII and the ideographic space fold to their ASCII forms, so
  // "，" and "," or "ＡＢ" and "ab" are one key.
  for (let code = 0xff01; code <= 0xff5e; code++) {
    set(String.fromCharCode(code), String.fromCharCode(code - 0xfee0).toLowerCase());
  }
  set('\u3000', ' ');
  // Quotation marks: corner brackets and single quotes fold to “ ”, so a quoted form matches
  // whichever quoting style a page uses.
  for (const open of '「『‘〝') set(open, '“');
  for (const close of '」』’〞') set(close, '”');
  for (let code = 0x41; code <= 0x5a; code++) set(String.fromCharCode(code), String.fromCharCode(code + 32));

  // Resolve chains (A → B, B → C) so the fold is idempotent.
  const resolve = (c: string): string => {
    let seen = 0;
    let current = c;
    while (map.has(current) && seen++ < 8) current = map.get(current)!;
    return current;
  };
  const out: [string, string][] = [];
  for (const from of map.keys()) {
    const to = resolve(from);
    if (to !== from) out.push([from, to]);
  }
  out.sort((a, b) => a[0].charCodeAt(0) - b[0].charCodeAt(0));
  return out.map(([f, t]) => f + t).join('');
}
