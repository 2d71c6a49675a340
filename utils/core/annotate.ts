/**
 * Annotating a text: the phrases it contains, with counts, meanings and where each occurs in the
 * source essays. Shared by the CLI and the extension's views. Pure.
 */
import type { CompiledEntry } from './compiled-data';
import { citation, leadRendering } from './glossary-schema';
import type { PhraseMatcher } from './phrase-matcher';
import { PolicyContext, isQuoted, type HighlightLevel } from './policy-context';

export interface TextMatch {
  id: string;
  /** The text as it stands in the input. */
  text: string;
  start: number;
  end: number;
  category: CompiledEntry['category'];
  tier: CompiledEntry['tier'];
}

export interface PhraseSummary {
  id: string;
  simplified: string;
  traditional: string;
  category: CompiledEntry['category'];
  /** Key phrases everywhere, set formulas on policy pages, vocabulary on request (policy-context.ts). */
  tier: CompiledEntry['tier'];
  pinyin: string;
  gloss: string;
  meaningZh: string;
  meaningEn: string;
  /** The lead English rendering (official first) and its citation; empty where there is none. */
  officialEn: string;
  officialEnSource: string;
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

/** "Official English, Foreign Languages Press, “…”, 2014, p. 419": who gives the lead rendering, and where. */
function renderingCitation(entry: CompiledEntry): string {
  const lead = leadRendering(entry);
  return lead ? `${lead.kind}: ${citation(lead.source)}` : '';
}

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

/** A match shown at a level: the entry's index in the matcher, offsets in the text, its block. */
export interface BlockMatch {
  entry: number;
  start: number;
  end: number;
  /** Index of the block it is in, among the blocks given. */
  block: number;
}

/**
 * The matches of `text` a reader sees, read block by block as a page is, at a highlight level:
 * `matcher` is restricted to the level's tiers (PhraseMatcher.forLevel), and at 'context' set
 * formulas count only when the whole text turns out to be about policy, as on a page. In text order.
 */
export function shownBlockMatches(
  text: string,
  blocks: readonly { start: number; text: string }[],
  matcher: PhraseMatcher,
  level: HighlightLevel,
): BlockMatch[] {
  const found: BlockMatch[] = [];
  const context = new PolicyContext(matcher, matcher.cues, level);
  for (const [block, { start, text: blockText }] of blocks.entries()) {
    const inBlock = matcher.findMatches(blockText);
    context.observe(blockText, inBlock);
    for (const m of inBlock) found.push({ entry: m.entry, start: start + m.start, end: start + m.end, block });
  }
  return found.filter(({ entry, start, end }) => context.shows(entry, isQuoted(text, start, end)));
}

/**
 * Whether the blocks, read in order as a page is, make policy text at `level` (always true where the
 * level gates nothing). The PDF viewer asks this of a whole document whose pages it draws a few at a time.
 */
export function isPolicyText(blocks: readonly { text: string }[], matcher: PhraseMatcher, level: HighlightLevel): boolean {
  const context = new PolicyContext(matcher, matcher.cues, level);
  for (const { text } of blocks) if (context.observe(text, matcher.findMatches(text)) || context.isPolicy) return true;
  return context.isPolicy;
}

/** The phrases of `text` at a highlight level (shownBlockMatches), with their counts and meanings. */
export function annotate(
  text: string,
  blocks: { start: number; text: string }[],
  matcher: PhraseMatcher,
  entries: ReadonlyMap<string, CompiledEntry>,
  level: HighlightLevel,
): Annotation {
  const matches: TextMatch[] = shownBlockMatches(text, blocks, matcher, level).map(({ entry, start, end }) => {
    const id = matcher.ids[entry];
    const { category, tier } = entries.get(id)!;
    return { id, text: text.slice(start, end), start, end, category, tier };
  });
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
      tier: entry.tier,
      pinyin: entry.pinyin,
      gloss: entry.gloss,
      meaningZh: entry.meaningZh,
      meaningEn: entry.meaningEn,
      officialEn: leadRendering(entry)?.text ?? '',
      officialEnSource: renderingCitation(entry),
      origin: entry.origin,
      count: 1,
      firstOffset: match.start,
      essayOccurrences: entry.occurrences.length,
      inEssays: entry.occurrences.slice(0, ESSAY_EXAMPLES),
    });
  }
  return { length: text.length, matches, phrases: [...byId.values()] };
}
