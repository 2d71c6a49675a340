/**
 * Parallel series: four-character phrases in a row, separated by 、 or a comma (总揽全局、协调各方;
 * 政治坚定、业务精通、作风优良、执法公正), the commonest build of official formulas. Found in folded text.
 *
 * With 、, which only ever separates the items of a list, the first and last items are the four
 * characters next to it, even where the run of Han characters is longer (党总揽全局、协调各方的 →
 * 总揽全局、协调各方): a formula is seldom set apart by punctuation, and an edge taken wrong does not
 * recur from one document to another as a real series does. Every run of two or more neighbouring items is a span, so that a series quoted
 * in part elsewhere is found in both.
 *
 * Pure.
 */
import { isHan } from '../fold';

const ITEM = 4;
const SEPARATORS = '、,';
/** Longer series are lists (of provinces, of names), not formulas. */
const MAX_ITEMS = 6;

interface SeriesSpan {
  start: number;
  end: number;
}

const hanRun = (text: string, start: number, length: number) => {
  for (let i = start; i < start + length; i++) if (i < 0 || i >= text.length || !isHan(text[i])) return false;
  return true;
};

export function findParallelSeries(folded: string): SeriesSpan[] {
  const spans: SeriesSpan[] = [];
  for (let i = ITEM; i < folded.length; i++) {
    if (!SEPARATORS.includes(folded[i]) || !hanRun(folded, i - ITEM, ITEM)) continue;
    const starts = [i - ITEM];
    let at = i;
    // Each further item: four Han characters after the separator; one followed by more Han
    // characters is the series' last.
    while (SEPARATORS.includes(folded[at]) && hanRun(folded, at + 1, ITEM)) {
      starts.push(at + 1);
      const next = at + 1 + ITEM;
      if (!SEPARATORS.includes(folded[next] ?? '')) break;
      at = next;
    }
    i = Math.max(i, starts[starts.length - 1] + ITEM - 1);
    // A comma also ends clauses of any length: there, an edge item must be a whole clause of four
    // (…，不忘初心，牢记使命，继续奋勇前进 → 不忘初心，牢记使命), not the end of a longer one.
    if (starts.some((start, k) => k > 0 && folded[start - 1] === ',')) {
      if (isHan(folded[starts[0] - 1])) starts.shift();
      if (starts.length > 0 && isHan(folded[starts[starts.length - 1] + ITEM])) starts.pop();
    }
    if (starts.length < 2 || starts.length > MAX_ITEMS) continue;
    for (let first = 0; first < starts.length - 1; first++) {
      for (let last = first + 1; last < starts.length; last++) {
        spans.push({ start: starts[first], end: starts[last] + ITEM });
      }
    }
  }
  return spans;
}
