/**
 * Annotating a text: the phrases it contains, with counts, meanings and where each occurs in the
 * source essays. Shared by the CLI and the extension's views. Pure.
 */
import type { CompiledEntry } from './compiled-data';
import type { Matcher } from './matcher';

export interface TextMatch {
  id: string;
  /** The text as it stands in the input. */
  text: string;
  start: number;
  end: number;
  category: CompiledEntry['category'];
}

export interface PhraseSummary {
  id: string;
  simplified: string;
  traditional: string;
  category: CompiledEntry['category'];
  /** Key phrases are highlighted by default, common ones on request. */
  salience: CompiledEntry['salience'];
  pinyin: string;
  gloss: string;
  meaningZh: string;
  meaningEn: string;
  origin: CompiledEntry['origin'];
  count: number;
  firstOffset: number;
  essayOccurrences: number;
  /** The first few occurrences in the source essays. */
  inEssays: CompiledEntry['occurrences'];
}

export interface Annotation {
  length: number;
  matches: TextMatch[];
  /** One row per distinct phrase, in order of first appearance. */
  phrases: PhraseSummary[];
}

const ESSAY_EXAMPLES = 3;

/**
 * Splits plain text into blocks at blank lines: a phrase may wrap onto the next line, but never
 * runs on into the next paragraph. Returns the blocks' start offsets with their text.
 */
export function plainTextBlocks(text: string): { start: number; text: string }[] {
  const blocks: { start: number; text: string }[] = [];
  const boundary = /\n[ \t\r\u3000]*\n/g;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    blocks.push({ start, text: text.slice(start, m.index) });
    start = m.index! + m[0].length;
  }
  blocks.push({ start, text: text.slice(start) });
  return blocks;
}

export function annotate(
  text: string,
  blocks: { start: number; text: string }[],
  matcher: Matcher,
  entries: ReadonlyMap<string, CompiledEntry>,
): Annotation {
  const matches: TextMatch[] = [];
  for (const block of blocks) {
    for (const m of matcher.findMatches(block.text)) {
      const id = matcher.ids[m.entry];
      const start = block.start + m.start;
      const end = block.start + m.end;
      matches.push({ id, text: text.slice(start, end), start, end, category: entries.get(id)!.category });
    }
  }
  const byId = new Map<string, PhraseSummary>();
  for (const match of matches) {
    const seen = byId.get(match.id);
    if (seen) {
      seen.count++;
      continue;
    }
    const entry = entries.get(match.id)!;
    byId.set(match.id, {
      id: entry.id,
      simplified: entry.simplified,
      traditional: entry.traditional,
      category: entry.category,
      salience: entry.salience,
      pinyin: entry.pinyin,
      gloss: entry.gloss,
      meaningZh: entry.meaningZh,
      meaningEn: entry.meaningEn,
      origin: entry.origin,
      count: 1,
      firstOffset: match.start,
      essayOccurrences: entry.occurrences.length,
      inEssays: entry.occurrences.slice(0, ESSAY_EXAMPLES),
    });
  }
  return { length: text.length, matches, phrases: [...byId.values()] };
}
