/**
 * Numbered formulas: the Party-state's habit of naming a list by how many items it has.
 *
 * Two shapes, found in folded text:
 * - counted: a numeral, a classifier and a head of two to four characters (两个维护, 四个意识,
 *   八项规定, 三大攻坚战, 四种形态);
 * - paired: two to four numerals, each with one character (三严三实, 五位一体, 两学一做, 一国两制,
 *   三去一降一补).
 * A numeral with a single character (四风, 两会, 三农) is a formula only in quotation marks; that is
 * for the quoted slogans to find (quoted-slogans.ts), with `isNumberedShape` saying it qualifies.
 *
 * Counted shapes are also how Chinese counts anything (两个孩子, 三个月): across the corpus, a head
 * counted with other numbers or with 这个, 几个, 每个 … about as often is an ordinary noun — 两个维护
 * is only ever two.
 *
 * Pure.
 */
import { isFramedByFunctionWords } from './function-words';
import { isHan } from '../fold';

/** Chinese numerals as formulas use them (after folding: 兩 → 两). */
const NUMERALS = '一二三四五六七八九十两百千';
/** 双 counts as a numeral after the first (一岗双责), never first (双方, 双手). */
const LATER_NUMERALS = `${NUMERALS}双`;
const CLASSIFIERS = '个项大种条类';
/** Numbers, dates and measures: 一年两次, 七时十五 are amounts, not formulas. */
const UNITS = '年月日时分秒号届次岁元角万亿周世代天些半多倍成米里斤吨度期点页层楼句口号条座间';
/** Words that count a noun without being a numeral. */
const DETERMINERS = '这那每几多各哪某整该此另';

const isNumeral = (ch: string | undefined) => ch !== undefined && ch.length === 1 && NUMERALS.includes(ch);
const isContent = (ch: string | undefined) =>
  ch !== undefined && isHan(ch) && !LATER_NUMERALS.includes(ch) && !UNITS.includes(ch) && !CLASSIFIERS.includes(ch);

interface NumberedSpan {
  start: number;
  end: number;
  /** For a counted shape: the classifier and the head (两个维护: 个, 维护), to test with isCountedNoun. */
  classifier?: string;
  head?: string;
}

/** True for the forms this module would find, and for a numeral with one character (四风). */
export function isNumberedShape(form: string): boolean {
  if (form.length === 2) return isNumeral(form[0]) && isContent(form[1]);
  return pairedLength(form, 0) === form.length || countedHeadLengths(form, 0).includes(form.length - 2);
}

/** The length of a paired shape at `start` (三严三实: 4), or 0. */
function pairedLength(text: string, start: number): number {
  let at = start;
  let groups = 0;
  while (groups < 4 && (groups === 0 ? isNumeral(text[at]) : LATER_NUMERALS.includes(text[at] ?? '!')) && isContent(text[at + 1])) {
    at += 2;
    groups++;
  }
  // A numeral right after is a longer number (一年十二个月), not another group.
  return groups >= 2 && !isNumeral(text[at]) ? at - start : 0;
}

/** The head lengths of counted shapes at `start` (四个意识: [2], 两个一百年: [2, 3]). */
function countedHeadLengths(text: string, start: number): number[] {
  if (!isNumeral(text[start]) || !CLASSIFIERS.includes(text[start + 1] ?? '!')) return [];
  const lengths: number[] = [];
  for (let n = 1; n <= 4; n++) {
    const ch = text[start + 1 + n];
    // The head may hold numerals (两个一百年) but not begin with a unit (三个月).
    if (ch === undefined || !isHan(ch) || (n === 1 && !isContent(ch) && !isNumeral(ch))) break;
    // A head does not end on a particle: 两个维护的 is 两个维护 and 的.
    if (n >= 2 && !isFramedByFunctionWords(`一${ch}`)) lengths.push(n);
  }
  return lengths;
}

/** Every numbered shape in a folded text; counted shapes once per head length. */
function findNumberedFormulas(folded: string): NumberedSpan[] {
  const spans: NumberedSpan[] = [];
  /** The end of the last paired shape: 一降一补 inside 三去一降一补 is not another. */
  let pairedEnd = 0;
  for (let i = 0; i < folded.length; i++) {
    if (!isNumeral(folded[i])) continue;
    const before = folded[i - 1];
    // Part of a longer number (十九届), an ordinal (第三个) or a determiner (这两个).
    if (isNumeral(before) || before === '第' || (before !== undefined && DETERMINERS.includes(before))) continue;
    const paired = i < pairedEnd ? 0 : pairedLength(folded, i);
    if (paired > 0) {
      spans.push({ start: i, end: i + paired });
      pairedEnd = i + paired;
    }
    for (const n of countedHeadLengths(folded, i)) {
      spans.push({ start: i, end: i + 2 + n, classifier: folded[i + 1], head: folded.slice(i + 2, i + 2 + n) });
    }
  }
  return spans;
}

/** How each classifier + two-character head is counted: by which numeral or determiner, how often. */
type CountedHeads = Map<string, Map<string, number>>;

function countedHeads(folded: readonly string[]): CountedHeads {
  const heads: CountedHeads = new Map();
  const counters = `${NUMERALS}${DETERMINERS}0123456789`;
  for (const text of folded) {
    for (let i = 1; i + 2 < text.length; i++) {
      if (!CLASSIFIERS.includes(text[i]) || !counters.includes(text[i - 1])) continue;
      const key = text[i] + text.slice(i + 1, i + 3);
      let by = heads.get(key);
      if (!by) heads.set(key, (by = new Map()));
      by.set(text[i - 1], (by.get(text[i - 1]) ?? 0) + 1);
    }
  }
  return heads;
}

/**
 * True when the head is an ordinary counted noun: counted by other numbers or determiners at least
 * half as often as by this formula's numeral.
 */
function isCountedNoun(heads: CountedHeads, numeral: string, classifier: string, head: string): boolean {
  const by = heads.get(classifier + head.slice(0, 2));
  if (!by) return false;
  let own = 0;
  let other = 0;
  for (const [counter, count] of by) {
    if (counter === numeral) own += count;
    else other += count;
  }
  return other * 2 >= own;
}

/** A longer head stands only where this share of its two-character head's occurrences go on into it. */
const LONGER_HEAD_SHARE = 0.8;

/**
 * The numbered shapes of every document of a corpus: none whose head is an ordinary counted noun,
 * and a counted one with a longer head only where most occurrences of its two-character head go on
 * so (两个一百年 stands beside 两个一百, which then turns out to be a piece of it; 两个维护决 does
 * not).
 */
export function findNumberedFormulasInCorpus(folded: readonly string[]): { start: number; end: number }[][] {
  const heads = countedHeads(folded);
  const spans = folded.map((text) =>
    findNumberedFormulas(text).filter((s) => !s.classifier || !isCountedNoun(heads, text[s.start], s.classifier, s.head ?? '')),
  );
  const counts = new Map<string, number>();
  spans.forEach((list, doc) => {
    for (const s of list) {
      const form = folded[doc].slice(s.start, s.end);
      counts.set(form, (counts.get(form) ?? 0) + 1);
    }
  });
  return spans.map((list, doc) =>
    list.filter((s) => {
      if (!s.head || s.head.length === 2) return true;
      const form = folded[doc].slice(s.start, s.end);
      return counts.get(form)! >= LONGER_HEAD_SHARE * counts.get(form.slice(0, 4))!;
    }),
  );
}
