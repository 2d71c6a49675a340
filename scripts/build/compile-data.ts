/**
 * Glossary + corpus → validated, compiled data (build time). Pure: the caller reads the files and
 * writes the results (scripts/build-data.ts), so the tests run exactly what the build runs.
 */
import { buildCorpus, type Corpus, type RepairSpec } from '../../utils/core/corpus-model';
import { indexOccurrences } from '../../utils/core/corpus-index';
import { buildFoldPairs, type FoldSources } from './fold-table-builder';
import { findDuplicateForms, formsOf, validateEntries, validateGlossary, type GlossaryEntry } from '../../utils/core/glossary-schema';
import { createPhraseMatcher } from '../../utils/core/phrase-matcher';
import { createFoldTable } from '../../utils/core/fold';
import { buildMatcherTables, encodeMatcherTables, keyOf } from '../../utils/core/matcher';
import type { CompiledGlossary, CompiledPhrases } from '../../utils/core/compiled-data';

export interface DataSources {
  rawCorpus: string;
  repairs: RepairSpec[];
  /** Parsed glossary files, by file name (for error messages). */
  glossaryFiles: { name: string; data: unknown }[];
  fold: FoldSources;
  /** data/policy-cues.json: evidence that a text is about policy (utils/core/policy-context.ts). */
  policyCues: PolicyCues;
  /**
   * How a page converted to a regional vocabulary writes a form (opencc-js cn → twp: 联系 → 聯絡,
   * 全局 → 全域性). The script fold cannot see such word swaps, so these forms are added to the
   * matcher, and a page converted to 台灣正體 keeps its highlights.
   */
  regionalForms?: (form: string) => string[];
}

interface PolicyCues {
  cues: string[];
  notWithin: string[];
}

export interface CompiledData {
  phrases: CompiledPhrases;
  /** Each entry's forms as the matcher was built from them (the glossary's and the regional ones). */
  forms: string[][];
  glossary: CompiledGlossary;
  corpus: Corpus;
  errors: string[];
}

export function compileData(sources: DataSources): CompiledData {
  const errors: string[] = [];
  const entries: GlossaryEntry[] = [];
  const allIds: string[] = [];
  for (const file of sources.glossaryFiles) {
    const checked = validateEntries(file.data, file.name);
    entries.push(...checked.entries);
    allIds.push(...checked.ids);
    errors.push(...checked.errors);
  }
  errors.push(...validateGlossary(entries, allIds));

  const foldPairs = buildFoldPairs(sources.fold);
  const fold = createFoldTable(foldPairs);
  const key = (form: string) => keyOf(form, fold).key;
  errors.push(...findDuplicateForms(entries, key));
  const ids = entries.map((e) => e.id);
  const forms = withRegionalForms(entries.map(formsOf), key, sources.regionalForms);
  const blockers = entries.map((e) => e.notWithin ?? []);
  const phrases: CompiledPhrases = {
    foldPairs,
    ids,
    categories: entries.map((e) => e.category),
    tiers: entries.map((e) => e.tier),
    tables: encodeMatcherTables(buildMatcherTables({ ids, forms, blockers }, fold)),
    // Vocabulary forms may be cues: the level that matches vocabulary gates nothing, so no form counts twice.
    cues: compileCues(
      sources.policyCues,
      key,
      new Set(
        forms
          .filter((_, i) => entries[i].tier !== 'vocabulary')
          .flat()
          .map(key),
      ),
      errors,
    ),
  };
  const matcher = createPhraseMatcher(phrases);

  const built = buildCorpus(sources.rawCorpus, sources.repairs);
  errors.push(...built.errors);
  const occurrences = indexOccurrences(built.corpus, matcher);

  const compiled = entries.map((entry) => ({ ...entry, occurrences: occurrences.get(entry.id) ?? [] }));
  for (const entry of compiled) {
    const own = entry.occurrences.length;
    if (own === 0 && !entry.outsideCorpus) {
      errors.push(
        `entry ${entry.id}: occurs nowhere in the corpus (mark it "outsideCorpus": true if it is a related term from outside the essays)`,
      );
    }
    if (own > 0 && entry.outsideCorpus) {
      errors.push(`entry ${entry.id}: marked outsideCorpus but occurs ${own} times in the corpus`);
    }
  }
  return { phrases, forms, glossary: { entries: compiled }, corpus: built.corpus, errors };
}

/**
 * Each entry's forms, plus how regional vocabularies write them where that is a different key. A
 * regional form that is already another entry's key is left out: the glossary's own forms win.
 */
function withRegionalForms(forms: string[][], key: (form: string) => string, regional?: (form: string) => string[]): string[][] {
  if (!regional) return forms;
  const taken = new Set(forms.flat().map(key));
  return forms.map((own) => {
    const added: string[] = [];
    for (const form of own) {
      for (const variant of regional(form)) {
        const k = key(variant);
        if (k.length < 2 || taken.has(k)) continue;
        taken.add(k);
        added.push(variant);
      }
    }
    return added.length > 0 ? [...own, ...added] : own;
  });
}

/**
 * The policy cues, checked, as the phrase set their matcher is compiled from. Each cue is its own entry (the evidence counts distinct cues); an
 * everyday word that contains cues blocks all of them. A cue that is also a glossary form would be
 * counted twice, once as each: the build rejects it.
 */
function compileCues(
  source: PolicyCues,
  key: (form: string) => string,
  glossaryKeys: ReadonlySet<string>,
  errors: string[],
): CompiledPhrases['cues'] {
  const ids = source.cues.map((cue) => key(cue));
  if (new Set(ids).size !== ids.length) errors.push('data/policy-cues.json: a cue is listed twice');
  for (const cue of source.cues)
    if (glossaryKeys.has(key(cue))) errors.push(`data/policy-cues.json: "${cue}" is a form of a key or formula entry`);
  const blockers = source.cues.map((cue) => source.notWithin.filter((word) => key(word).includes(key(cue))));
  for (const word of source.notWithin)
    if (!blockers.some((list) => list.includes(word))) errors.push(`data/policy-cues.json: notWithin "${word}" holds no cue`);
  return { ids, forms: source.cues.map((cue) => [cue]), blockers };
}
