/**
 * What the card shows of an entry, wherever it is shown (a web page through the background, the
 * extension's own pages directly): its first few uses in the essays and how many there are in all.
 */
import type { CompiledEntry } from './compiled-data';

/** How many essay occurrences a card lists (the rest are one click away, in the glossary). */
const CARD_OCCURRENCES = 3;

export type CardEntryData = CompiledEntry & { occurrenceCount: number };

export function cardEntry(entry: CompiledEntry): CardEntryData {
  return { ...entry, occurrences: entry.occurrences.slice(0, CARD_OCCURRENCES), occurrenceCount: entry.occurrences.length };
}
