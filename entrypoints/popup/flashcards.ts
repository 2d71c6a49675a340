/** Flashcards from the popup: what the page contains and what the reader looked up, as Anki files. */
import type { CompiledEntry } from '@/utils/core/compiled-data';
import { flashcardsFileName, flashcardsTsv } from '@/utils/core/flashcards';
import { lookedUp } from '@/utils/extension/settings';
import { saveFile } from '@/utils/page/download';

/** Anki flashcards of some entries, saved as a file (utils/core/flashcards.ts). */
export function saveFlashcards(what: 'on-page' | 'looked-up', list: CompiledEntry[]): void {
  saveFile(document, flashcardsFileName(what), 'text/tab-separated-values', flashcardsTsv(list));
}

/** Remembers an entry the reader saw explained, newest first, for flashcards. */
export function rememberLookup(id: string): void {
  void lookedUp.update((ids) => [id, ...ids.filter((x) => x !== id)]);
}
