/**
 * The one matcher every context uses (content script, pages, CLI), created from the generated
 * phrase data: the fold table and the matcher's tables are decoded, nothing is compiled.
 */
import type { CompiledPhrases } from './compiled-data';
import { createFoldTable, type FoldTable } from './fold';
import type { Category, Salience } from './glossary-schema';
import { createMatcher, decodeMatcherTables, keyOf, type Matcher } from './matcher';

export interface PhraseMatcher extends Matcher {
  fold: FoldTable;
  categories: readonly Category[];
  saliences: readonly Salience[];
  /** The folded key of a form (script-insensitive, separators removed): what lookup compares. */
  key(form: string): string;
  /** This matcher restricted to the entries `keep` accepts (key entries only, shown categories …). */
  restricted(keep: (entry: number) => boolean): PhraseMatcher;
}

export function createPhraseMatcher(data: CompiledPhrases): PhraseMatcher {
  const fold = createFoldTable(data.foldPairs);
  const matcher = createMatcher(decodeMatcherTables(data.tables), data.ids, fold);
  return withMeta(matcher, data, fold);
}

function withMeta(matcher: Matcher, data: CompiledPhrases, fold: FoldTable): PhraseMatcher {
  return {
    ...matcher,
    fold,
    categories: data.categories,
    saliences: data.saliences,
    key: (form) => keyOf(form, fold).key,
    restricted(keep) {
      return withMeta(matcher.only(Uint8Array.from(data.ids, (_, i) => (keep(i) ? 1 : 0))), data, fold);
    },
  };
}
