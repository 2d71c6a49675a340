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

/** True when the text holds at least one CJK ideograph (BMP unified or extension A). */
export function hasChinese(text: string): boolean {
  return /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/.test(text);
}
