/**
 * Quoted slogans: what a text puts in quotation marks as a set expression (“两个维护”, 「一國兩制」,
 * 『港人治港』, "中国梦"), found in folded text, where 「」『』‘’ are already “”.
 *
 * A quotation is a slogan's shape when it is short and made of Han characters, with at most the
 * separators of a slogan's parts inside (亲自指挥、亲自部署); quoted speech holds a sentence's
 * punctuation and is left out. Two characters are a word, not a slogan, unless they are a numbered
 * formula (“四风”, “两会”). Whether a quotation recurs across documents is for the caller to count.
 *
 * Pure.
 */
import { isHan } from '../fold';
import { isNumberedShape } from './numbered-formulas';

/** Separators between a slogan's parts (after folding: ，→ ,). */
const PART_SEPARATORS = '、,';
const MIN_HAN = 3;

/** Quotations of 2 to 24 characters: longer ones are speech, not slogans. */
const QUOTES = /“([^“”\n]{2,24})”|"([^"\n]{2,24})"/g;

/** Where the quotation's text is, without its marks. */
interface QuotedSpan {
  start: number;
  end: number;
}

function isSloganShape(inner: string): boolean {
  let han = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (isHan(ch)) han++;
    else if (!PART_SEPARATORS.includes(ch) || i === 0 || i === inner.length - 1 || PART_SEPARATORS.includes(inner[i - 1])) return false;
  }
  return han >= MIN_HAN || (han === inner.length && isNumberedShape(inner));
}

export function findQuotedSlogans(folded: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  for (const m of folded.matchAll(QUOTES)) {
    const inner = m[1] ?? m[2];
    if (isSloganShape(inner)) spans.push({ start: m.index + 1, end: m.index + 1 + inner.length });
  }
  return spans;
}
