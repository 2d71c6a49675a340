/**
 * The one matcher every context uses (content script, pages, CLI), created from the generated
 * phrase data: the fold table and the matcher's tables are decoded, nothing is compiled. A reader's
 * own phrases join it (withOwnPhrases): compiled at run time, they are few.
 */
import type { CompiledPhrases } from './compiled-data';
import { createFoldTable, type FoldTable } from './fold';
import type { Category, Salience } from './glossary-schema';
import { combineMatchers, compileMatcher, createMatcher, decodeMatcherTables, keyOf, type Matcher } from './matcher';
import type { OwnPhrase } from './own-phrases';

export interface PhraseMatcher extends Matcher {
  fold: FoldTable;
  categories: readonly Category[];
  saliences: readonly Salience[];
  /** The folded key of a form (script-insensitive, separators removed): what lookup compares. */
  key(form: string): string;
  /** This matcher restricted to the entries `keep` accepts (key entries only, shown categories …). */
  restricted(keep: (entry: number) => boolean): PhraseMatcher;
}

interface Meta {
  categories: readonly Category[];
  saliences: readonly Salience[];
}

export function createPhraseMatcher(data: CompiledPhrases): PhraseMatcher {
  const fold = createFoldTable(data.foldPairs);
  const matcher = createMatcher(decodeMatcherTables(data.tables), data.ids, fold);
  return withMeta(matcher, data, fold);
}

/**
 * The glossary's matcher with a reader's own phrases added after its entries. They are always
 * shown (a reader added them to see them): their salience is key.
 */
export function withOwnPhrases(glossary: PhraseMatcher, own: readonly OwnPhrase[]): PhraseMatcher {
  if (own.length === 0) return glossary;
  const ownMatcher = compileMatcher({ ids: own.map((p) => p.id), forms: own.map((p) => [p.form]) }, glossary.fold);
  return withMeta(
    combineMatchers(glossary, ownMatcher),
    {
      categories: [...glossary.categories, ...own.map((p) => p.category)],
      saliences: [...glossary.saliences, ...own.map((): Salience => 'key')],
    },
    glossary.fold,
  );
}

function withMeta(matcher: Matcher, meta: Meta, fold: FoldTable): PhraseMatcher {
  return {
    ...matcher,
    fold,
    categories: meta.categories,
    saliences: meta.saliences,
    key: (form) => keyOf(form, fold).key,
    restricted(keep) {
      return withMeta(matcher.only(Uint8Array.from(matcher.ids, (_, i) => (keep(i) ? 1 : 0))), meta, fold);
    },
  };
}
