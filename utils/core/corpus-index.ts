/**
 * Occurrences of glossary entries in the corpus, computed with the same matcher the content script
 * uses — never typed by hand. Pure.
 */
import { rawOffsetOf, type Corpus } from './corpus-model';
import type { Matcher } from './matcher';

export interface Occurrence {
  essay: number;
  paragraph: number;
  part: number;
  /** Offsets into the paragraph's repaired text, end exclusive. */
  start: number;
  end: number;
  /** The same range in the paragraph's raw text. */
  rawStart: number;
  rawEnd: number;
  before: string;
  text: string;
  after: string;
  /** Set when the occurrence lies inside a longer phrase that the page matcher would prefer. */
  within?: string;
}

const CONTEXT_CHARS = 18;

/** Every occurrence of every entry, nested ones included, keyed by entry id, in corpus order. */
export function indexOccurrences(corpus: Corpus, matcher: Matcher): Map<string, Occurrence[]> {
  const { ids } = matcher;
  const byEntry = new Map<string, Occurrence[]>(ids.map((id) => [id, []]));
  for (const essay of corpus.essays) {
    for (const paragraph of essay.paragraphs) {
      const text = paragraph.text;
      const preferred = matcher.findMatches(text);
      const all = matcher.findAllMatches(text);
      for (const match of all) {
        // A short form inside a long form of the same entry is one occurrence, not two.
        const inSelf = all.some((o) => o !== match && o.entry === match.entry && o.start <= match.start && match.end <= o.end);
        if (inSelf) continue;
        const outer = preferred.find(
          (p) => p.start <= match.start && match.end <= p.end && (p.start !== match.start || p.end !== match.end),
        );
        byEntry.get(ids[match.entry])!.push({
          essay: essay.number,
          paragraph: paragraph.number,
          part: paragraph.part,
          start: match.start,
          end: match.end,
          rawStart: rawOffsetOf(paragraph, match.start, 'start'),
          rawEnd: rawOffsetOf(paragraph, match.end, 'end'),
          before: text.slice(Math.max(0, match.start - CONTEXT_CHARS), match.start),
          text: text.slice(match.start, match.end),
          after: text.slice(match.end, match.end + CONTEXT_CHARS),
          ...(outer && outer.entry !== match.entry ? { within: ids[outer.entry] } : {}),
        });
      }
    }
  }
  return byEntry;
}
