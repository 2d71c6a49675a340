/**
 * Every occurrence of every proposed form in every document, matched by the project's own matcher
 * (so that 兩個維護 and 两个维护 are one form, written either way), and what each tells: in how
 * many documents the form occurs, where it is cited as a formula (citation.ts), how it is written,
 * whether it lies inside a known phrase or inside a longer proposal, and a few contexts.
 *
 * Pure.
 */
import type { FoldTable } from '../fold';
import { compileMatcher, type Match, type Matcher } from '../matcher';
import { createCitation } from './citation';
import { isHanCode } from '../fold';

export interface CandidateContext {
  document: string;
  before: string;
  text: string;
  after: string;
}

export interface Tally {
  occurrences: number;
  documents: number;
  /**
   * The folded text around the first citing occurrence of each document that cites the form:
   * copies of one sentence in several documents (a standing introduction, a news item reposted
   * with small changes) are one passage.
   */
  citingPassages: Set<string>;
  quotedDocuments: number;
  governedDocuments: number;
  /** Occurrences inside a known phrase. */
  insideKnown: number;
  /** For each other form, how many of this one's occurrences lie inside it. */
  inside: Map<number, number>;
  /** How it is written, with how often. */
  forms: Map<string, number>;
  /** The Han character right after each occurrence, with how often (a series' last item may be cut short). */
  after: Map<number, number>;
  /** Where it is cited, then where it only occurs, a document each, in document order. */
  citedContexts: CandidateContext[];
  otherContexts: CandidateContext[];
}

/** Characters either side of a citation that make two citations one passage. */
const PASSAGE = 8;
const CONTEXT_CHARACTERS = 20;

interface Documents {
  ids: readonly string[];
  /** The texts as read (contexts are taken from them), and folded: the same length, offset for offset. */
  texts: readonly string[];
  folded: readonly string[];
}

export function tallyOccurrences(
  documents: Documents,
  forms: readonly string[],
  known: Matcher,
  fold: FoldTable,
  options: { contexts: number; longestForm: number },
): Tally[] {
  const matcher = compileMatcher({ ids: forms.map((_, i) => String(i)), forms: forms.map((form) => [form]) }, fold);
  const citation = createCitation(fold);
  const tallies: Tally[] = forms.map(() => ({
    occurrences: 0,
    documents: 0,
    citingPassages: new Set(),
    quotedDocuments: 0,
    governedDocuments: 0,
    insideKnown: 0,
    inside: new Map(),
    forms: new Map(),
    after: new Map(),
    citedContexts: [],
    otherContexts: [],
  }));
  const last = forms.map(() => ({ document: -1, cited: -1, quoted: -1, governed: -1 }));
  /** Counts `m` as inside `outer` when it is; says whether it is. */
  const countInside = (m: Match, outer: Match): boolean => {
    if (outer.start > m.start || outer.end < m.end || outer.end - outer.start <= m.end - m.start) return false;
    const { inside } = tallies[m.entry];
    inside.set(outer.entry, (inside.get(outer.entry) ?? 0) + 1);
    return true;
  };

  documents.texts.forEach((text, doc) => {
    const folded = documents.folded[doc];
    const knownReach = reachOf(known.findAllMatches(text));
    const matches = matcher.findAllMatches(text);
    matches.forEach((m, index) => {
      const tally = tallies[m.entry];
      const seen = last[m.entry];
      tally.occurrences++;
      const written = text.slice(m.start, m.end);
      tally.forms.set(written, (tally.forms.get(written) ?? 0) + 1);
      const next = folded.charCodeAt(m.end);
      if (isHanCode(next)) tally.after.set(next, (tally.after.get(next) ?? 0) + 1);
      if (knownReach(m.start) >= m.end) tally.insideKnown++;
      // Matches come by start, so the longer ones around this one are shortly before it or at its start.
      for (let j = index - 1; j >= 0 && matches[j].start > m.end - options.longestForm; j--) countInside(m, matches[j]);
      let extended = false;
      for (let j = index + 1; j < matches.length && matches[j].start === m.start; j++) extended = countInside(m, matches[j]) || extended;

      const quoted = citation.quoted(folded, m.start, m.end);
      // 实现中华民族伟大复兴 cites 中华民族伟大复兴, not the 中华民族 it begins with.
      const governed = !extended && citation.governed(folded, m.start);
      const context = () => contextOf(documents.ids[doc], text, m.start, m.end);
      if (seen.document !== doc) {
        seen.document = doc;
        tally.documents++;
        if (!quoted && !governed && tally.otherContexts.length < options.contexts) tally.otherContexts.push(context());
      }
      if ((quoted || governed) && seen.cited !== doc) {
        seen.cited = doc;
        tally.citingPassages.add(folded.slice(Math.max(0, m.start - PASSAGE), m.start) + folded.slice(m.end, m.end + PASSAGE));
        if (tally.citedContexts.length < options.contexts) tally.citedContexts.push(context());
      }
      if (quoted && seen.quoted !== doc) {
        seen.quoted = doc;
        tally.quotedDocuments++;
      }
      if (governed && seen.governed !== doc) {
        seen.governed = doc;
        tally.governedDocuments++;
      }
    });
  });
  return tallies;
}

/**
 * For spans sorted by start, a function from a position (non-decreasing from call to call) to the
 * furthest end of the spans that start at or before it: whether a span lies inside one of them.
 */
function reachOf(spans: readonly Match[]): (position: number) => number {
  let next = 0;
  let reach = -1;
  return (position) => {
    while (next < spans.length && spans[next].start <= position) reach = Math.max(reach, spans[next++].end);
    return reach;
  };
}

function contextOf(document: string, text: string, start: number, end: number): CandidateContext {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  return {
    document,
    before: flat(text.slice(Math.max(0, start - CONTEXT_CHARACTERS), start)).trimStart(),
    text: text.slice(start, end),
    after: flat(text.slice(end, end + CONTEXT_CHARACTERS)).trimEnd(),
  };
}
