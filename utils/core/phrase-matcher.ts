/**
 * The one matcher every context uses (content script, pages, CLI), created from the generated
 * phrase data: the fold table and the matcher's tables are decoded, nothing is compiled. A reader's
 * own phrases join it (withOwnPhrases): compiled at run time, they are few.
 */
import type { CompiledPhrases } from './compiled-data';
import { createFoldTable, type FoldTable } from './fold';
import type { Category, Tier } from './glossary-schema';
import { combineMatchers, compileMatcher, createMatcher, decodeMatcherTables, keyOf, type Matcher } from './matcher';
import type { OwnPhrase } from './own-phrases';
import { tiersOf, type HighlightLevel } from './policy-context';

export interface PhraseMatcher extends Matcher {
  fold: FoldTable;
  categories: readonly Category[];
  tiers: readonly Tier[];
  /** The policy cues' own matcher (see utils/core/policy-context.ts). */
  cues: Matcher;
  /** Index of the first of the reader's own phrases (the number of glossary entries). */
  ownFrom: number;
  /** The folded key of a form (script-insensitive, separators removed): what lookup compares. */
  key(form: string): string;
  /** This matcher restricted to the entries `keep` accepts (key entries only, shown categories …). */
  restricted(keep: (entry: number) => boolean): PhraseMatcher;
  /** This matcher restricted to the tiers a highlight level matches (tiersOf). */
  forLevel(level: HighlightLevel): PhraseMatcher;
}

interface Meta {
  categories: readonly Category[];
  tiers: readonly Tier[];
  ownFrom: number;
}

export function createPhraseMatcher(data: CompiledPhrases): PhraseMatcher {
  const fold = createFoldTable(data.foldPairs);
  const matcher = createMatcher(decodeMatcherTables(data.tables), data.ids, fold);
  const cues = compileMatcher(data.cues, fold);
  return withMeta(matcher, { ...data, ownFrom: data.ids.length }, fold, cues);
}

/**
 * The glossary's matcher with a reader's own phrases added after its entries. They are always
 * shown (a reader added them to see them): their tier is key.
 */
export function withOwnPhrases(glossary: PhraseMatcher, own: readonly OwnPhrase[]): PhraseMatcher {
  if (own.length === 0) return glossary;
  const ownMatcher = compileMatcher({ ids: own.map((p) => p.id), forms: own.map((p) => [p.form]) }, glossary.fold);
  return withMeta(
    combineMatchers(glossary, ownMatcher),
    {
      categories: [...glossary.categories, ...own.map((p) => p.category)],
      tiers: [...glossary.tiers, ...own.map((): Tier => 'key')],
      ownFrom: glossary.ownFrom,
    },
    glossary.fold,
    glossary.cues,
  );
}

function withMeta(matcher: Matcher, meta: Meta, fold: FoldTable, cues: Matcher): PhraseMatcher {
  return {
    ...matcher,
    fold,
    cues,
    categories: meta.categories,
    tiers: meta.tiers,
    ownFrom: meta.ownFrom,
    key: (form) => keyOf(form, fold).key,
    restricted(keep) {
      return withMeta(matcher.only(Uint8Array.from(matcher.ids, (_, i) => (keep(i) ? 1 : 0))), meta, fold, cues);
    },
    forLevel(level) {
      const tiers = tiersOf(level);
      return this.restricted((entry) => tiers.includes(meta.tiers[entry]));
    },
  };
}
