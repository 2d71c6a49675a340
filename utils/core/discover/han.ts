/**
 * Whether a UTF-16 code unit is a Han character, by table: fold.ts says which characters are Han
 * (hasChinese), and discover asks it for every character of megabytes of text, where a regular
 * expression per character costs seconds. The table is built once, from hasChinese itself.
 *
 * Pure.
 */
import { hasChinese } from '../fold';

let table: Uint8Array | undefined;

export function isHanCode(code: number): boolean {
  if (!table) {
    table = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) table[c] = hasChinese(String.fromCharCode(c)) ? 1 : 0;
  }
  return table[code] === 1;
}

export const isHan = (ch: string | undefined): boolean => ch !== undefined && ch.length > 0 && isHanCode(ch.charCodeAt(0));
