/** The shipped corpus (generated/corpus.json), typed once here: see ./phrases.ts. */
import data from '@/generated/corpus.json';
import type { Corpus } from '@/utils/core/corpus-model';

export const compiledCorpus = data as unknown as Corpus;
