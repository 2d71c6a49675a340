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
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(table[text.charCodeAt(i)]);
  return out;
}

/**
 * Han characters, defined once: CJK unified ideographs (BMP and extension A) and compatibility
 * ideographs. The Yijing hexagrams (U+4DC0–4DFF) between the two unified blocks are not Han.
 */
const HAN_PATTERN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

function isHanCode(code: number): boolean {
  return (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

/** True when the text holds at least one Han character. */
export function hasChinese(text: string): boolean {
  return HAN_PATTERN.test(text);
}

/**
 * Which script a sample of text is mostly written in. Characters that fold to another are
 * Traditional (or variant) forms; characters that others fold to, and that fold to themselves, are
 * Simplified forms. Built once from the fold pairs; the detector then costs a pass over the sample.
 */
export function createScriptDetector(fold: FoldTable, pairs: string): (sample: string) => 'simplified' | 'traditional' {
  const simplifiedForms = new Set<number>();
  for (let i = 1; i < pairs.length; i += 2) simplifiedForms.add(pairs.charCodeAt(i));
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
