/**
 * Types of the compiled data that scripts/build-data.ts writes to generated/ and every view reads.
 */
import type { Category, GlossaryEntry, Tier } from './glossary-schema';
import type { Occurrence } from './corpus-index';
import type { EncodedMatcherTables, PhraseSet } from './matcher';

/** What the matcher needs, and nothing more: this ships in the content script. */
export interface CompiledPhrases {
  /** Fold table as (from, to) code-unit pairs. */
  foldPairs: string;
  ids: string[];
  categories: Category[];
  tiers: Tier[];
  /** The matcher's tables, built at build time (utils/core/matcher.ts). */
  tables: EncodedMatcherTables;
  /**
   * Words that mark Party-state text (data/policy-cues.json), matched on their own: evidence for
   * utils/core/policy-context.ts, never highlighted. A few dozen short words: compiled where they
   * are used (under a millisecond), which ships less than encoded tables would (a table of first
   * character pairs alone is 8 KiB).
   */
  cues: PhraseSet;
}

export interface CompiledEntry extends GlossaryEntry {
  occurrences: Occurrence[];
  /** A reader's own phrase shown as an entry (utils/core/own-phrases.ts): not from the glossary. */
  own?: true;
}

export interface CompiledGlossary {
  entries: CompiledEntry[];
}
