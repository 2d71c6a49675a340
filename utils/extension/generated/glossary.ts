/** The compiled glossary (generated/glossary.json), typed once here: see ./phrases.ts. */
import data from '@/generated/glossary.json';
import type { CompiledEntry, CompiledGlossary } from '@/utils/core/compiled-data';

export const compiledGlossary = data as unknown as CompiledGlossary;

/** Every entry by id. */
export const glossaryEntries: ReadonlyMap<string, CompiledEntry> = new Map(compiledGlossary.entries.map((e) => [e.id, e]));
