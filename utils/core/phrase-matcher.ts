/**
 * The one matcher every context uses (content script, pages, CLI, build step), compiled from the
 * generated phrase data.
 */
import { createFoldTable, type FoldTable } from './fold';
import { compileMatcher, keyOf, type Matcher } from './matcher';
import type { CompiledPhrases } from './compiled-data';

export interface PhraseMatcher extends Matcher {
  fold: FoldTable;
  categories: CompiledPhrases['categories'];
  key(form: string): string;
}

export function createPhraseMatcher(data: CompiledPhrases): PhraseMatcher {
  const fold = createFoldTable(data.foldPairs);
  const matcher = compileMatcher({ ids: data.ids, forms: data.forms }, fold);
  return { ...matcher, fold, categories: data.categories, key: (form) => keyOf(form, fold).key };
}
