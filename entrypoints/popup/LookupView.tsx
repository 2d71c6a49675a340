/** Look up: the search over every entry, remembering what was explained, with its flashcards below. */
import { LookupPanel } from '@/components/LookupPanel';
import type { LookupIndex } from '@/utils/core/lookup';
import { entryLink, essayLink } from './extension-urls';
import { rememberLookup } from './flashcards';
import { LookupFlashcards } from './LookupFlashcards';
import type { Entries } from './use-entries';

export function LookupView(props: { lookup: LookupIndex; entries: Entries; initialQuery: string; autoFocus: boolean }) {
  return (
    <>
      <LookupPanel
        lookup={props.lookup}
        initialQuery={props.initialQuery}
        essayLink={essayLink}
        entryLink={entryLink}
        autoFocus={props.autoFocus}
        onLookedUp={rememberLookup}
      />
      <LookupFlashcards entries={props.entries} />
    </>
  );
}
