/**
 * Script folding: Simplified, Traditional, Hong Kong and Taiwan forms (and any mixture of them)
 * fold to one key, one UTF-16 code unit at a time, so that offsets found in folded text are offsets
 * in the original text. The table itself is derived from opencc-js at build time
 * (scripts/build-data.ts → utils/fold-table-builder.ts); this module only applies it.
 */

export type FoldTable = Uint16Array;

/** Expands the compact pair string ("from to from to …") into a direct lookup table. */
export function createFoldTable(pairs: string): FoldTable {
  const table = new Uint16Array(0x10000);
  for (let i = 0; i < table.length; i++) table[i] = i;
  for (let i = 0; i + 1 < pairs.length; i += 2) table[pairs.charCodeAt(i)] = pairs.charCodeAt(i + 1);
  return table;
}

export function foldText(text: string, table: FoldTable): string {
  // Into a typed array, then to a string in slices: a string grown a character at a time takes
  // seconds over the megabytes of a corpus (tifa discover folds whole documents).
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = table[text.charCodeAt(i)];
  let out = '';
  for (let i = 0; i < codes.length; i += FOLD_SLICE) out += String.fromCharCode(...codes.subarray(i, i + FOLD_SLICE));
  return out;
}

/** Characters turned into a string at once: well under the engines' limit on arguments. */
const FOLD_SLICE = 8192;

/**
 * Han characters, defined once: CJK unified ideographs (BMP and extension A) and compatibility
 * ideographs. The Yijing hexagrams (U+4DC0–4DFF) between the two unified blocks are not Han.
 */
const HAN_PATTERN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** True for a UTF-16 code unit that is a Han character (the ranges above). */
export function isHanCode(code: number): boolean {
  return (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

/** True when `ch` (one character, or its first) is a Han character. */
export const isHan = (ch: string | undefined): boolean => ch !== undefined && ch.length > 0 && isHanCode(ch.charCodeAt(0));

/** True when the text holds at least one Han character. */
export function hasChinese(text: string): boolean {
  return HAN_PATTERN.test(text);
}

/**
 * Han characters counted by code point, as a researcher's rate per 10,000 characters needs: the BMP
 * ranges above, and the supplementary ideographic planes (U+20000–U+3FFFF: extension B onwards, 𠮷),
 * which the matcher never needs but rare names and old texts use.
 */
export function countHan(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isHanCode(code)) count++;
    else if (code >= 0xd840 && code <= 0xd8bf && i + 1 < text.length) {
      // High surrogates D840–D8BF begin exactly the code points of planes 2 and 3.
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        count++;
        i++;
      }
    }
  }
  return count;
}

/** Characters that some other character folds to: the Simplified side of the fold pairs. */
function foldTargets(pairs: string): Set<number> {
  const targets = new Set<number>();
  for (let i = 1; i < pairs.length; i += 2) targets.add(pairs.charCodeAt(i));
  return targets;
}

/**
 * Which script a sample of text is mostly written in. Characters that fold to another are
 * Traditional (or variant) forms; characters that others fold to, and that fold to themselves, are
 * Simplified forms. Built once from the fold pairs; the detector then costs a pass over the sample.
 */
export function createScriptDetector(fold: FoldTable, pairs: string): (sample: string) => 'simplified' | 'traditional' {
  const simplifiedForms = foldTargets(pairs);
  return (sample) => {
    let traditional = 0;
    let simplified = 0;
    for (let i = 0; i < sample.length; i++) {
      const c = sample.charCodeAt(i);
      if (!isHanCode(c)) continue;
      if (fold[c] !== c) traditional++;
      else if (simplifiedForms.has(c)) simplified++;
    }
    return traditional > simplified ? 'traditional' : 'simplified';
  };
}

/** The script a phrase is written in where it occurs (createFormScript). */
export type FormScript = 'simplified' | 'traditional' | 'mixed' | 'either';

/**
 * The script of one written form of a phrase, character by character, with the same two sides as
 * createScriptDetector, each checked against the phrase's own canonical forms: a character that
 * folds to another (後, 裡) marks Traditional unless the phrase's Simplified form uses it too; a
 * character that others fold to (后) marks Simplified unless the phrase's Traditional form uses it
 * too. So 里 marks nothing in 最后一公里, whose Traditional form 最後一公里 keeps it. Both marks make
 * `mixed`, neither `either` (上有政策 is written alike in both).
 */
export function createFormScript(fold: FoldTable, pairs: string): (form: string, simplified: string, traditional: string) => FormScript {
  const simplifiedForms = foldTargets(pairs);
  return (form, simplified, traditional) => {
    let isTraditional = false;
    let isSimplified = false;
    for (let i = 0; i < form.length; i++) {
      const c = form.charCodeAt(i);
      if (!isHanCode(c)) continue;
      const char = form[i];
      if (fold[c] !== c) isTraditional ||= !simplified.includes(char);
      else if (simplifiedForms.has(c)) isSimplified ||= !traditional.includes(char);
    }
    return isTraditional ? (isSimplified ? 'mixed' : 'traditional') : isSimplified ? 'simplified' : 'either';
  };
}
