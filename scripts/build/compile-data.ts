/**
 * Glossary + corpus → validated, compiled data (build time). Pure: the caller reads the files and
 * writes the results (scripts/build-data.ts), so the tests run exactly what the build runs.
 */
import { buildCorpus, type Corpus, type RepairSpec } from '../../utils/core/corpus-model';
import { indexOccurrences } from '../../utils/core/corpus-index';
import { buildFoldPairs, type FoldSources } from './fold-table-builder';
import { findDuplicateForms, formsOf, validateEntries, validateGlossary, type GlossaryEntry } from '../../utils/core/glossary-schema';
import { createPhraseMatcher } from '../../utils/core/phrase-matcher';
import type { CompiledGlossary, CompiledPhrases } from '../../utils/core/compiled-data';

export interface DataSources {
  rawCorpus: string;
  repairs: RepairSpec[];
  /** Parsed glossary files, by file name (for error messages). */
  glossaryFiles: { name: string; data: unknown }[];
  fold: FoldSources;
}

export interface CompiledData {
  phrases: CompiledPhrases;
  glossary: CompiledGlossary;
  corpus: Corpus;
  errors: string[];
}

export function compileData(sources: DataSources): CompiledData {
  const errors: string[] = [];
  const entries: GlossaryEntry[] = [];
  for (const file of sources.glossaryFiles) {
    const checked = validateEntries(file.data, file.name);
    entries.push(...checked.entries);
    errors.push(...checked.errors);
  }
  errors.push(...validateGlossary(entries));

  const phrases: CompiledPhrases = {
    foldPairs: buildFoldPairs(sources.fold),
    ids: entries.map((e) => e.id),
    categories: entries.map((e) => e.category),
    forms: entries.map(formsOf),
  };
  const matcher = createPhraseMatcher(phrases);
  errors.push(...findDuplicateForms(entries, matcher.key));

  const built = buildCorpus(sources.rawCorpus, sources.repairs);
  errors.push(...built.errors);
  const occurrences = indexOccurrences(built.corpus, matcher);

  const compiled = entries.map((entry) => ({ ...entry, occurrences: occurrences.get(entry.id) ?? [] }));
  for (const entry of compiled) {
    const own = entry.occurrences.length;
    if (own === 0 && !entry.outsideCorpus) {
      errors.push(`entry ${entry.id}: occurs nowhere in the corpus (mark it "outsideCorpus": true if it is a related term from outside the essays)`);
    }
    if (own > 0 && entry.outsideCorpus) {
      errors.push(`entry ${entry.id}: marked outsideCorpus but occurs ${own} times in the corpus`);
    }
  }
  return { phrases, glossary: { entries: compiled }, corpus: built.corpus, errors };
}
